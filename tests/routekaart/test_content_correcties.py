"""The content corrections of the point-by-point check against the source (issue 9, point 9): each
test pins one correction, on the loaded content or on the page a reader sees."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from casussen.models import Casus
from kern.markup import render
from routekaart.inlezen import ContentFout, lees_alles
from routekaart.models import Pagina, Stap
from tests.hulp_paginas import pagina_tekst, tekst

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


# -- external links and the addresses of links.md ---------------------------------------------

# The rows of links.md marked "use", and a page each is on.
ADRESSEN = {
    "https://wegwijzerjeugdenveiligheid.nl/instrumenten/het-7-stappenmodel/": "/partners/",
    "https://www.nji.nl/jongerenwerk/hoe-werk-ik-als-jongerenwerker-online": "/partners/jongerenwerk/",
    "https://www.rijksoverheid.nl/documenten/rapporten/2023/10/19/1-handreiking-handhaving-van-de-openbare-orde-en-veiligheid": "/partners/oov/",
    "https://wegwijzerjeugdenveiligheid.nl/onderwerpen/jeugdgroepen/privacy": "/stappen/partners-betrekken/",
    "https://offlimits.nl/": "/casussen/",
}  # fmt: skip
# The links whose address the publisher still has to supply: the rows of links.md marked
# 'keep "(link volgt)"', and the publisher's own contact address (not in links.md).
NOG_IN_TE_VULLEN = sorted(
    [
        ("route/acties.md", "interventiekaart"),
        ("route/acties.md", "dit document"),
        ("fenomenen/ordeverstoringen.md", "interventiekaart"),
        ("fenomenen/ordeverstoringen.md", "het document over het opstellen van zo'n protocol"),
        ("route/partners-betrekken.md", "beroepscode"),
        ("partners/jongerenwerk.md", "beroepscode voor de jongerenwerker"),
        ("paginas/casussen.md", "Jongline"),
        ("paginas/partners.md", "infographic van de Veiligheidscoalitie en RIEC Midden-Nederland"),
        ("paginas/privacy.md", "contactadres van de uitgever"),
        ("paginas/toegankelijkheid.md", "contactadres van de uitgever"),
    ]
)


def _contentbestanden() -> list[Path]:
    return sorted(p for p in CONTENT.rglob("*.md") if p.name.lower() != "readme.md")


def test_only_the_links_the_publisher_must_still_supply_say_link_volgt():
    gevonden = sorted(
        (str(pad.relative_to(CONTENT)), " ".join(naam.split()))
        for pad in _contentbestanden()
        for naam in re.findall(r"\[([^\]]*)\]\(#nog-invullen\)", pad.read_text(encoding="utf-8"))
    )
    assert gevonden == NOG_IN_TE_VULLEN


@pytest.mark.parametrize("adres", ADRESSEN)
def test_each_address_marked_use_in_links_md_is_linked_on_its_page(client, content, adres):
    html = client.get(ADRESSEN[adres]).content.decode()
    assert f'href="{adres}"' in html


def test_an_external_link_says_that_it_leaves_the_site():
    html = render("Zie [de **handreiking**](https://example.nl/a?b=1&c=2).")
    assert html == (
        '<p>Zie <a href="https://example.nl/a?b=1&amp;c=2" aria-label="de handreiking'
        ' (externe website)">de <strong>handreiking</strong></a>.</p>'
    )


def test_a_link_within_the_site_or_to_be_supplied_is_not_marked_external():
    html = render("Zie [casussen](/casussen/), [mail](mailto:a@b.nl) en [x](#nog-invullen).")
    assert "externe website" not in html
    assert "aria-label" not in html


def test_an_external_link_on_a_page_opens_in_the_same_tab_and_says_it_leaves(client, content):
    html = client.get("/partners/").content.decode()
    (link,) = re.findall(r'<a href="https://wegwijzerjeugdenveiligheid[^>]*>', html)
    assert 'aria-label="het 7-stappenmodel van het CCV (externe website)"' in link
    assert "target=" not in link


# -- hints faithful to the source ----------------------------------------------------------------


def test_step_1s_online_hint_says_stel_direct_vast_about_openbaar_or_besloten_only(content):
    hint = _hint("bericht-duiden", modus="online")
    assert "Stel direct vast of het openbaar of besloten is" in hint
    assert "Leg direct vast" not in hint
    assert "bereik" not in hint


@pytest.mark.parametrize("stap", ["bericht-duiden", "contextinformatie"])
def test_the_boa_hints_are_the_gemeentes_instruction_not_a_statement_about_every_boa(content, stap):
    hint = _hint(stap, rol="boa")
    assert "de opdracht van boa's kan per gemeente verschillen" in hint.lower()
    assert (
        "Zorg in elk geval dat boa's online herkenbaar zijn via een professioneel profiel en geen"
        " digitale opsporing uitvoeren." in hint
    )
    assert "ben je online herkenbaar" not in hint
    assert "je bent online herkenbaar" not in hint


def test_step_2s_oov_hint_says_only_in_specific_cases(content):
    hint = _hint("contextinformatie", rol="oov")
    assert "kun je binnen je functie alleen online actief zijn" in hint
    assert "Dat kan alleen in specifieke gevallen." in hint


def test_the_oov_hints_link_the_bzk_handreiking(content):
    (bzk,) = [a for a, pagina in ADRESSEN.items() if pagina == "/partners/oov/"]
    for stap in ("bericht-duiden", "contextinformatie"):
        (hint,) = [h for h in Stap.objects.get(slug=stap).hints if h.get("rol") == "oov"]
        assert f'href="{bzk}"' in hint["tekst"]


def test_step_2s_sexual_boundaries_hint_names_the_depicted_person_and_the_recipient(content):
    hint = _hint("contextinformatie", fenomeen="seksueel-grensoverschrijdend-gedrag")
    assert "seksuele content zonder toestemming van de afgebeelde persoon of de ontvanger" in hint


def test_step_5s_boa_hint_says_als_dat_nodig_is(content):
    assert "grijp je in als dat nodig is: met een waarschuwing" in _hint("acties", rol="boa")


def test_step_5s_ordeverstoringen_hint_leaves_the_protocol_to_the_gemeente_beforehand(content):
    hint = _hint("acties", fenomeen="ordeverstoringen")
    assert "de gemeente daarvoor vooraf een protocol opstelt" in hint
    assert "Stel daarvoor" not in hint


# -- "Doorgestuurd via …" ------------------------------------------------------------------------


def test_every_forwarded_case_reads_well_after_doorgestuurd_via(client, content):
    doorgestuurd = Casus.objects.exclude(doorgestuurd_via="")
    assert doorgestuurd.count() == 4
    for casus in doorgestuurd:
        pagina = pagina_tekst(client, f"/casussen/{casus.fenomeen.slug}/")
        assert f"Doorgestuurd via {casus.doorgestuurd_via}" in pagina
        assert not casus.doorgestuurd_via.lower().startswith("doorgestuurd")
    assert "doorgestuurd via doorgestuurd" not in pagina_tekst(client, "/casussen/").lower()


# -- one term each -------------------------------------------------------------------------------

VERKEERDE_TERMEN = {
    "social media": r"\bsocial\s+media\b",
    "screenshot": r"screenshot",
    "Snapchat-bericht": r"Snapchat-(?:bericht|verhaal)",
    "een-op-een contact": r"een-op-een\s+contact",
}


def _lopende_tekst(pad: Path) -> str:
    """A file's text without link addresses (an address may keep an English word)."""
    return re.sub(r"\]\([^)]*\)|href=\"[^\"]*\"", "", pad.read_text(encoding="utf-8"))


