"""A phone first: at 375 px no page of the OOV and partner area scrolls sideways, for the demo
regisseur and the demo partner (maak_demo), the session pages included (the timer, the summary,
hand-outs, evaluations), and axe-core finds nothing there. The partner's published table turns
into cards whose cells say what they are."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from afspraken import diensten
from afspraken.models import Afspraak, Lidrol, Netwerk
from contacten.models import Contact
from tests.afspraken.personas import WACHTWOORD
from tests.afspraken.sessie_hulp import maak_sessie
from tests.browser.hulp import inloggen
from tests.conftest import axe_fouten

pytestmark = pytest.mark.browser

SMAL = 375

# What sticks out to the right (elements, and text that overflows its box), to say in the
# failure what is too wide.
UITSTEKERS = """() => {
  const breed = document.documentElement.clientWidth;
  const naam = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`;
  const uit = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > breed + 0.5)
    .map((e) => `${naam(e)} (${Math.round(e.getBoundingClientRect().right)}px)`);
  const lopen = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const bereik = document.createRange();
  for (let t = lopen.nextNode(); t; t = lopen.nextNode()) {
    bereik.selectNodeContents(t);
    const rechts = bereik.getBoundingClientRect().right;
    if (rechts > breed + 0.5 && !t.parentElement.closest(".visueel-verborgen")) {
      uit.push(`"${t.textContent.trim().slice(0, 30)}" in ${naam(t.parentElement)} (${Math.round(rechts)}px)`);
    }
  }
  return uit.slice(0, 6);
}"""


@pytest.fixture
def demo(live_content):
    """The demo network with a long name, a session that was dealt, discussed and closed, an
    evaluation, and a second version in which a row changed (the word diff)."""
    call_command("maak_demo", password=WACHTWOORD, verbosity=0)
    netwerk = Netwerk.objects.get(slug="voorbeeldgemeente")
    # A real municipality's name is often this long; in the heading it must wrap, not stick out.
    Netwerk.objects.filter(pk=netwerk.pk).update(naam="Voorbeeldgemeente Westerkwartierland")
    netwerk.refresh_from_db()
    regisseur = netwerk.lidmaatschappen.get(rol=Lidrol.REGISSEUR).user
    client = Client()
    client.force_login(regisseur)
    a = netwerk.slug
    sessie = maak_sessie(netwerk)
    s = sessie.pk
    client.post(reverse("afspraken:sessie-verdelen", args=[a, s]), {"actie": "verdeel"})
    eerste = sessie.eerste_casus().casus.slug
    antwoorden = {}
    for d in sessie.deelnemers.all()[:2]:
        antwoorden |= {
            f"d{d.pk}-duiding": "Een oproep tot een vechtpartij bij het winkelcentrum.",
            f"d{d.pk}-partners_betrekken": "ja" if d.werkt_online else "nee",
            f"d{d.pk}-partners": ["politie", "boa", "jongerenwerk"] if d.werkt_online else [],
            f"d{d.pk}-ingrijpen": "ja",
            f"d{d.pk}-actie": "anders",
            f"d{d.pk}-actie_anders": "De wijkagent zoekt de jongere thuis op.",
            f"d{d.pk}-versie": "0",
        }
    client.post(reverse("afspraken:sessie-casus", args=[a, s, eerste]), antwoorden)
    response = client.post(
        reverse("afspraken:sessie-afspraak", args=[a, s, eerste]),
        {
            "nieuw-soort": netwerk.soorten.get(naam="Algemeen").pk,
            # A long address is one long word: it has to wrap, not stick out.
            "nieuw-tekst": "Zie https://www.voorbeeldgemeente.nl/veiligheid/jeugdcriminaliteit-online"
            " en bel bij twijfel de wijkagent.",
            "nieuw-wie": "Jongerenwerk, Politie, Jeugdboa, Veiligheidsregio-coördinatiecentrum",
            "nieuw-status": "concept",
            "nieuw-evaluatiedatum": "",
        },
    )
    assert response.status_code == 302, response.content.decode()
    client.post(reverse("afspraken:sessie-afronden", args=[a, s]), {"bevestigd": "ja"})
    afspraak = Afspraak.objects.filter(netwerk=netwerk).first()
    Afspraak.objects.filter(pk=afspraak.pk).update(
        tekst=afspraak.tekst + " Bij twijfel overlegt de jongerenwerker met de wijkagent.",
        wie=afspraak.wie + ", wijkagent",
    )
    diensten.publiceer(netwerk, door=regisseur, notitie="Na de sessie")
    response = client.post(
        reverse("afspraken:evaluatie-nieuw", args=[a]),
        {
            "datum": "2026-09-14",
            "deelnemers": "Jongerenwerk, politie, jeugdboa",
            "conclusie": "aanpassen",
            "afspraken": [afspraak.pk],
            "vraag_0": "Ja, de jongerenwerker kende de groep.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    evaluatie = netwerk.evaluaties.get()
    deelnemer = sessie.deelnemers.first().pk
    sessie_pad = f"/afspraken/{a}/sessies/{s}"
    contact = Contact.objects.create(
        netwerk=netwerk,
        organisatie="Veiligheidsregio en Jeugdbescherming Westerkwartierland",
        functie="jeugdboa",
        telefoon="+31 (0)50 123 45 67",
        email="jeugdhandhaving.westerkwartierland@voorbeeldgemeente.example",
        bereikbaar="maandag tot en met vrijdag 08.30–17.00, buiten kantoortijden via de meldkamer",
    )
    open_sessie = maak_sessie(netwerk, datum=sessie.datum)
    client.post(
        reverse("afspraken:sessie-verdelen", args=[a, open_sessie.pk]), {"actie": "verdeel"}
    )
    client.post(reverse("afspraken:sessie-klok", args=[a, open_sessie.pk]), {"actie": "start"})
    client.post(
        reverse("afspraken:sessie-beamer-verschillen", args=[a, open_sessie.pk]), {"tonen": "ja"}
    )
    ayla, bram = open_sessie.deelnemers.all()[:2]
    client.post(
        reverse("afspraken:sessie-casus", args=[a, open_sessie.pk, eerste]),
        {
            f"d{ayla.pk}-duiding": "Een oproep tot een vechtpartij bij het winkelcentrum.",
            f"d{ayla.pk}-partners_betrekken": "ja",
            f"d{ayla.pk}-partners": ["politie", "boa", "jongerenwerk", "hulpverlening"],
            f"d{ayla.pk}-ingrijpen": "ja",
            f"d{ayla.pk}-actie": "anders",
            f"d{ayla.pk}-actie_anders": "De wijkagent zoekt de jongere thuis op, met de ouders.",
            f"d{bram.pk}-partners_betrekken": "nee",
            f"d{bram.pk}-ingrijpen": "nee",
        },
    )
    open_pad = f"/afspraken/{a}/sessies/{open_sessie.pk}"
    c = f"/afspraken/{a}/contacten"
    contact_paden = [f"{c}/", f"{c}/kaart/"]
    regisseur_paden = [
        *contact_paden,
        f"{c}/nieuw/",
        f"{c}/{contact.pk}/wijzigen/",
        f"{c}/{contact.pk}/verwijderen/",
        "/afspraken/",
        f"/afspraken/{a}/",
        f"/afspraken/{a}/nieuw/",
        f"/afspraken/{a}/{afspraak.pk}/wijzigen/",
        f"/afspraken/{a}/{afspraak.pk}/verwijderen/",
        f"/afspraken/{a}/{afspraak.pk}/geschiedenis/",
        f"/afspraken/{a}/soorten/",
        f"/afspraken/{a}/publiceren/",
        f"/afspraken/{a}/versies/",
        f"/afspraken/{a}/versies/1/",
        f"/afspraken/{a}/versies/2/",
        f"/afspraken/{a}/sessies/",
        f"/afspraken/{a}/sessies/nieuw/",
        f"{sessie_pad}/",
        f"{sessie_pad}/verdelen/",
        f"{sessie_pad}/hand-outs/",
        f"{sessie_pad}/hand-outs/{deelnemer}/",
        f"{sessie_pad}/bedenktijd/",
        f"{sessie_pad}/casussen/{eerste}/",
        f"{sessie_pad}/casussen/{eerste}/afspraak/",
        f"{sessie_pad}/afspraken/",
        f"{sessie_pad}/samenvatting/",
        f"{sessie_pad}/live/beamer/",
        # A session still open: the live case screen with its controls, closing asks first.
        f"{open_pad}/casussen/{eerste}/",
        f"{open_pad}/bedenktijd/",
        f"{open_pad}/live/beamer/",
        f"{open_pad}/afronden/",
        f"/afspraken/{a}/evaluaties/",
        f"/afspraken/{a}/evaluaties/nieuw/?sessie={s}",
        f"/afspraken/{a}/evaluaties/{evaluatie.pk}/",
        f"/afspraken/{a}/evaluaties/{evaluatie.pk}/afspraken/{afspraak.pk}/",
    ]
    partner_paden = [
        f"/afspraken/{a}/",
        f"/afspraken/{a}/versies/",
        f"/afspraken/{a}/versies/1/",
        *contact_paden,
    ]
    return {"regisseur": regisseur_paden, "partner": partner_paden}


def test_no_page_of_the_area_scrolls_sideways_on_a_phone(browser, live_server, demo):
    context = browser.new_context(viewport={"width": SMAL, "height": 800}, locale="nl-NL")
    page = context.new_page()
    basis = live_server.url
    te_breed, fouten = [], []
    try:
        for persona, paden in demo.items():
            inloggen(page, basis, persona)
            for pad in paden:
                response = page.goto(basis + pad)
                assert response.ok, f"{persona} {pad}: {response.status}"
                breedte = page.evaluate("document.scrollingElement.scrollWidth")
                if breedte > SMAL:
                    te_breed.append(f"{persona} {pad}: {breedte}px {page.evaluate(UITSTEKERS)}")
                if r := axe_fouten(page):
                    fouten.append(f"{persona} {pad}:\n{r}")
    finally:
        context.close()
    assert not te_breed, "\n".join(te_breed)
    assert not fouten, "\n".join(fouten)


def test_every_page_of_the_area_has_no_axe_violations_on_a_desktop(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    fouten = []
    try:
        for persona, paden in demo.items():
            inloggen(page, live_server.url, persona)
            for pad in paden:
                assert page.goto(live_server.url + pad).ok, f"{persona} {pad}"
                if r := axe_fouten(page):
                    fouten.append(f"{persona} {pad}:\n{r}")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)


def test_the_partners_table_is_cards_with_labelled_cells_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": SMAL, "height": 800})
    inloggen(page, live_server.url, "partner")
    tabel = page.locator("table.afspraken--publicatie")
    expect(tabel.locator("tbody tr").first).to_be_visible()
    # The header row is hidden; each cell carries its column's name.
    expect(tabel.locator("thead")).to_have_css("position", "absolute")
    wie = tabel.locator('tbody td[data-label="Wie zijn betrokken"]').first
    expect(wie).to_be_visible()
    voor = wie.evaluate('(td) => getComputedStyle(td, "::before").content')
    assert voor == '"Wie zijn betrokken"'
    # Nothing of "Wie zijn betrokken" is cut off: the cell lies inside the screen, fully.
    vak = wie.bounding_box()
    assert vak["x"] >= 0 and vak["x"] + vak["width"] <= SMAL
    rol = page.locator(".tabel-rol").first
    assert rol.evaluate("(e) => e.scrollWidth <= e.clientWidth")
