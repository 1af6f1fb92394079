"""The phenomena and their example cases, with filters on ONLINE/OFFLINE and phenomenon. Read
from the content snapshot (routekaart.inhoud), like every content page."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from casussen.models import Modus
from kern.types import HtmxHttpRequest
from routekaart import inhoud


@require_GET
@vary_on_headers("HX-Request")
def lijst(request: HtmxHttpRequest) -> HttpResponse:
    """All cases; `?modus=online|offline` and `?fenomeen=<slug>` filter (unknown values: all)."""
    snapshot = inhoud.huidige()
    modus = request.GET.get("modus", "")
    modus = modus if modus in Modus.values else ""
    fenomeen = request.GET.get("fenomeen", "")
    fenomeen = fenomeen if fenomeen in snapshot.fenomenen else ""
    ctx = {
        "pagina": snapshot.paginas.get("casussen"),
        "fenomenen": list(snapshot.fenomenen.values()),
        "casussen": snapshot.casussen_bij(fenomeen=fenomeen, modus=modus),
        "modus": modus,
        "fenomeen": fenomeen,
        "modi": Modus.choices,
    }
    template = "casussen/lijst.html"
    if request.htmx:
        template += "#resultaten"
    return render(request, template, ctx)


@require_GET
def fenomeen(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    snapshot = inhoud.huidige()
    if slug not in snapshot.fenomenen:
        raise Http404("Dit fenomeen bestaat niet.")
    ctx = {"fenomeen": snapshot.fenomenen[slug], "casussen": snapshot.casussen_bij(fenomeen=slug)}
    return render(request, "casussen/fenomeen.html", ctx)
