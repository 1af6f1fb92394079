"""The route report ("Routeverslag"): the walk as a handover note, as a page and as a PDF made
from the same template (its print variant). The walk must be complete: a URL whose decisions
stop before an end of the route answers 404 (routekaart.wandeling.Wandeling.pad_tot_einde)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kern.types import HtmxHttpRequest
from routekaart import inhoud, presenter
from routekaart.views.wandelfout import wandelfout_als_404
from routekaart.wandeling import Wandeling


@wandelfout_als_404
@require_GET
@never_cache
def verslag(request: HtmxHttpRequest) -> HttpResponse:
    """The report of the walk in the URL, printable."""
    w = Wandeling.lees(request.GET, inhoud.huidige())
    ctx = presenter.verslag_ctx(request, w, w.pad_tot_einde())
    return render(request, "routekaart/verslag.html", ctx)


@wandelfout_als_404
@require_GET
@never_cache
def verslag_pdf(request: HtmxHttpRequest) -> HttpResponse:
    """The same report as a PDF download."""
    from kern.pdf import naar_pdf, pdf_response  # WeasyPrint is heavy: load when asked

    w = Wandeling.lees(request.GET, inhoud.huidige())
    ctx = presenter.verslag_ctx(request, w, w.pad_tot_einde(), pdf=True)
    html = render_to_string("routekaart/verslag.html", ctx, request=request)
    return pdf_response(naar_pdf(html), "routeverslag.pdf")
