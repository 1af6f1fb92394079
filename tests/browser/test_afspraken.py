"""The OOV area in Debian's Chromium: a regisseur adds, edits inline, fixes and publishes an
agreement; the partner reads it and downloads the PDF. axe-core at phone and desktop width and
the Nu Html Checker on every page of the area."""

import datetime as dt
import io
import re

import pytest
import time_machine
from django.conf import settings
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from afspraken.models import Afspraak, Lidmaatschap, Lidrol
from afspraken.views.publiceren import LINK_SALT
from tests.afspraken.personas import *  # noqa: F403 (the persona fixtures)
from tests.afspraken.personas import maak_afspraak, publiceer
from tests.browser.hulp import axe_per_persona, ingelogd_als, inloggen
from tests.conftest import BREEDTES, axe_fouten, vnu_fouten

pytestmark = pytest.mark.browser

TEKST = "Ziet een partner online een oproep tot geweld, dan belt die direct de wijkagent."


@pytest.fixture
def gebied(live_content, netwerk_a, regisseur_a, partner_a, regisseur_b):
    """Network A with content loaded first, so it has the phenomena as case types."""
    return netwerk_a


def test_a_regisseur_publishes_and_a_partner_downloads_the_pdf(page, live_server, gebied):
    basis = live_server.url
    inloggen(page, basis, "regisseur_a")
    expect(page.locator("h1")).to_have_text("Afspraken van Gemeente A")

    # Add, inline (htmx): the form opens in the page, the table comes back with the row.
    page.get_by_role("link", name="Afspraak toevoegen").click()
    page.get_by_label("Soort casus").select_option(label="Algemeen")
    page.get_by_label("Afspraak", exact=True).fill("Eerste versie van de afspraak")
    page.get_by_label("Wie zijn betrokken").fill("Jongerenwerk, politie")
    page.get_by_role("button", name="Opslaan").click()
    rij = page.locator("tbody tr", has_text="Eerste versie van de afspraak")
    expect(rij).to_contain_text("Concept")
    assert page.url == basis + "/afspraken/gemeente-a/"

    # Edit inline: the row becomes a form; fix the text and mark it vastgesteld.
    rij.get_by_role("link", name=re.compile("^Wijzigen")).click()
    formulier = page.locator("tr.bewerkrij form")
    formulier.get_by_label("Afspraak", exact=True).fill(TEKST)
    formulier.get_by_label("Vastgesteld").check()
    formulier.get_by_role("button", name="Opslaan").click()
    rij = page.locator("tbody tr", has_text=TEKST)
    expect(rij).to_contain_text("Vastgesteld")
    assert Afspraak.objects.get().history.count() == 2

    # Publish as version 1.
    page.get_by_role("link", name="Publiceren…").click()
    page.get_by_label("Notitie bij deze versie (niet verplicht)").fill("Na het overleg")
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator(".publicatie__versie")).to_contain_text("Versie 1")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.locator("h1")).to_have_text("Je bent uitgelogd")

    # The partner reads the published version and downloads its PDF.
    inloggen(page, basis, "partner_a")
    expect(page.locator("h1")).to_have_text("Afspraken Gemeente A")
    expect(page.locator("table")).to_contain_text(TEKST)
    expect(page.get_by_role("link", name="Afspraak toevoegen")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    with open(download.value.path(), "rb") as f:
        tekst = " ".join(
            "".join(p.extract_text() for p in PdfReader(io.BytesIO(f.read())).pages).split()
        )
    assert TEKST in tekst
    assert "Versie 1" in tekst


def _gebied_data(netwerk_a, regisseur_a):
    afspraak = maak_afspraak(
        netwerk_a, soort="Wapens", tekst="Deel het direct.\nOok in het weekend."
    )
    weg = maak_afspraak(netwerk_a, soort="Drugs", tekst="Bespreek het later.")
    publiceer(netwerk_a, door=regisseur_a)
    weg.delete()
    maak_afspraak(
        netwerk_a, soort="Algemeen", tekst="Duiding door jongerenwerk.", evaluatiedatum="2020-01-01"
    )
    publiceer(netwerk_a, door=regisseur_a)
    return afspraak


def _paginas(netwerk_a, afspraak) -> dict[str, list[str]]:
    """Every page of the area, per persona that sees it."""
    a, pk = netwerk_a.slug, afspraak.pk
    return {
        "anoniem": [reverse("login"), "/afspraken/pdf/1:ongeldig/"],
        "regisseur_a": [
            f"/afspraken/{a}/",
            f"/afspraken/{a}/nieuw/",
            f"/afspraken/{a}/{pk}/wijzigen/",
            f"/afspraken/{a}/{pk}/verwijderen/",
            f"/afspraken/{a}/{pk}/geschiedenis/",
            f"/afspraken/{a}/soorten/",
            f"/afspraken/{a}/publiceren/",
            f"/afspraken/{a}/versies/",
            f"/afspraken/{a}/versies/2/",
        ],
        "partner_a": [f"/afspraken/{a}/", f"/afspraken/{a}/versies/1/", f"/afspraken/{a}/nieuw/"],
        "staff": ["/afspraken/"],
    }


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_every_page_of_the_area_has_no_axe_violations(
    browser, live_server, gebied, regisseur_a, partner_a, staff, breedte
):
    afspraak = _gebied_data(gebied, regisseur_a)
    personas = {"anoniem": None, "regisseur_a": regisseur_a, "partner_a": partner_a, "staff": staff}
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
    page = context.new_page()
    basis = live_server.url
    try:
        fouten = axe_per_persona(context, basis, _paginas(gebied, afspraak), personas)
        # The inline states (htmx): the add form and an edit form open in the table.
        ingelogd_als(context, basis, regisseur_a)
        page.goto(basis + f"/afspraken/{gebied.slug}/")
        page.get_by_role("link", name="Afspraak toevoegen").click()
        expect(page.locator("#nieuw-kop")).to_be_visible()
        page.get_by_role("button", name="Opslaan").click()  # empty: errors inline
        expect(page.locator("#nieuw-afspraak .fout").first).to_be_visible()
        page.locator(f"#afspraak-{afspraak.pk}").get_by_role(
            "link", name=re.compile("^Wijzigen")
        ).click()
        expect(page.locator("tr.bewerkrij")).to_be_visible()
        if r := axe_fouten(page):
            fouten.append(f"inline formulieren:\n{r}")
        # The conflict inside the row.
        Afspraak.objects.filter(pk=afspraak.pk).update(revisie=9, tekst="Intussen gewijzigd")
        page.locator("tr.bewerkrij").get_by_role("button", name="Opslaan").click()
        expect(page.locator("tr.bewerkrij .conflict")).to_be_visible()
        if r := axe_fouten(page):
            fouten.append(f"conflict in de rij:\n{r}")
        # The lockout page.
        context.clear_cookies()
        for _ in range(settings.AXES_FAILURE_LIMIT + 1):
            page.goto(basis + reverse("login"))
            page.get_by_label("Gebruikersnaam").fill("partner_a")
            page.get_by_label("Wachtwoord").fill("fout")
            page.get_by_role("button", name="Inloggen", exact=True).click()
        expect(page.locator("h1")).to_have_text("Inloggen tijdelijk geblokkeerd")
        if r := axe_fouten(page):
            fouten.append(f"geblokkeerd:\n{r}")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)


