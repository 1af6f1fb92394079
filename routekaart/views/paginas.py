"""The public reference pages: start (with the route map), partners, afspraken maken, the
explanation of each step, and the plain pages (colofon, privacy, toegankelijkheid)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kern.types import HtmxHttpRequest
from routekaart import inhoud
from routekaart.models import Pagina

VASTE_PAGINAS = ("colofon", "privacy", "toegankelijkheid")


def _pagina(snapshot: inhoud.Inhoud, slug: str) -> Pagina:
    if slug not in snapshot.paginas:
        raise Http404("Deze pagina bestaat niet.")
    return snapshot.paginas[slug]


@require_GET
def start(request: HtmxHttpRequest) -> HttpResponse:
    snapshot = inhoud.huidige()
    if snapshot.route is None:
        raise Http404("De route is nog niet geladen (manage.py load_content).")
    ctx = {"pagina": _pagina(snapshot, "start"), "inhoud": snapshot}
    return render(request, "routekaart/start.html", ctx)


@require_GET
def uitleg(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """A step's explanation to read, outside a walk: what the route map's stations link to."""
    snapshot = inhoud.huidige()
    if slug not in snapshot.stappen:
        raise Http404("Deze stap bestaat niet.")
    stap = snapshot.stappen[slug]
    ctx = {"stap": stap, "inhoud": snapshot}
    if stap.toon_acties:
        ctx["acties"] = snapshot.acties_per_modus()
    return render(request, "routekaart/uitleg.html", ctx)


@require_GET
def partners(request: HtmxHttpRequest) -> HttpResponse:
    snapshot = inhoud.huidige()
    ctx = {"pagina": _pagina(snapshot, "partners"), "partners": snapshot.partners.values()}
    return render(request, "routekaart/partners.html", ctx)


@require_GET
def partner(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    partners = inhoud.huidige().partners
    if slug not in partners:
        raise Http404("Deze partner bestaat niet.")
    return render(request, "routekaart/partner.html", {"partner": partners[slug]})


@require_GET
def afspraken_maken(request: HtmxHttpRequest) -> HttpResponse:
    pagina = _pagina(inhoud.huidige(), "afspraken-maken")
    return render(request, "routekaart/afspraken_maken.html", {"pagina": pagina})


@require_GET
def pagina(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    if slug not in VASTE_PAGINAS:
        raise Http404("Deze pagina bestaat niet.")
    return render(request, "routekaart/pagina.html", {"pagina": _pagina(inhoud.huidige(), slug)})
