"""HTML to PDF with WeasyPrint: the one way every PDF of the site is made (the route report, the
agreements table, the session's handouts and summary).

The HTML is the page's own template (its print variant); its stylesheets are read straight from
the static files, so making a PDF never makes a network request (not even to ourselves) and
cannot be pointed at one: any other URL is refused. PDFs are tagged (PDF/UA) for screen readers.
"""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASIS = "https://routekaart.invalid/"


class StatischeBestanden(URLFetcher):
    """Serves only our own static files; every other URL is refused."""

    def fetch(self, url, headers=None):
        prefix = BASIS + settings.STATIC_URL.lstrip("/")
        if not url.startswith(prefix):
            raise ValueError(f"Geen eigen statisch bestand: {url}")
        naam = url[len(prefix) :].split("?")[0].split("#")[0]
        pad = finders.find(naam)
        if not pad and staticfiles_storage.exists(naam):
            pad = staticfiles_storage.path(naam)
        if not pad:
            raise ValueError(f"Statisch bestand niet gevonden: {naam}")
        with open(pad, "rb") as bestand:
            inhoud = bestand.read()
        soort = mimetypes.guess_type(naam)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=inhoud, headers={"Content-Type": soort})


def naar_pdf(html: str, *, getagd: bool = True) -> bytes:
    """The PDF of an HTML page whose links point at /static/; tagged as PDF/UA unless `getagd`
    is False. The only call into WeasyPrint (tests count calls to it)."""
    opties = {"pdf_variant": "pdf/ua-1"} if getagd else {}
    return HTML(string=html, base_url=BASIS, url_fetcher=StatischeBestanden()).write_pdf(**opties)


def pdf_response(pdf: bytes, bestandsnaam: str) -> HttpResponse:
    """A PDF as a download. `no-store`: a PDF may hold a walker's notes or a network's
    agreements, so neither the browser nor a proxy keeps a copy."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response["Cache-Control"] = "no-store"
    return response
