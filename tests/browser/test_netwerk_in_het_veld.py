"""The network in the field (issue 10), end to end in Chromium: the regisseur adds a contact and
links Wapens to illegale handel; a partner walks the route with "Illegale handel", answers the
alarm "Ja", and the alert shows whom to call (a tel: link) and the Wapens agreement; the report's
PDF holds both."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from afspraken import diensten
from afspraken.models import Lidrol, Netwerk, SoortCasus
from routekaart.models import Stap
from tests.afspraken.personas import WACHTWOORD
from tests.browser.hulp import inloggen
from tests.routekaart.wandeling_hulp import ROUTE

pytestmark = pytest.mark.browser
ORGANISATIE = "Politie Basisteam Voorbeeld"
WAPENS = "deelt die partner dat altijd direct met de politie"


@pytest.fixture
def netwerk(live_content):
    """The demo network, but with Wapens linked to no phenomenon in its published version: the
    regisseur has to make that link in the test."""
    call_command("maak_demo", password=WACHTWOORD, verbosity=0)
    netwerk = Netwerk.objects.get(slug="voorbeeldgemeente")
    SoortCasus.objects.get(netwerk=netwerk, naam="Wapens").fenomenen.clear()
    regisseur = netwerk.lidmaatschappen.get(rol=Lidrol.REGISSEUR).user
    diensten.publiceer(netwerk, door=regisseur, notitie="Zonder koppeling")
    return netwerk


def test_the_regisseurs_contact_and_link_reach_the_partner_in_the_alarm(page, live_server, netwerk):
    basis = live_server.url
    regisseur = netwerk.lidmaatschappen.get(rol=Lidrol.REGISSEUR).user.username
    partner = netwerk.lidmaatschappen.get(rol=Lidrol.PARTNER).user.username

    # The regisseur links Wapens to illegale handel and publishes.
    inloggen(page, basis, regisseur)
    page.goto(basis + reverse("afspraken:soorten", args=[netwerk.slug]))
    wapens = page.get_by_role("group", name="Fenomenen bij Wapens")
    wapens.get_by_label("Illegale handel").check()
    page.get_by_role("button", name="Opslaan voor Wapens").click()
    expect(
        page.get_by_role("group", name="Fenomenen bij Wapens").get_by_label("Illegale handel")
    ).to_be_checked()
    page.goto(basis + reverse("afspraken:publiceren", args=[netwerk.slug]))
    page.get_by_role("button", name="Publiceren", exact=True).click()

    # … and adds a contact.
    page.goto(basis + reverse("contacten:nieuw", args=[netwerk.slug]))
    page.get_by_label("Organisatie").fill(ORGANISATIE)
    page.get_by_label("Functie").fill("jeugdagent")
    page.get_by_label("Telefoon").fill("050 - 765 4321")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text(ORGANISATIE).first).to_be_visible()

    # The partner walks the route with "Illegale handel" and answers the alarm "Ja".
    inloggen(page, basis, partner)
    page.goto(basis + reverse("routekaart:route"))
    page.get_by_label("Illegale handel").check()
    # Each click waits for the next step's heading: a click during a swap would hit the old
    # page's button and the walk would fall a step behind.
    slug = ROUTE.start
    for _ in range(3):
        slug = ROUTE[slug].volgende
        page.get_by_role("button", name="Volgende", exact=True).click()
        titel = Stap.objects.get(slug=slug).titel
        expect(page.locator("h1")).to_have_text(re.compile(re.escape(titel) + "$"))
    page.get_by_role("button", name="Ja, dat is aannemelijk").click()
    alarm = page.locator("#alarm")
    expect(alarm).to_be_focused()
    bel = alarm.get_by_role("link", name="050 - 765 4321")
    expect(bel).to_have_attribute("href", "tel:0507654321")
    expect(alarm).to_contain_text(ORGANISATIE)
    expect(alarm).to_contain_text(WAPENS)
    tekst = alarm.inner_text()
    assert tekst.index("Wie bel je?") < tekst.index("Afspraken in jouw netwerk")

    # The report's PDF holds the contact's organisation and the agreement.
    page.get_by_role("button", name="Ja", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Doorloop samen")
    query = page.url.split("?", 1)[1]
    query = re.sub(r"(^|&)(ingrijpen)=[^&]*", "", query) + "&ingrijpen=nee"
    pdf = page.request.get(f"{basis}/route/verslag.pdf?{query}")
    assert pdf.ok, pdf.status
    tekst = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.body())).pages
    )
    assert ORGANISATIE in tekst
    assert WAPENS in tekst
