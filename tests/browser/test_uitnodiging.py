"""Invitations in Debian's Chromium: a regisseur invites a partner on the Leden page; the partner
follows the link from the mail (locmem: live_server runs in this process), sets a password, logs
in and reads the published agreements; a second use of the link is refused in Dutch. axe-core at
phone and desktop width on every new page of accounts and members."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from leden import uitnodigingen
from tests.afspraken.personas import *  # noqa: F403 (the persona fixtures)
from tests.afspraken.personas import maak_afspraak, maak_gebruiker, publiceer
from tests.browser.hulp import axe_per_persona, ingelogd_als, inloggen
from tests.conftest import BREEDTES, axe_fouten

pytestmark = pytest.mark.browser

AFSPRAAK = "Ziet de politie een oproep tot geweld, dan belt zij direct het jongerenwerk."
WACHTWOORD_NIEUW = "groene-kano-2027-lang"


@pytest.fixture(autouse=True)
def _lege_rem():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gebied(live_content, netwerk_a, regisseur_a):
    maak_afspraak(netwerk_a, soort="Algemeen", tekst=AFSPRAAK)
    publiceer(netwerk_a, door=regisseur_a)
    return netwerk_a


def test_a_regisseur_invites_a_partner_who_sets_a_password_and_reads_the_agreements(
    page, live_server, gebied
):
    basis = live_server.url
    inloggen(page, basis, "regisseur_a")
    page.get_by_role("link", name="Leden", exact=True).click()
    expect(page.locator("h1")).to_have_text("Leden van Gemeente A")
    page.get_by_label("E-mailadres").fill("sam@politie.example")
    page.get_by_label("Rol", exact=True).select_option("partner")
    page.get_by_label("Organisatie").fill("Politie")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".melding")).to_contain_text(
        "De uitnodiging is verstuurd naar sam@politie.example"
    )
    expect(page.locator(".uitnodiging")).to_contain_text("sam@politie.example")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/uitnodiging/\S+/", mail.outbox[0].body)[0]
    assert link.startswith(basis)

    # The partner, in a fresh browser state, follows the link and makes an account.
    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Uitnodiging voor Gemeente A")
    page.get_by_label("Je naam").fill("Sam de Vries")
    page.get_by_label("Kies een wachtwoord").fill(WACHTWOORD_NIEUW)
    page.get_by_label("Herhaal het wachtwoord").fill(WACHTWOORD_NIEUW)
    page.get_by_role("button", name="Account maken en lid worden").click()
    expect(page.locator(".melding").first).to_contain_text(
        "Je gebruikersnaam is sam@politie.example"
    )
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.locator("h1")).to_have_text("Je bent uitgelogd")

    # They log in with the address and the new password, and read the published agreements.
    page.goto(basis + reverse("login"))
    page.get_by_label("Gebruikersnaam").fill("sam@politie.example")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD_NIEUW)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.locator("h1")).to_have_text("Afspraken Gemeente A")
    expect(page.locator("table")).to_contain_text(AFSPRAAK)
    expect(page.get_by_role("link", name="Afspraak toevoegen")).to_have_count(0)

    # A second use of the link is refused, in Dutch.
    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Deze uitnodiging is al gebruikt")


def _paginas(netwerk, regisseur_a, partner_a) -> dict[str, list[str]]:
    """The new pages, per who sees them (None: anonymous)."""
    _, nieuw = uitnodigingen.maak(
        netwerk, email="nieuw@example.org", rol="partner", organisatie="Politie", door=regisseur_a
    )
    maak_gebruiker("bestaand", email="bestaand@example.org")
    _, bestaand = uitnodigingen.maak(
        netwerk, email="bestaand@example.org", rol="regisseur", organisatie="OOV", door=None
    )
    lid = partner_a.lidmaatschappen.get()
    return {
        "anoniem": [
            reverse("leden:uitnodiging", args=[nieuw]),
            reverse("leden:uitnodiging", args=[bestaand]),
            reverse("leden:uitnodiging", args=["bestaat-niet"]),
            reverse("leden:wachtwoord-vergeten"),
            reverse("leden:wachtwoord-verstuurd"),
            reverse("leden:wachtwoord-link", args=["MQ", "fout-token"]),
            reverse("leden:wachtwoord-ingesteld"),
            reverse("login"),
        ],
        "regisseur_a": [
            reverse("leden:leden", args=[netwerk.slug]),
            reverse("leden:lid-verwijderen", args=[netwerk.slug, lid.pk]),
            reverse("leden:account"),
            reverse("leden:wachtwoord-wijzigen"),
            reverse("leden:wachtwoord-gewijzigd"),
            reverse("leden:uitnodiging", args=[nieuw]),
        ],
        "staff": [reverse("leden:nieuw-netwerk"), reverse("leden:account")],
    }


@pytest.mark.parametrize("breedte", BREEDTES.values(), ids=BREEDTES.keys())
def test_the_new_pages_have_no_axe_violations(
    browser, live_server, gebied, regisseur_a, partner_a, staff, breedte
):
    personas = {"anoniem": None, "regisseur_a": regisseur_a, "staff": staff}
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
    page = context.new_page()
    basis = live_server.url
    try:
        fouten = axe_per_persona(context, basis, _paginas(gebied, regisseur_a, partner_a), personas)
        # Forms with their errors: the invitation form and the new account.
        ingelogd_als(context, basis, regisseur_a)
        page.goto(basis + reverse("leden:leden", args=[gebied.slug]))
        page.get_by_role("button", name="Uitnodiging versturen").click()
        expect(page.locator(".veld--fout").first).to_be_visible()
        if r := axe_fouten(page):
            fouten.append(f"uitnodigen met fouten:\n{r}")
        context.clear_cookies()
        _, token = uitnodigingen.maak(
            gebied, email="fout@example.org", rol="partner", organisatie="X", door=None
        )
        page.goto(basis + reverse("leden:uitnodiging", args=[token]))
        page.get_by_role("button", name="Account maken en lid worden").click()
        expect(page.locator(".veld--fout").first).to_be_visible()
        if r := axe_fouten(page):
            fouten.append(f"nieuw account met fouten:\n{r}")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)
