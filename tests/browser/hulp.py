"""What the browser tests share."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.afspraken.personas import WACHTWOORD
from tests.conftest import axe_fouten


def inloggen(page, basis: str, naam: str) -> None:
    """Log in as `naam` through the login form (any earlier login forgotten first), and wait
    until the site has let the user in."""
    page.context.clear_cookies()
    page.goto(basis + reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(lambda url: reverse("login") not in url)


def ingelogd_als(context, basis: str, user) -> None:
    """Log the browser context in as `user` (a Django session shared through the cookie)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.clear_cookies()
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": basis}])


def axe_per_persona(context, basis: str, paginas: dict[str, list[str]], personas: dict) -> list:
    """Each persona's pages (`paginas`, by the keys of `personas`; a persona None is anonymous)
    checked with axe as that persona, in one page of `context`; the violations found."""
    page = context.pages[0] if context.pages else context.new_page()
    fouten = []
    for persona, paden in paginas.items():
        if personas[persona]:
            ingelogd_als(context, basis, personas[persona])
        else:
            context.clear_cookies()
        for pad in paden:
            page.goto(basis + pad)
            if r := axe_fouten(page):
                fouten.append(f"{persona} {pad}:\n{r}")
    return fouten
