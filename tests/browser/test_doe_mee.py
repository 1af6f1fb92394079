"""A participant on a 375 × 800 phone, in Debian's Chromium: joins by code (typed in lower case
with a dash), picks their name, sees their own cases and answers one, with JavaScript (htmx, the
polling status, the countdown) and without (plain posts, post/redirect/get). axe finds nothing and
the Nu Html Checker no error on the join, name and participant pages; nothing is wider than the
screen. The regisseur's session page shows the code, the QR and the claim."""

import re

import pytest
from playwright.sync_api import expect

from afspraken import deelname
from afspraken.models import Inbreng, Lidrol, Netwerk, Sessie
from tests.afspraken.personas import maak_lid
from tests.afspraken.sessie_hulp import maak_sessie
from tests.browser.hulp import inloggen
from tests.conftest import axe_fouten, vnu_fouten

pytestmark = pytest.mark.browser

TELEFOON = {"width": 375, "height": 800}


@pytest.fixture
def sessie(live_content):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    s = maak_sessie(netwerk)
    deelname.geef_code(s)
    ayla = s.deelnemers.get(naam="Ayla")
    for sc in s.casussen.all()[:2]:
        sc.deelnemers.add(ayla)
    Sessie.objects.filter(pk=s.pk).update(status=Sessie.Status.BEZIG)
    return s


def _geen_zijwaarts_scrollen(page) -> None:
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= TELEFOON["width"], f"{page.url}: {breedte}px breed"


def _controleer(page, fouten: list[str], paginas: dict[str, str], naam: str, js: bool) -> None:
    """No sideways scroll, axe (it runs as a script: only with JavaScript on), and the HTML kept
    for the Nu Html Checker."""
    if js:
        _geen_zijwaarts_scrollen(page)
        if r := axe_fouten(page):
            fouten.append(f"{naam}:\n{r}")
    paginas[naam] = page.content()


@pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])
def test_a_participant_joins_by_code_and_answers_a_case_on_a_phone(
    browser, live_server, sessie, js
):
    context = browser.new_context(viewport=TELEFOON, locale="nl-NL", java_script_enabled=js)
    page = context.new_page()
    fouten: list[str] = []
    paginas: dict[str, str] = {}
    try:
        page.goto(live_server.url + "/doe-mee/")
        expect(page.locator("h1")).to_have_text("Meedoen met een sessie")
        _controleer(page, fouten, paginas, "code", js)
        # A wrong code first: a Dutch message, the input kept.
        page.get_by_label("Sessiecode").fill("zzzz-zzzz")
        page.get_by_role("button", name="Verder").click()
        expect(page.get_by_role("alert")).to_contain_text("Deze sessiecode kennen we niet")
        expect(page.get_by_label("Sessiecode")).to_have_value("zzzz-zzzz")
        _controleer(page, fouten, paginas, "code-fout", js)
        code = deelname.toon(sessie.code).lower().replace(" ", "-")
        page.get_by_label("Sessiecode").fill(code)
        page.get_by_role("button", name="Verder").click()

        expect(page.locator("h1")).to_have_text("Wie ben jij?")
        _controleer(page, fouten, paginas, "wie", js)
        page.get_by_role("button", name="Ayla").click()

        expect(page.locator("h1")).to_have_text("Jouw casussen")
        expect(page.get_by_text("Je doet mee als Ayla")).to_be_visible()
        eerste, tweede = (sc.casus for sc in sessie.casussen.all()[:2])
        derde = sessie.casussen.all()[2].casus
        expect(page.get_by_role("heading", name=eerste.titel, exact=True)).to_be_visible()
        expect(page.get_by_role("heading", name=tweede.titel, exact=True)).to_be_visible()
        expect(page.get_by_role("heading", name=derde.titel, exact=True)).to_have_count(0)
        expect(page.get_by_role("timer")).to_have_text("20:00")  # two cases of 10 minutes
        _controleer(page, fouten, paginas, "casussen", js)

        kaart = page.locator(f"#antwoord-{eerste.slug}")
        kaart.get_by_label("Duiding in één zin").fill("Een oproep tot een vechtpartij.")
        kaart.get_by_role("group", name="Partners betrekken?").get_by_label("Ja").check()
        partners = kaart.get_by_role("group", name="Welke partners? (als je Ja kiest)")
        partners.get_by_label("Politie").check()
        partners.get_by_label("Jongerenwerk").check()
        kaart.get_by_role("group", name="Ingrijpen?").get_by_label("Ja").check()
        kaart.get_by_label("Welke actie?").select_option("anders")
        kaart.get_by_label("Anders, namelijk").fill("De wijkagent belt de ouders.")
        kaart.get_by_role("button", name="Antwoord opslaan").click()
        if js:
            expect(kaart.get_by_role("status")).to_contain_text("Opgeslagen.")
            expect(page.locator("#antwoord-kop-" + eerste.slug)).to_be_focused()
        else:
            expect(page.locator(".meldingen")).to_contain_text(
                f"Je antwoord bij {eerste.titel} is opgeslagen."
            )
        kaart = page.locator(f"#antwoord-{eerste.slug}")
        expect(kaart.get_by_label("Duiding in één zin")).to_have_value(
            "Een oproep tot een vechtpartij."
        )
        _controleer(page, fouten, paginas, "casussen-opgeslagen", js)
        a = Inbreng.objects.get(sessie=sessie, casus=eerste)
        assert (a.deelnemer.naam, a.partners, a.ingrijpen) == (
            "Ayla",
            ["jongerenwerk", "politie"],
            "ja",
        )
        assert (a.actie, a.actie_anders) == ("anders", "De wijkagent belt de ouders.")

        if js:
            # The status polls: the regisseur starts the timer, the phone follows without a
            # reload, and what is being typed in a form stays.
            kaart.get_by_label("Duiding in één zin").fill("Nog niet opgeslagen")
            from django.utils import timezone

            Sessie.objects.filter(pk=sessie.pk).update(klok_gestart_op=timezone.now())
            expect(page.locator(".klok__stand")).to_contain_text("klaar om", timeout=6000)
            expect(page.get_by_role("timer")).not_to_have_text("20:00", timeout=4000)
            expect(kaart.get_by_label("Duiding in één zin")).to_have_value("Nog niet opgeslagen")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)
    assert vnu_fouten(paginas) == []


def test_the_regisseur_sees_the_code_the_qr_and_who_joined(page, live_server, sessie):
    ayla = sessie.deelnemers.get(naam="Ayla")
    deelname.claim(ayla)
    inloggen(page, live_server.url, "oov_zee")
    page.goto(live_server.url + f"/afspraken/gemeente-zee/sessies/{sessie.pk}/")
    paneel = page.locator("#toegang")
    expect(paneel.locator(".toegang__code")).to_have_text(deelname.toon(sessie.code))
    expect(
        paneel.get_by_role("img", name=f"QR-code voor {live_server.url}/doe-mee/")
    ).to_be_visible()
    expect(paneel).to_contain_text("(1 van 4)")
    paneel.get_by_role("button", name=re.compile(r"^Vrijgeven ?: Ayla$")).click()
    expect(paneel).to_contain_text("Ayla is vrijgegeven")
    expect(paneel).to_contain_text("(0 van 4)")
    oud = sessie.code
    paneel.get_by_role("button", name="Nieuwe code").click()
    expect(paneel).to_contain_text("De oude code werkt niet meer.")
    sessie.refresh_from_db()
    assert sessie.code != oud
    expect(paneel.locator(".toegang__code")).to_have_text(deelname.toon(sessie.code))
    for breedte in (375, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        assert not (r := axe_fouten(page)), r
    assert vnu_fouten({"sessie": page.content()}) == []
