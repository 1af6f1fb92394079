"""What the machine must have for the PDFs, as `make check-system` installs it: a colour emoji
font, without which the emoji in the hand-outs' mock posts print as empty boxes."""

import subprocess

from kern.pdf import naar_pdf
from tests.pdf_hulp import lettertypen


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
    assert "Noto-Color-Emoji" in lettertypen(pdf)
