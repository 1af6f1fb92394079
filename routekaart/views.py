"""The public reference pages: start (with the route map), partners, afspraken maken, the
explanation of each step, and the plain pages (colofon, privacy, toegankelijkheid)."""

from collections.abc import Mapping

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from routekaart import inhoud
from routekaart.models import Modus, Pagina, Stap
from routekaart.route import Route
from routekaart.types import HtmxHttpRequest

VASTE_PAGINAS = ("colofon", "privacy", "toegankelijkheid")


def laad_route(snapshot: inhoud.Inhoud | None = None) -> tuple[Route, Mapping[str, Stap]]:
    """The route graph and its steps by slug, from the process's content snapshot."""
    snapshot = snapshot or inhoud.huidige()
    if snapshot.route is None:
        raise Http404("De route is nog niet geladen (manage.py load_content).")
    return snapshot.route, snapshot.stappen


def kaart_html(snapshot: inhoud.Inhoud, huidige: str = "", pad=(), klein: bool = False) -> str:
    """The route map as SVG, rendered once per content version and position: from the content
    and the path only (a path is slugs of the graph, never anything the walker wrote)."""
    pad = tuple(pad)

    def maak() -> str:
        route, stappen = laad_route(snapshot)
        ctx = {
            "kaart": snapshot.kaart,
            "links": not klein,
            "klein": klein,
            "huidige": huidige,
            "huidige_titel": stappen[huidige].titel if huidige else "",
            "pad": set(pad),
            "kaart_id": "minikaart" if klein else "kaart",
        }
        return render_to_string("routekaart/_kaart.html", ctx)

    return snapshot.html(("kaart", huidige, pad, klein), maak)


def _pagina(snapshot: inhoud.Inhoud, slug: str) -> Pagina:
    if slug not in snapshot.paginas:
        raise Http404("Deze pagina bestaat niet.")
    return snapshot.paginas[slug]


@require_GET
def start(request: HtmxHttpRequest) -> HttpResponse:
    snapshot = inhoud.huidige()
    laad_route(snapshot)
    ctx = {"pagina": _pagina(snapshot, "start"), "kaart_html": kaart_html(snapshot)}
    return render(request, "routekaart/start.html", ctx)


@require_GET
def uitleg(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """A step's explanation to read, outside a walk: what the route map's stations link to."""
    snapshot = inhoud.huidige()
    route, stappen = laad_route(snapshot)
    if slug not in stappen:
        raise Http404("Deze stap bestaat niet.")
    ctx = {"stap": stappen[slug], "route": route, "kaart_html": kaart_html(snapshot, slug)}
    if stappen[slug].toon_acties:
        acties = snapshot.acties
        ctx["acties"] = [
            {"modus": m, "titel": f"{label} acties", "acties": [a for a in acties if a.soort == m]}
            for m, label in Modus.choices
        ]
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