@pytest.mark.parametrize("term", VERKEERDE_TERMEN)
def test_content_and_templates_use_one_term_each(term):
    bestanden = [*CONTENT.rglob("*.md"), *(BASE_DIR / "templates").rglob("*.html")]
    gevonden = [
        str(p.relative_to(BASE_DIR))
        for p in bestanden
        if re.search(VERKEERDE_TERMEN[term], _lopende_tekst(p), re.I)
    ]
    assert gevonden == []


def test_the_example_accounts_are_verzonnen(client, content):
    pagina = pagina_tekst(client, "/casussen/")
    assert "de accounts en berichten zijn verzonnen" in pagina
    assert "bestaan niet" not in pagina


# -- grammar -------------------------------------------------------------------------------------


def test_bijzondere_persoonsgegevens_are_listed_in_one_sentence_structure(client, content):
    pagina = pagina_tekst(client, "/stappen/partners-betrekken/")
    assert "seksualiteit, of om genetische" not in pagina
    assert "gezondheid of seksualiteit. Ook genetische en biometrische gegevens" in pagina


def test_the_two_kinds_of_crime_agree_with_their_verb(client, content):
    pagina = pagina_tekst(client, "/casussen/cybercriminaliteit/")
    assert "Gedigitaliseerde criminaliteit zijn" not in pagina
    assert "Cybercriminaliteit zijn" not in pagina
    assert "Gedigitaliseerde criminaliteit: zo heten delicten" in pagina


def test_afspraken_maken_plans_a_moment_in(client, content):
    pagina = pagina_tekst(client, "/afspraken-maken/")
    assert "Plan dan een moment met" not in pagina
    assert "Plan dan met (in ieder geval) de kernpartners een moment in om" in pagina


# -- the example text of the agreements table comes from content --------------------------------

VOORBEELDUITLEG = "Leg als OOV-er de afspraken vast."


def test_the_agreements_example_text_is_in_content_not_in_the_template(client, content):
    assert VOORBEELDUITLEG in tekst(
        "".join(Pagina.objects.get(slug="afspraken-maken").extra["voorbeelduitleg"])
    )
    assert VOORBEELDUITLEG in pagina_tekst(client, "/afspraken-maken/")
    sjabloon = BASE_DIR / "templates/routekaart/afspraken_maken.html"
    assert VOORBEELDUITLEG not in sjabloon.read_text(encoding="utf-8")


def test_the_agreements_example_text_follows_its_content_file(db, client, kopie):
    pad = kopie / "paginas/afspraken-maken.md"
    inhoud = pad.read_text(encoding="utf-8")
    assert VOORBEELDUITLEG in inhoud
    pad.write_text(inhoud.replace(VOORBEELDUITLEG, "Schrijf de *afspraken* op."), encoding="utf-8")
    call_command("load_content", "--map", str(kopie), stdout=StringIO())
    html = client.get("/afspraken-maken/").content.decode()
    assert "Schrijf de <em>afspraken</em> op." in html
    assert VOORBEELDUITLEG not in html
