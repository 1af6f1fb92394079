"""`manage.py load_content`: idempotent, removes what vanished, --dry-run, all-or-nothing with a
message naming the file and the field, and sanitized Markdown."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from casussen.models import Casus, Fenomeen
from routekaart.inlezen import ONDERDELEN
from routekaart.models import Stap


def _laad(map_: Path | None = None, **opties) -> str:
    uit = StringIO()
    args = ["--map", str(map_)] if map_ else []
    call_command("load_content", *args, stdout=uit, **opties)
    return uit.getvalue()


def _stand() -> dict[str, list[dict]]:
    """Every content row with every field, to compare the database before and after."""
    return {o.map: list(o.model.objects.order_by("slug").values()) for o in ONDERDELEN}


def _vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} staat niet in {pad}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


# -- loading the shipped content ----------------------------------------------------------------


def test_it_loads_the_shipped_content(zonder_content):
    uit = _laad()
    assert "Content geladen." in uit
    assert Stap.objects.count() == 8
    assert Fenomeen.objects.count() == 8
    assert Casus.objects.count() == 8


def test_a_second_run_changes_nothing_and_says_so(db):
    _laad()
    voor = _stand()
    uit = _laad()
    assert "niets gewijzigd" in uit
    assert _stand() == voor


def test_a_second_run_counts_every_row_as_unchanged(db):
    _laad()
    uit = _laad(verbosity=2)
    assert "route: 0 nieuw, 0 gewijzigd, 8 ongewijzigd, 0 verwijderd" in uit
    assert "casussen: 0 nieuw, 0 gewijzigd, 8 ongewijzigd, 0 verwijderd" in uit


def test_an_edited_file_updates_its_row(db, kopie):
    _laad(kopie)
    _vervang(kopie / "fenomenen/fraude.md", "titel: Online fraude", "titel: Online oplichting")
    uit = _laad(kopie)
    assert "fenomenen: 0 nieuw, 1 gewijzigd, 7 ongewijzigd, 0 verwijderd" in uit
    assert Fenomeen.objects.get(slug="fraude").titel == "Online oplichting"


def test_a_removed_file_removes_its_row(db, kopie):
    _laad(kopie)
    (kopie / "casussen/fraude-tiktok-bekende-jongen.md").unlink()
    uit = _laad(kopie)
    assert "casussen: 0 nieuw, 0 gewijzigd, 7 ongewijzigd, 1 verwijderd" in uit
    assert not Casus.objects.filter(slug="fraude-tiktok-bekende-jongen").exists()
    assert Casus.objects.count() == 7


def test_a_removed_phenomenon_and_its_case_are_both_removed(db, kopie):
    _laad(kopie)
    (kopie / "casussen/fraude-tiktok-bekende-jongen.md").unlink()
    (kopie / "fenomenen/fraude.md").unlink()
    # A route hint names this phenomenon, so it must go too for the content to stay consistent.
    for pad in (kopie / "route").glob("*.md"):
        tekst = pad.read_text(encoding="utf-8")
        pad.write_text(tekst.replace("fenomeen: fraude\n", "rol: andere\n"), encoding="utf-8")
    _laad(kopie)
    assert not Fenomeen.objects.filter(slug="fraude").exists()
    assert Casus.objects.count() == 7


def test_dry_run_writes_nothing_to_an_empty_database(zonder_content):
    uit = _laad(dry_run=True)
    assert "Proefdraai: er is niets opgeslagen." in uit
    assert all(rijen == [] for rijen in _stand().values())


def test_dry_run_reports_the_change_it_would_make_but_does_not_make_it(db, kopie):
    _laad(kopie)
    voor = _stand()
    _vervang(kopie / "fenomenen/fraude.md", "titel: Online fraude", "titel: Online oplichting")
    uit = _laad(kopie, dry_run=True)
    assert "fenomenen: 0 nieuw, 1 gewijzigd" in uit
    assert _stand() == voor


# -- a bad file fails the whole load, naming the file and the field -----------------------------

# (file, text to replace, replacement, field named in the message)
SLECHTE_BESTANDEN = {
    "missing field": (
        "fenomenen/fraude.md",
        "titel: Online fraude\n",
        "",
        "veld 'titel'",
    ),
    "missing Markdown field of a partner": (
        "partners/boa.md",
        "toepassing_online: |",
        "toepassing_anders: |",
        "veld 'toepassing_online'",
    ),
    "unknown edge target": (
        "route/bericht-duiden.md",
        "volgende: contextinformatie",
        "volgende: contextinfo",
        "veld 'volgende'",
    ),
    "unknown ja target": (
        "route/ingrijpen.md",
        "ja: acties",
        "ja: actie",
        "veld 'ja'",
    ),
    "unknown phenomenon in a case": (
        "casussen/fraude-tiktok-bekende-jongen.md",
        "fenomeen: fraude",
        "fenomeen: oplichting",
        "veld 'fenomeen'",
    ),
    "unknown phenomenon in a route hint": (
        "route/contextinformatie.md",
        "fenomeen: fraude",
        "fenomeen: oplichting",
        "veld 'hints[6].fenomeen'",
    ),
    "invalid YAML": (
        "casussen/fraude-tiktok-bekende-jongen.md",
        "platform: TikTok",
        "platform: [TikTok",
        "veld 'front matter'",
    ),
    "invalid choice": (
        "casussen/fraude-tiktok-bekende-jongen.md",
        "modus: online",
        "modus: soms",
        "veld 'modus'",
    ),
    "decision without sleutel": (
        "route/ingrijpen.md",
        "sleutel: ingrijpen\n",
        "",
        "veld 'sleutel'",
    ),
    # Slugs are file names, so two files in one folder can never share a slug. The duplicates a
    # publisher *can* write are a second start step and a second decision answering under the
    # same URL key; both are refused at the file that repeats them.
    "duplicate start step": (
        "route/samen-doorlopen.md",
        "aard: info",
        "aard: start",
        "veld 'aard'",
    ),
    "duplicate decision key": (
        "route/ingrijpen.md",
        "sleutel: ingrijpen",
        "sleutel: partners",
        "veld 'sleutel': stap 'partners-betrekken': sleutel 'partners' is ook van 'ingrijpen'",
    ),
    "cycle": (
        "route/acties.md",
        "volgende: evalueren",
        "volgende: bericht-duiden",
        "veld 'volgende'",
    ),
    "unreachable step": (
        "route/contextinformatie.md",
        "volgende: partners-betrekken",
        "volgende: ingrijpen",
        "veld 'route': niet bereikbaar vanaf de start: partners-betrekken, samen-doorlopen",
    ),
}
# Where the file named is not the file edited: an unreachable step is named, not the step that
# no longer points to it (the loader cannot know which edge was meant); of two decisions sharing
# a key, the one read last is named and the message names the other.
GENOEMD_BESTAND = {
    "unreachable step": "route/partners-betrekken.md",
    "duplicate decision key": "route/partners-betrekken.md",
}


@pytest.mark.parametrize("geval", SLECHTE_BESTANDEN)
def test_a_bad_file_is_refused_with_file_and_field_and_changes_nothing(db, kopie, geval):
    bestand, oud, nieuw, veld = SLECHTE_BESTANDEN[geval]
    _laad()
    voor = _stand()
    # A good edit elsewhere proves that nothing is written, not even the files before the bad one.
    _vervang(kopie / "fenomenen/rivaliserende-jeugd.md", "volgorde: 1", "volgorde: 9")
    _vervang(kopie / bestand, oud, nieuw)
    with pytest.raises(CommandError) as fout:
        _laad(kopie)
    melding = str(fout.value)
    assert str(kopie / GENOEMD_BESTAND.get(geval, bestand)) in melding
    assert veld in melding
    assert _stand() == voor


def test_a_file_name_that_is_not_a_slug_is_refused(db, kopie):
    (kopie / "fenomenen/fraude.md").rename(kopie / "fenomenen/Fraude.md")
    with pytest.raises(CommandError) as fout:
        _laad(kopie)
    assert "Fraude.md: veld 'bestandsnaam'" in str(fout.value)


def test_a_file_without_front_matter_is_refused(db, kopie):
    (kopie / "fenomenen/fraude.md").write_text("Alleen tekst.\n", encoding="utf-8")
    with pytest.raises(CommandError) as fout:
        _laad(kopie)
    assert "fraude.md: veld 'front matter'" in str(fout.value)


def test_a_missing_folder_is_refused(db, kopie):
    shutil.rmtree(kopie / "acties")
    with pytest.raises(CommandError) as fout:
        _laad(kopie)
    assert "acties: deze map ontbreekt" in str(fout.value)


def test_the_yaml_error_message_says_which_line(db, kopie):
    _vervang(kopie / "fenomenen/fraude.md", "kort: Fraude", "kort: [Fraude")
    with pytest.raises(CommandError) as fout:
        _laad(kopie)
    assert "ongeldige YAML (regel" in str(fout.value)


# -- nothing unsafe survives Markdown rendering -----------------------------------------------

AANVAL = "<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))"
GEVAARLIJK = ("<script>alert", "onerror", "javascript:", "<img")


def _zonder_gevaar(html: str) -> list[str]:
    return [g for g in GEVAARLIJK if g in html.lower()]


def test_unsafe_html_in_a_body_does_not_reach_the_page(db, client, kopie):
    pad = kopie / "fenomenen/fraude.md"
    pad.write_text(pad.read_text(encoding="utf-8") + f"\n{AANVAL}\n", encoding="utf-8")
    _laad(kopie)
    html = client.get("/casussen/fraude/").content.decode()
    assert "klik" in html  # the link text stays, as plain text
    assert _zonder_gevaar(html) == []


def test_unsafe_html_in_markdown_front_matter_does_not_reach_the_page(db, client, kopie):
    _vervang(kopie / "partners/boa.md", "rol_algemeen: |\n", f"rol_algemeen: |\n  {AANVAL}\n\n")
    _vervang(
        kopie / "partners/boa.md",
        "toepassing_online: |\n",
        f'toepassing_online: "{AANVAL}"\nx: |\n',
    )
    _laad(kopie)
    html = client.get("/partners/boa/").content.decode()
    assert _zonder_gevaar(html) == []


def test_unsafe_html_in_a_guiding_question_does_not_reach_the_page(db, client, kopie):
    _vervang(
        kopie / "route/bericht-duiden.md",
        '  - tekst: "Zie je herkenbare personen of plekken?"',
        f'  - tekst: "Zie je herkenbare personen? {AANVAL}"\n    uitleg: "{AANVAL}"',
    )
    _vervang(kopie / "route/bericht-duiden.md", "---\nBij deze", f"---\n{AANVAL}\n\nBij deze")
    _laad(kopie)
    html = client.get("/stappen/bericht-duiden/").content.decode()
    assert "Zie je herkenbare personen?" in html
    assert _zonder_gevaar(html) == []


def test_plain_text_fields_are_escaped_not_rendered(db, client, kopie):
    _vervang(
        kopie / "fenomenen/fraude.md", "titel: Online fraude", 'titel: "<script>alert(1)</script>"'
    )
    _vervang(
        kopie / "casussen/fraude-tiktok-bekende-jongen.md",
        "Zin in makkelijk geld?",
        "<img src=x onerror=alert(1)>",
    )
    _laad(kopie)
    html = client.get("/casussen/fraude/").content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
