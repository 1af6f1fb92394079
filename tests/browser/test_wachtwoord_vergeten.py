"""Password reset in Debian's Chromium, the whole way: "Wachtwoord vergeten?" on the login page,
the address, the link from the mail (locmem), a new password, and logging in with it."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from tests.afspraken.personas import *  # noqa: F403 (the persona fixtures)

pytestmark = pytest.mark.browser

NIEUW = "oranje-paraplu-2027-lang"


@pytest.fixture(autouse=True)
def _lege_rem():
    cache.clear()
    yield
    cache.clear()


def test_a_partner_who_forgot_the_password_sets_a_new_one_and_logs_in(
    page, live_server, live_content, partner_a
):
    partner_a.email = "pim@jongerenwerk.example"
    partner_a.save()
    basis = live_server.url
    page.goto(basis + reverse("login"))
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    expect(page.locator("h1")).to_have_text("Wachtwoord vergeten")
    page.get_by_role("textbox", name="E-mailadres").fill("pim@jongerenwerk.example")
    page.get_by_role("button", name="Stuur de link").click()
    expect(page.locator("h1")).to_have_text("Controleer je e-mail")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/wachtwoord-vergeten/\S+/", mail.outbox[0].body)[0]
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Kies een nieuw wachtwoord")
    assert "set-password" in page.url  # the token left the address bar
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(NIEUW)
    page.get_by_label("Nieuw wachtwoord bevestigen").fill(NIEUW)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.locator("h1")).to_have_text("Je nieuwe wachtwoord is ingesteld")

    page.get_by_role("link", name="Inloggen", exact=True).last.click()
    page.get_by_label("Gebruikersnaam").fill("partner_a")
    page.get_by_label("Wachtwoord").fill(NIEUW)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.locator("h1")).to_have_text("Afspraken Gemeente A")

    # The link worked once.
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Deze link werkt niet meer")
