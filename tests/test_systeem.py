"""What the machine must have for the PDFs, as `make check-system` installs it: a colour emoji
font, without which the emoji in the hand-outs' mock posts print as empty boxes."""

import io
import subprocess

from pypdf import PdfReader

from routekaart.pdf import naar_pdf


def _lettertypen(pdf: bytes) -> set[str]:
    """The names of the fonts embedded in a PDF, without their subset prefix ("ABCDEF+")."""
    namen = set()
    for pagina in PdfReader(io.BytesIO(pdf)).pages:
        for font in pagina["/Resources"]["/Font"].values():
            namen.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return namen


def test_fontconfig_finds_noto_color_emoji():
    # fc-match always answers with some font: it must be this one, not a fallback.
    uit = subprocess.run(
        ["fc-match", "--format=%{family}|%{file}", "Noto Color Emoji"],
        capture_output=True,
        text=True,
        check=True,
    )
    familie, bestand = uit.stdout.split("|")
    assert "Noto Color Emoji" in familie.split(",")
    assert "NotoColorEmoji" in bestand


def test_a_pdf_draws_emoji_with_the_emoji_font():
    pdf = naar_pdf('<html lang="nl"><title>Bericht</title><p>Pas op 🔫💰 vanavond</p></html>')
    assert "Noto-Color-Emoji" in _lettertypen(pdf)
