"""What the browser tests share."""

from django.urls import reverse

from tests.afspraken.personas import WACHTWOORD


def inloggen(page, basis: str, naam: str) -> None:
    """Log in as `naam` through the login form (any earlier login forgotten first), and wait
    until the site has let the user in."""
    page.context.clear_cookies()
    page.goto(basis + reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(lambda url: reverse("login") not in url)
