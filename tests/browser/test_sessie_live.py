"""The live session in Debian's Chromium (issue 11): the beamer is readable from the back of the
room and follows the regisseur's controls without a reload; the live case screen refreshes
without touching what the regisseur is typing. axe-core on the beamer and the live screen."""

import re

import pytest
from playwright.sync_api import expect

from afspraken.models import Antwoord, Lidrol, Netwerk
from tests.afspraken.personas import maak_lid
from tests.afspraken.sessie_hulp import maak_sessie
from tests.browser.hulp import inloggen
from tests.conftest import axe_fouten

pytestmark = pytest.mark.browser


@pytest.fixture
def opzet(live_content, live_server):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    sessie = maak_sessie(netwerk)
    basis = f"{live_server.url}/afspraken/gemeente-zee/sessies/{sessie.pk}"
    return sessie, basis


def _antwoord(sessie, naam, **velden):
    sc = sessie.eerste_casus()
    deelnemer = sessie.deelnemers.get(naam=naam)
    Antwoord.objects.bewaar(
        sessie=sessie, casus=sc.casus, deelnemer=deelnemer, geladen_versie=0, **velden
    )


def test_the_beamer_is_readable_from_the_back_and_follows_the_controls(browser, live_server, opzet):
    sessie, basis = opzet
    regie = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    beamer = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    try:
        scherm = regie.new_page()
        inloggen(scherm, live_server.url, "oov_zee")
        zaal = beamer.new_page()
        inloggen(zaal, live_server.url, "oov_zee")
        zaal.goto(basis + "/live/beamer/")
        eerste = sessie.eerste_casus().casus
        expect(zaal.locator("h1")).to_have_text(eerste.titel)
        # Nothing of the site around it.
        expect(zaal.locator("header.kop, .kruimel, .sessiestappen, footer")).to_have_count(0)
        # At least 32 px body text at 1280 px: the situation, the mock post, the count.
        for kiezer in (".casus p", ".mockbericht__tekst", ".beamer-stand__aantal"):
            grootte = zaal.locator(kiezer).first.evaluate(
                "(e) => parseFloat(getComputedStyle(e).fontSize)"
            )
            assert grootte >= 32, (kiezer, grootte)
        assert not (r := axe_fouten(zaal)), r

        # The regisseur starts the timer on the live case screen; the beamer counts down.
        scherm.goto(basis + f"/casussen/{eerste.slug}/")
        scherm.get_by_role("button", name="Start").click()
        expect(scherm.locator("#bediening [data-klok-stand]")).to_contain_text("klaar om")
        klok = zaal.locator("[data-klok-tekst]")
        # Not dealt yet: one case each, 10 minutes.
        expect(klok).not_to_have_text("10:00", timeout=5000)
        expect(klok).to_have_text(re.compile(r"^9:[0-5]\d$"))
        grootte = klok.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
        assert grootte >= 96, grootte

        # Answers come in; the count follows, the differences wait for "Toon verschillen".
        _antwoord(sessie, "Ayla", ingrijpen="ja")
        _antwoord(sessie, "Bram", ingrijpen="nee")
        expect(zaal.locator(".beamer-stand__aantal")).to_have_text(
            "2 van 4 hebben geantwoord", timeout=5000
        )
        expect(zaal.locator(".verschillen")).to_have_count(0)
        scherm.get_by_role("button", name="Toon verschillen").click()
        expect(scherm.get_by_role("button", name="Verberg verschillen")).to_be_visible()
        expect(zaal.locator(".verschillen")).to_contain_text(
            "1 van 2 zouden ingrijpen", timeout=5000
        )
        assert not (r := axe_fouten(zaal)), r
        zaal.set_viewport_size({"width": 1920, "height": 1080})
        assert not (r := axe_fouten(zaal)), r

        # Pauze: the beamer stops too.
        scherm.get_by_role("button", name="Pauze").click()
        expect(zaal.locator("[data-klok-stand]")).to_have_text("Gepauzeerd.", timeout=5000)
        stil = klok.text_content()
        zaal.wait_for_timeout(2500)
        assert klok.text_content() == stil

        # "Volgende casus" moves the beamer and the regisseur's own screen.
        tweede = list(sessie.casussen.select_related("casus"))[1].casus
        scherm.get_by_role("button", name=re.compile("^Volgende casus")).click()
        expect(scherm.locator("h1")).to_have_text(f"Bespreken: {tweede.titel}")
        expect(zaal.locator("h1")).to_have_text(tweede.titel, timeout=5000)
        expect(zaal.locator(".verschillen")).to_have_count(0)
    finally:
        regie.close()
        beamer.close()


def test_polling_never_replaces_what_the_regisseur_is_typing(browser, live_server, opzet):
    sessie, basis = opzet
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        inloggen(page, live_server.url, "oov_zee")
        eerste = sessie.eerste_casus().casus
        page.goto(basis + f"/casussen/{eerste.slug}/")
        expect(page.locator("#stand")).to_contain_text("0 van 4 hebben geantwoord")
        page.get_by_text("Invullen voor iemand zonder telefoon").click()
        cor = page.get_by_role("group", name="Cor (Jeugdboa)")
        veld = cor.get_by_label("Duiding in één zin")
        veld.fill("Ik typ nog")
        # Meanwhile a participant answers on their phone: the screen follows ...
        _antwoord(sessie, "Ayla", ingrijpen="ja", duiding="Van de telefoon")
        expect(page.locator("#stand")).to_contain_text("1 van 4 hebben geantwoord", timeout=5000)
        expect(page.locator("#stand")).to_contain_text("Van de telefoon")
        page.wait_for_timeout(2500)  # one more poll
        # ... and what is being typed stays, with the focus in it.
        expect(veld).to_have_value("Ik typ nog")
        expect(veld).to_be_focused()
        assert not (r := axe_fouten(page)), r
        page.get_by_role("button", name="Antwoorden opslaan").click()
        expect(page.locator("#stand")).to_contain_text("2 van 4 hebben geantwoord", timeout=5000)
        expect(page.locator("#stand")).to_contain_text("Ik typ nog")
        assert not (r := axe_fouten(page)), r
    finally:
        context.close()
