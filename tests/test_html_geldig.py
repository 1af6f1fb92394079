"""Every public page is valid HTML according to the Nu Html Checker (one Java run for all)."""

from django.template.loader import render_to_string
from django.test import Client

from tests.conftest import vnu_fouten
from tests.hulp_paginas import publieke_urls


def test_every_public_page_passes_the_nu_html_checker(client, content, settings):
    urls = publieke_urls()
    # Also the filtered case list, whose form shows chosen options.
    urls.append("/casussen/?modus=online&fenomeen=fraude")
    paginas = {url: client.get(url).content.decode() for url in urls}
    # And the error pages as a visitor sees them, with DEBUG off (tests/test_foutpaginas.py).
    settings.DEBUG = False
    for url in ("/bestaat/niet/", "/route/acties/"):
        paginas[url] = client.get(url).content.decode()
    paginas["400"] = client.get("/", HTTP_HOST="ergens-anders.example").content.decode()
    paginas["403_csrf"] = Client(enforce_csrf_checks=True).post("/inloggen/").content.decode()
    for naam in ("403.html", "500.html"):  # rendered as Django's handlers do
        paginas[naam] = render_to_string(naam)
    assert vnu_fouten(paginas) == []
