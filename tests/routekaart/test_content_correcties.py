"""The content corrections of the point-by-point check against the source (issue 9, point 9): each
test pins one correction, on the loaded content or on the page a reader sees."""

from pathlib import Path

import pytest
from django.conf import settings

from routekaart.inlezen import ContentFout, lees_alles
from routekaart.models import Stap
from tests.hulp_paginas import tekst

CONTENT = Path(settings.CONTENT_DIR)
BASE_DIR = Path(settings.BASE_DIR)


def _hint(stap: str, **voorwaarden: str) -> str:
    """The text, as a reader sees it, of the one hint of `stap` with exactly these conditions."""
    (hint,) = [
        h
        for h in Stap.objects.get(slug=stap).hints
        if {k: v for k, v in h.items() if k != "tekst"} == voorwaarden
    ]
    return tekst(hint["tekst"])


def _voeg_hint_toe(kopie: Path, regels: str) -> None:
    """Append a hint (YAML lines under `hints:`) to step 1 of a copy of the content."""
    pad = kopie / "route/bericht-duiden.md"
    inhoud = pad.read_text(encoding="utf-8")
    assert "\nhints:\n" in inhoud
    pad.write_text(inhoud.replace("\nhints:\n", f"\nhints:\n{regels}", 1), encoding="utf-8")


# -- a hint names one to three conditions --------------------------------------------------------


def test_a_hint_with_two_conditions_loads_with_both(content):
    hints = Stap.objects.get(slug="bericht-duiden").hints
    assert {"rol": "jongerenwerk", "modus": "online"} in [
        {k: v for k, v in h.items() if k != "tekst"} for h in hints
    ]


def test_a_hint_with_all_three_conditions_loads_with_all_three(kopie):
    _voeg_hint_toe(kopie, '  - {rol: politie, modus: offline, fenomeen: fraude, tekst: "Drie."}\n')
    (stap,) = [i for i in lees_alles(kopie)["route"] if i.slug == "bericht-duiden"]
    assert stap.velden["hints"][0] == {
        "rol": "politie",
        "modus": "offline",
        "fenomeen": "fraude",
        "tekst": "<p>Drie.</p>",
    }


@pytest.mark.parametrize(
    ("hint", "veld"),
    [
        ('{rol: jongerenwerk, modus: soms, tekst: "x"}', "hints[1].modus"),
        ('{rol: wijkagent, modus: online, tekst: "x"}', "hints[1].rol"),
        ('{rol: boa, fenomeen: oplichting, tekst: "x"}', "hints[1].fenomeen"),
        ('{rol: boa, modes: online, tekst: "x"}', "hints[1].modes"),
        ('{tekst: "x"}', "hints[1]"),
    ],
    ids=["unknown mode", "unknown role", "unknown phenomenon", "unknown key", "no condition"],
)
def test_a_hint_with_a_wrong_condition_still_fails_loading(kopie, hint, veld):
    _voeg_hint_toe(kopie, f"  - {hint}\n")
    with pytest.raises(ContentFout) as fout:
        lees_alles(kopie)
    assert fout.value.veld == veld
    assert fout.value.bestand == str(kopie / "route/bericht-duiden.md")


@pytest.mark.parametrize(
    ("rol", "begin"),
    [
        ("jongerenwerk", "Via je herkenbare professionele profiel"),
        ("politie", "Met een professioneel profiel kun je digitaal surveilleren"),
    ],
)
def test_step_1s_professional_profile_hints_are_for_who_sees_the_message_online(
    content, rol, begin
):
    assert _hint("bericht-duiden", rol=rol, modus="online").startswith(begin)
