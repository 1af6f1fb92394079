"""Content coverage, derived from the content files: what a file says is on its rendered page.

Each test reads the files directly (not through the database) and compares text as a reader sees
it, so a template that drops a field, or a loader that loses one, fails here. The sister module
test_content_bron.py checks the same pages against lists taken from the source document instead.
"""

from pathlib import Path

import pytest
from django.conf import settings

from tests.hulp_paginas import lees_content, md_blokken, md_tekst, pagina_tekst, platte_tekst

CONTENT = Path(settings.CONTENT_DIR)


def _bestanden(map_: str) -> list[Path]:
    return sorted(p for p in (CONTENT / map_).glob("*.md") if p.name.lower() != "readme.md")


def _metas(map_: str) -> list[dict]:
    """The front matter of every content file in the folder, in _bestanden() order."""
    return [lees_content(p)[0] for p in _bestanden(map_)]


def _ontbreekt(stukken: list[str], pagina: str) -> list[str]:
    """The pieces of text that are not on the page (empty: all there)."""
    return [s for s in stukken if s not in pagina]


@pytest.fixture
def paginas(client, content):
    """Fetch a page's text once per test, however many times it is asked for."""
    cache: dict[str, str] = {}

    def haal(url: str) -> str:
        if url not in cache:
            cache[url] = pagina_tekst(client, url)
        return cache[url]

    return haal


# -- route steps: /stappen/<slug>/ ---------------------------------------------------------------


@pytest.mark.parametrize("pad", _bestanden("route"), ids=lambda p: p.stem)
def test_every_guiding_question_of_a_step_is_on_its_page(paginas, pad):
    meta, _ = lees_content(pad)
    vragen = [md_tekst(v["tekst"] if isinstance(v, dict) else v) for v in meta["vragen"]]
    assert _ontbreekt(vragen, paginas(f"/stappen/{pad.stem}/")) == []


@pytest.mark.parametrize("pad", _bestanden("route"), ids=lambda p: p.stem)
def test_every_question_explanation_of_a_step_is_on_its_page(paginas, pad):
    meta, _ = lees_content(pad)
    uitleg = [b for v in meta["vragen"] if v.get("uitleg") for b in md_blokken(v["uitleg"])]
    assert _ontbreekt(uitleg, paginas(f"/stappen/{pad.stem}/")) == []


@pytest.mark.parametrize("pad", _bestanden("route"), ids=lambda p: p.stem)
def test_a_steps_intro_reminders_and_extra_uitleg_are_on_its_page(paginas, pad):
    meta, body = lees_content(pad)
    stukken = md_blokken(meta["intro"]) + md_blokken(body)
    stukken += [md_tekst(p) for p in meta.get("aandachtspunten", [])]
    assert _ontbreekt(stukken, paginas(f"/stappen/{pad.stem}/")) == []


@pytest.mark.parametrize(
    "pad", [p for p in _bestanden("route") if "alarm" in lees_content(p)[0]], ids=lambda p: p.stem
)
def test_a_steps_alarm_question_and_action_are_on_its_page(paginas, pad):
    alarm = lees_content(pad)[0]["alarm"]
    stukken = [md_tekst(alarm["vraag"]), md_tekst(alarm["actie"])]
    assert _ontbreekt(stukken, paginas(f"/stappen/{pad.stem}/")) == []


@pytest.mark.parametrize(
    "pad",
    [p for p in _bestanden("route") if lees_content(p)[0]["aard"] == "beslissing"],
    ids=lambda p: p.stem,
)
def test_a_decisions_question_and_what_ja_and_nee_mean_are_on_its_page(paginas, pad):
    meta, _ = lees_content(pad)
    stukken = [platte_tekst(meta["beslisvraag"]), md_tekst(meta["ja_uitleg"])]
    stukken.append(md_tekst(meta["nee_uitleg"]))
    assert _ontbreekt(stukken, paginas(f"/stappen/{pad.stem}/")) == []


def test_every_step_is_a_station_on_the_route_map(paginas):
    labels = [platte_tekst(meta.get("kaartlabel") or meta["titel"]) for meta in _metas("route")]
    assert _ontbreekt(labels, paginas("/")) == []


# -- phenomena and cases: /casussen/ and /casussen/<fenomeen>/ -----------------------------------


def test_every_phenomenon_title_is_on_the_casussen_page(paginas):
    titels = [platte_tekst(meta["titel"]) for meta in _metas("fenomenen")]
    assert len(titels) == 8
    assert _ontbreekt(titels, paginas("/casussen/")) == []


@pytest.mark.parametrize("pad", _bestanden("fenomenen"), ids=lambda p: p.stem)
def test_a_phenomenons_title_and_explanation_are_on_its_page(paginas, pad):
    meta, body = lees_content(pad)
    stukken = [platte_tekst(meta["titel"]), *md_blokken(body)]
    assert _ontbreekt(stukken, paginas(f"/casussen/{pad.stem}/")) == []


