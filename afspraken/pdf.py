"""The PDF of a published version: WeasyPrint renders the same template as the web view (its
print variant), tagged as PDF/UA. A published version never changes, so its PDF is rendered
once and kept on the Publicatie."""

from __future__ import annotations

from django.template.loader import render_to_string

from afspraken.models import Publicatie
from afspraken.verschil import met_woordverschil
from kern import pdf


def pdf_html(publicatie: Publicatie) -> str:
    """The print variant of the version's web page (its stylesheet comes through kern.pdf's
    fetcher)."""
    ctx = {
        "netwerk": publicatie.netwerk,
        "publicatie": publicatie,
        "wijzigingen": met_woordverschil(publicatie.wijzigingen()),
    }
    return render_to_string("afspraken/publicatie_pdf.html", ctx)


def pdf_van(publicatie: Publicatie) -> bytes:
    """The version's PDF: from the cache, or rendered now and stored for the next download."""
    if publicatie.pdf:
        return bytes(publicatie.pdf)
    data = pdf.naar_pdf(pdf_html(publicatie))
    # A plain UPDATE: two first downloads at once both render, and both store identical bytes.
    Publicatie.objects.filter(pk=publicatie.pk).update(pdf=data)
    publicatie.pdf = data
    return data
