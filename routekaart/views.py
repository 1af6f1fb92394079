"""The public reference pages: start (with the route map), partners, afspraken maken, the
explanation of each step, and the plain pages (colofon, privacy, toegankelijkheid)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from routekaart.models import Actie, Modus, Pagina, PartnerRol, Stap
from routekaart.route import Route
from routekaart.types import HtmxHttpRequest

VASTE_PAGINAS = ("colofon", "privacy", "toegankelijkheid")


def laad_route() -> tuple[Route, dict[str, Stap]]:
    """The route graph and its steps by slug, from one query."""
    stappen = {s.slug: s for s in Stap.objects.all()}
    if not stappen:
        raise Http404("De route is nog niet geladen (manage.py load_content).")
    return Route.from_stappen(stappen.values()), stappen


def _pagina(slug: str) -> Pagina:
    return get_object_or_404(Pagina, slug=slug)


@require_GET
def start(request: HtmxHttpRequest) -> HttpResponse:
    route, _ = laad_route()
    ctx = {"pagina": _pagina("start"), "route": route, "kaart": route.kaart()}
    return render(request, "routekaart/start.html", ctx)


@require_GET
def uitleg(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """A step's explanation to read, outside a walk: what the route map's stations link to."""
    route, stappen = laad_route()
    if slug not in stappen:
        raise Http404("Deze stap bestaat niet.")
    ctx = {
        "stap": stappen[slug],
        "route": route,
        "kaart": route.kaart(),
        "huidige": slug,
        "huidige_titel": stappen[slug].titel,
    }
    if stappen[slug].toon_acties:
        acties = list(Actie.objects.all())
        ctx["acties"] = [
            {"modus": m, "titel": f"{label} acties", "acties": [a for a in acties if a.soort == m]}
            for m, label in Modus.choices
        ]
    return render(request, "routekaart/uitleg.html", ctx)


@require_GET
def partners(request: HtmxHttpRequest) -> HttpResponse:
    ctx = {"pagina": _pagina("partners"), "partners": PartnerRol.objects.all()}
    return render(request, "routekaart/partners.html", ctx)


@require_GET
def partner(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    ctx = {"partner": get_object_or_404(PartnerRol, slug=slug)}
    return render(request, "routekaart/partner.html", ctx)


@require_GET
def afspraken_maken(request: HtmxHttpRequest) -> HttpResponse:
    return render(
        request, "routekaart/afspraken_maken.html", {"pagina": _pagina("afspraken-maken")}
    )


@require_GET
def pagina(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    if slug not in VASTE_PAGINAS:
        raise Http404("Deze pagina bestaat niet.")
    return render(request, "routekaart/pagina.html", {"pagina": _pagina(slug)})