def test_every_page_of_the_area_is_valid_html(
    content, netwerk_a, regisseur_a, partner_a, regisseur_b, staff
):
    afspraak = _gebied_data(netwerk_a, regisseur_a)
    Lidmaatschap.objects.create(user=regisseur_b, netwerk=netwerk_a, rol=Lidrol.PARTNER)
    personas = {"anoniem": None, "regisseur_a": regisseur_a, "partner_a": partner_a, "staff": staff}
    paginas = {}
    for persona, paden in _paginas(netwerk_a, afspraak).items():
        client = Client()
        if personas[persona]:
            client.force_login(personas[persona])
        for pad in paden:
            paginas[f"{persona} {pad}"] = client.get(pad).content.decode()
    client = Client()
    client.force_login(regisseur_a)
    a, pk = netwerk_a.slug, afspraak.pk
    # Pages that only a POST shows: form errors, the conflict, the link box, the lockout.
    paginas["fouten"] = client.post(
        f"/afspraken/{a}/nieuw/", {"nieuw-tekst": "x" * 2001}
    ).content.decode()
    data = {
        f"a{pk}-soort": afspraak.soort_id,
        f"a{pk}-tekst": "Mijn tekst",
        f"a{pk}-wie": "X",
        f"a{pk}-status": "concept",
        f"a{pk}-revisie": 0,
    }
    paginas["conflict"] = client.post(f"/afspraken/{a}/{pk}/wijzigen/", data).content.decode()
    paginas["link"] = client.post(f"/afspraken/{a}/versies/2/link/", follow=True).content.decode()
    paginas["uitgelogd"] = client.post(reverse("logout")).content.decode()
    keuze = Client()
    keuze.force_login(regisseur_b)
    paginas["netwerk kiezen"] = keuze.get("/afspraken/").content.decode()
    paginas["link verlopen"] = _verlopen_link(afspraak)
    anoniem = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        antwoord = anoniem.post(reverse("login"), {"username": "partner_a", "password": "fout"})
    paginas["geblokkeerd"] = antwoord.content.decode()
    assert not (f := vnu_fouten(paginas)), "\n".join(f)


def _verlopen_link(afspraak) -> str:
    publicatie = afspraak.netwerk.publicaties.get(nummer=1)
    token = signing.TimestampSigner(salt=LINK_SALT).sign(str(publicatie.pk))
    with time_machine.travel(timezone.now() + dt.timedelta(days=31), tick=False):
        response = Client().get(reverse("afspraken:gedeelde-pdf", args=[token]))
    assert response.status_code == 410
    return response.content.decode()
