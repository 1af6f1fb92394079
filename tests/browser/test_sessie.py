"""The vredestijd session in Debian's Chromium, the way an OOV-er runs it: prepare with four
participants (two online), deal the cases, open a handout, start and pause the timer, record
two participants' answers on one case and see the difference, add an agreement from the case,
review, close the session, publish; the partner then sees the agreement. axe-core at desktop
and phone width on every page of the flow; the Nu Html Checker over the same pages."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from afspraken.models import Afspraak, Lidrol, Netwerk, Sessie
from casussen.models import Casus
from tests.afspraken.personas import maak_lid
from tests.afspraken.sessie_hulp import maak_sessie
from tests.browser.hulp import inloggen
from tests.conftest import BREEDTES, axe_fouten, vnu_fouten

pytestmark = pytest.mark.browser

AFSPRAAK = "Wie online een oproep tot een vechtpartij ziet, belt dezelfde dag de wijkagent."
DEELNEMERS = [
    ("Ayla", "Jongerenwerk", True),
    ("Bram", "Politie", True),
    ("Cor", "Jeugdboa", False),
    ("Dewi", "School", False),
]


def _controleer(page, fouten: list[str], naam: str) -> None:
    """axe at desktop and phone width; the page stays at desktop width afterwards."""
    for breedte in (BREEDTES["telefoon"], BREEDTES["desktop"]):
        page.set_viewport_size({"width": breedte, "height": 900})
        if r := axe_fouten(page):
            fouten.append(f"{naam} ({breedte}px):\n{r}")


def test_a_regisseur_runs_a_session_and_the_partner_sees_the_agreement(
    page, live_server, live_content
):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    maak_lid("partner_zee", netwerk, Lidrol.PARTNER, "Jongerenwerk")
    basis = live_server.url
    fouten: list[str] = []
    page.set_viewport_size({"width": BREEDTES["desktop"], "height": 900})

    inloggen(page, basis, "oov_zee")
    expect(page.locator("h1")).to_have_text("Afspraken van Gemeente Zee")
    _controleer(page, fouten, "startpagina")

    # Prepare: four participants, two of whom work online; all eight cases stay ticked.
    page.get_by_role("link", name="Nieuwe sessie").first.click()
    expect(page.locator("h1")).to_have_text("Nieuwe sessie")
    page.get_by_label("Plaats").fill("Gemeentehuis, zaal 2")
    for i, (naam, organisatie, online) in enumerate(DEELNEMERS):
        rij = page.get_by_role("group", name=f"Deelnemer {i + 1}", exact=True)
        rij.get_by_label("Naam").fill(naam)
        rij.get_by_label("Organisatie").fill(organisatie)
        if online:
            rij.get_by_label("Werkt online met een professioneel profiel").check()
    _controleer(page, fouten, "nieuwe sessie")
    page.get_by_role("button", name="Sessie aanmaken").click()

    # Step 1: deal with one click.
    expect(page.locator("h1")).to_have_text("Stap 1: casussen verdelen")
    page.get_by_role("button", name="Verdeel de casussen").click()
    expect(page.locator(".meldingen")).to_contain_text("De casussen zijn verdeeld.")
    sessie = Sessie.objects.get(netwerk=netwerk)
    assert [d.sessiecasussen.count() for d in sessie.deelnemers.all()] == [2, 2, 2, 2]
    _controleer(page, fouten, "verdelen")

    # A handout.
    page.get_by_role("link", name="Hand-out voor Ayla").click()
    expect(page.locator("h1")).to_have_text("Hand-out voor Ayla")
    expect(page.locator(".handout .casus")).to_have_count(2)
    _controleer(page, fouten, "hand-out")

    # Step 2: the timer, started and paused; it lives on the server, so a reload keeps it.
    # Each participant holds two cases: 2 x 10 minutes.
    page.get_by_role("link", name="2. Bedenktijd").click()
    klok = page.locator("#bediening [data-klok-tekst]")
    expect(klok).to_have_text("20:00")
    expect(page.locator('.procedure li[aria-current="step"]')).to_contain_text("Neem 10 minuten")
    page.get_by_role("button", name="Start").click()
    expect(page.locator("[data-klok-stand]")).to_contain_text("klaar om")
    expect(klok).not_to_have_text("20:00", timeout=3000)
    page.get_by_role("button", name="Pauze").click()
    expect(page.locator("[data-klok-stand]")).to_have_text("Gepauzeerd.")
    stil = klok.text_content()
    page.wait_for_timeout(1200)
    assert klok.text_content() == stil
    page.reload()
    expect(klok).to_have_text(stil)
    expect(page.get_by_role("button", name="Verder")).to_be_visible()
    _controleer(page, fouten, "bedenktijd")

    # Step 3: two participants answer on the first case; the panel shows the difference.
    page.get_by_role("link", name="Volgende: casussen bespreken").click()
    expect(page.locator("h1")).to_contain_text("Bespreken:")
    # Nobody here has a phone: the regisseur types for them.
    page.get_by_text("Invullen voor iemand zonder telefoon").click()
    ayla = page.get_by_role("group", name="Ayla (Jongerenwerk)")
    ayla.get_by_label("Duiding in één zin").fill("Een oproep tot een vechtpartij.")
    ayla.get_by_role("group", name="Partners betrekken?").get_by_label("Ja").check()
    ayla.get_by_role("group", name=re.compile("^Welke partners")).get_by_label("Politie").check()
    bram = page.get_by_role("group", name="Bram (Politie)")
    bram.get_by_role("group", name="Partners betrekken?").get_by_label("Nee").check()
    page.get_by_role("button", name="Antwoorden opslaan").click()
    paneel = page.locator(".verschillen")
    expect(paneel).to_contain_text("1 van 2 zouden partners betrekken")
    expect(paneel).to_contain_text("1 van 2 zouden geen partners betrekken")
    expect(paneel.locator(".verschil-label").first).to_be_visible()
    expect(page.locator("#stand")).to_contain_text("2 van 4 hebben geantwoord")
    expect(
        page.get_by_role("status").filter(has_text="De antwoorden zijn opgeslagen.")
    ).to_be_focused()
    _controleer(page, fouten, "plenair")

    # Step 4: an agreement from the case, preset from the case and the participants.
    # It opens beside the differences, which stay in sight.
    casus_url = page.url
    page.get_by_text("Afspraak toevoegen").click()
    nieuw = page.get_by_role("form", name=re.compile("^Nieuwe afspraak"))
    expect(nieuw.get_by_label("Wie zijn betrokken")).to_have_value(
        "Jongerenwerk, Politie, Jeugdboa, School"
    )
    expect(paneel).to_be_visible()
    _controleer(page, fouten, "afspraak toevoegen")
    nieuw.get_by_label("Afspraak", exact=True).fill(AFSPRAAK)
    nieuw.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#casus-afspraken-kop + ul")).to_contain_text(AFSPRAAK)
    assert page.url.split("#")[0] == casus_url.split("#")[0]

    # Step 5: review, close, publish.
    page.get_by_role("link", name="5. Afspraken bekijken").click()
    expect(page.locator("tbody tr")).to_contain_text(AFSPRAAK)
    _controleer(page, fouten, "afspraken bekijken")
    page.get_by_role("button", name="Sessie afronden").click()
    expect(page.locator("h1")).to_have_text("Sessie afronden?")
    expect(page.locator("#niet-besproken-kop")).to_have_text("Nog niet besproken: 7 van 8 casussen")
    _controleer(page, fouten, "sessie afronden?")
    page.get_by_role("button", name="Ja, sessie afronden").click()
    expect(page.locator("tbody tr")).to_contain_text("Vastgesteld")
    _controleer(page, fouten, "sessie afgerond")
    page.get_by_role("link", name="Publiceren", exact=True).click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator(".publicatie__versie")).to_contain_text("Versie 1")

    # The partner sees the new agreement.
    page.get_by_role("button", name="Uitloggen").click()
    inloggen(page, basis, "partner_zee")
    expect(page.locator("table")).to_contain_text(AFSPRAAK)

    afspraak = Afspraak.objects.get(netwerk=netwerk)
    assert (afspraak.sessie, afspraak.status) == (sessie, Afspraak.Status.VASTGESTELD)
    assert afspraak.evaluatiedatum is not None
    assert sessie.deelnemers.count() == 4
    assert not fouten, "\n".join(fouten)

    # The Nu Html Checker over the pages of the flow, rendered by the test client.
    client = Client()
    client.force_login(netwerk.lidmaatschappen.get(rol=Lidrol.REGISSEUR).user)
    s, a = sessie.pk, netwerk.slug
    ayla_pk = sessie.deelnemers.get(naam="Ayla").pk
    eerste = sessie.eerste_casus().casus.slug
    paden = [
        f"/afspraken/{a}/",
        f"/afspraken/{a}/sessies/",
        f"/afspraken/{a}/sessies/nieuw/",
        f"/afspraken/{a}/sessies/nieuw/?kopie={s}",
        f"/afspraken/{a}/sessies/{s}/",
        f"/afspraken/{a}/sessies/{s}/verdelen/",
        f"/afspraken/{a}/sessies/{s}/hand-outs/{ayla_pk}/",
        f"/afspraken/{a}/sessies/{s}/hand-outs/",
        f"/afspraken/{a}/sessies/{s}/bedenktijd/",
        f"/afspraken/{a}/sessies/{s}/casussen/{eerste}/",
        f"/afspraken/{a}/sessies/{s}/casussen/{eerste}/afspraak/",
        f"/afspraken/{a}/sessies/{s}/afspraken/",
        f"/afspraken/{a}/sessies/{s}/samenvatting/",
        f"/afspraken/{a}/sessies/{s}/live/beamer/",
        f"/afspraken/{a}/evaluaties/",
        f"/afspraken/{a}/evaluaties/nieuw/?sessie={s}",
    ]
    paginas = {}
    for pad in paden:
        response = client.get(pad)
        assert response.status_code == 200, pad
        paginas[pad] = response.content.decode()
    assert vnu_fouten(paginas) == []


def test_an_evaluation_revises_an_agreement_without_axe_violations(page, live_server, live_content):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    afspraak = Afspraak.objects.create(
        netwerk=netwerk,
        soort=netwerk.soorten.get(naam="Algemeen"),
        tekst="De politie vraagt het jongerenwerk om duiding.",
        wie="Politie, jongerenwerk",
        status=Afspraak.Status.VASTGESTELD,
        evaluatiedatum="2020-01-01",
    )
    fouten: list[str] = []
    page.set_viewport_size({"width": BREEDTES["desktop"], "height": 900})
    inloggen(page, live_server.url, "oov_zee")
    page.get_by_role("link", name=re.compile("^Evalueren")).click()
    expect(page.locator("h1")).to_have_text("Nieuwe evaluatie")
    _controleer(page, fouten, "nieuwe evaluatie")
    page.get_by_label("Wie deden mee?").fill("Politie, jongerenwerk, OOV")
    page.get_by_label("Waren de juiste partners betrokken", exact=False).fill("Ja, maar laat.")
    page.get_by_label("Afspraak aanpassen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_have_text("Afspraak aanpassen na de evaluatie")
    expect(page.locator(".naast-elkaar")).to_contain_text("Ja, maar laat.")
    _controleer(page, fouten, "aanpassen na evaluatie")
    page.get_by_label("Afspraak", exact=True).fill(
        "De politie vraagt het jongerenwerk binnen een dag."
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_contain_text("Evaluatie van")
    _controleer(page, fouten, "evaluatie")
    page.get_by_role("link", name=re.compile("^Geschiedenis")).click()
    expect(page.locator(".geschiedenis__reden").first).to_contain_text("Evaluatie van")
    _controleer(page, fouten, "geschiedenis")
    afspraak.refresh_from_db()
    assert afspraak.tekst == "De politie vraagt het jongerenwerk binnen een dag."
    assert not fouten, "\n".join(fouten)


def test_the_timer_and_the_plenary_work_without_javascript(browser, live_server, live_content):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    sessie = maak_sessie(netwerk)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        inloggen(page, live_server.url, "oov_zee")
        page.goto(live_server.url + f"/afspraken/gemeente-zee/sessies/{sessie.pk}/bedenktijd/")
        expect(page.get_by_role("button", name="Pauze")).to_be_hidden()
        expect(page.locator("[data-klok-stand]")).to_contain_text("Nog niet gestart")
        page.get_by_role("button", name="Start").click()
        expect(page.locator("[data-klok-stand]")).to_contain_text("klaar om")
        page.reload()
        expect(page.locator("[data-klok-stand]")).to_contain_text("klaar om")
        page.get_by_role("button", name="Pauze").click()
        expect(page.locator("[data-klok-stand]")).to_have_text("Gepauzeerd.")
        page.get_by_role("button", name="Opnieuw").click()
        expect(page.locator("[data-klok-stand]")).to_contain_text("Nog niet gestart")

        page.get_by_role("link", name="Volgende: casussen bespreken").click()
        # Without JavaScript <details> still opens.
        page.get_by_text("Invullen voor iemand zonder telefoon").click()
        ayla = page.get_by_role("group", name="Ayla (Jongerenwerk)")
        ayla.get_by_role("group", name="Ingrijpen?").get_by_label("Ja").check()
        bram = page.get_by_role("group", name="Bram (Politie)")
        bram.get_by_role("group", name="Ingrijpen?").get_by_label("Nee").check()
        page.get_by_role("button", name="Antwoorden opslaan").click()
        expect(page.locator(".meldingen")).to_contain_text("De antwoorden zijn opgeslagen.")
        expect(page.locator(".verschillen")).to_contain_text("1 van 2 zouden ingrijpen")
    finally:
        context.close()


def test_the_timer_announces_each_minute_and_the_end(page, live_server, live_content):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    sessie = maak_sessie(netwerk, casussen=Casus.objects.all()[:1])  # one case: 10 minutes
    inloggen(page, live_server.url, "oov_zee")
    page.clock.install()
    page.goto(live_server.url + f"/afspraken/gemeente-zee/sessies/{sessie.pk}/bedenktijd/")
    melding = page.locator("[data-klok-melding]")
    klok = page.locator("#bediening [data-klok-tekst]")
    page.get_by_role("button", name="Start").click()
    expect(melding).to_have_text("De tijd loopt. Nog 10 minuten.")
    page.clock.run_for(30_000)
    expect(klok).to_have_text(re.compile(r"^9:[23]\d$"))
    expect(melding).to_have_text("De tijd loopt. Nog 10 minuten.")  # not every second
    page.clock.run_for(31_000)
    expect(melding).to_have_text("Nog 9 minuten.")
    page.get_by_role("button", name="Pauze").click()
    # The server pauses at its own time, while the page's clock (page.clock) ran ahead.
    expect(melding).to_have_text(re.compile(r"^Gepauzeerd\. Nog \d+ minuten\.$"))
    page.get_by_role("button", name="Verder").click()
    expect(melding).to_have_text(re.compile(r"^De tijd loopt\. Nog \d+ minuten\.$"))
    page.clock.run_for(10 * 60_000)
    expect(klok).to_have_text("0:00")
    expect(melding).to_have_text("De tijd is om.")
    expect(page.locator("[data-klok-stand]")).to_have_text("De tijd is om.")