@pytest.mark.parametrize("pad", _bestanden("casussen"), ids=lambda p: p.stem)
def test_a_case_its_situation_and_example_message_are_on_its_phenomenon_page(paginas, pad):
    meta, body = lees_content(pad)
    bericht = meta["bericht"]
    stukken = [platte_tekst(meta["titel"]), *md_blokken(body), platte_tekst(meta["platform"])]
    stukken += [platte_tekst(bericht["afzender"]), platte_tekst(bericht["tekst"])]
    stukken += [platte_tekst(r) for r in bericht.get("reacties", [])]
    if bericht.get("bereik"):
        stukken.append(platte_tekst(bericht["bereik"]))
    if meta.get("doorgestuurd_via"):
        stukken.append(platte_tekst(meta["doorgestuurd_via"]))
    assert _ontbreekt(stukken, paginas(f"/casussen/{meta['fenomeen']}/")) == []


def test_every_case_title_and_message_is_on_the_casussen_page(paginas):
    stukken = [
        platte_tekst(tekst)
        for meta in _metas("casussen")
        for tekst in (meta["titel"], meta["bericht"]["tekst"])
    ]
    assert _ontbreekt(stukken, paginas("/casussen/")) == []


def test_the_casussen_pages_tips_are_on_it(paginas):
    meta, body = lees_content(CONTENT / "paginas/casussen.md")
    stukken = md_blokken(body) + [md_tekst(t) for t in meta["tips"]]
    stukken += [md_tekst(m["uitleg"]) for m in meta["modi"]]
    assert _ontbreekt(stukken, paginas("/casussen/")) == []


# -- partners: /partners/ and /partners/<slug>/ ---------------------------------------------------


def test_every_partner_title_is_on_the_partners_page(paginas):
    titels = [platte_tekst(meta["titel"]) for meta in _metas("partners")]
    assert _ontbreekt(titels, paginas("/partners/")) == []


@pytest.mark.parametrize("pad", _bestanden("partners"), ids=lambda p: p.stem)
def test_a_partners_rol_algemeen_and_toepassing_online_are_on_its_page(paginas, pad):
    meta, _ = lees_content(pad)
    stukken = [platte_tekst(meta["titel"])]
    stukken += md_blokken(meta["rol_algemeen"]) + md_blokken(meta["toepassing_online"])
    stukken += md_blokken(meta.get("voetnoot", ""))
    assert _ontbreekt(stukken, paginas(f"/partners/{pad.stem}/")) == []


def test_the_rules_for_all_partners_the_note_and_the_tips_are_on_the_partners_page(paginas):
    meta, body = lees_content(CONTENT / "paginas/partners.md")
    stukken = md_blokken(body) + [md_tekst(r) for r in meta["regels"]]
    stukken += [md_tekst(n) for n in meta["noot"]] + [md_tekst(t) for t in meta["tips"]]
    assert _ontbreekt(stukken, paginas("/partners/")) == []


# -- afspraken maken, and the plain pages -----------------------------------------------------------


def test_the_six_steps_of_afspraken_maken_are_on_its_page(paginas):
    stappen = [
        md_tekst(s) for s in lees_content(CONTENT / "paginas/afspraken-maken.md")[0]["stappen"]
    ]
    assert len(stappen) == 6
    assert _ontbreekt(stappen, paginas("/afspraken-maken/")) == []


def test_the_three_example_rows_of_afspraken_maken_are_on_its_page(paginas):
    rijen = lees_content(CONTENT / "paginas/afspraken-maken.md")[0]["voorbeeldtabel"]
    assert len(rijen) == 3
    cellen = [md_tekst(rij[k]) for rij in rijen for k in ("soort", "afspraak", "wie")]
    assert _ontbreekt(cellen, paginas("/afspraken-maken/")) == []


@pytest.mark.parametrize(
    "slug", ["start", "afspraken-maken", "colofon", "privacy", "toegankelijkheid"]
)
def test_a_pages_title_and_text_are_on_it(paginas, slug):
    meta, body = lees_content(CONTENT / f"paginas/{slug}.md")
    url = {"start": "/"}.get(slug, f"/{slug}/")
    assert _ontbreekt([platte_tekst(meta["titel"]), *md_blokken(body)], paginas(url)) == []


def test_every_action_is_on_the_explanation_page_of_the_step_that_shows_actions(paginas):
    (stap,) = [p for p in _bestanden("route") if lees_content(p)[0].get("toon_acties")]
    stukken = []
    for pad in _bestanden("acties"):
        meta, body = lees_content(pad)
        stukken += [platte_tekst(meta["titel"]), *md_blokken(body)]
    assert _ontbreekt(stukken, paginas(f"/stappen/{stap.stem}/")) == []
