"""The phenomena and their example cases, with filters on ONLINE/OFFLINE and phenomenon."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from casussen.models import Casus, Fenomeen
from routekaart.models import Modus, Pagina
from routekaart.types import HtmxHttpRequest


@require_GET
@vary_on_headers("HX-Request")
def lijst(request: HtmxHttpRequest) -> HttpResponse:
    """All cases; `?modus=online|offline` and `?fenomeen=<slug>` filter (unknown values: all)."""
    fenomenen = list(Fenomeen.objects.all())
    modus = request.GET.get("modus", "")
    modus = modus if modus in Modus.values else ""
    fenomeen = request.GET.get("fenomeen", "")
    fenomeen = fenomeen if any(f.slug == fenomeen for f in fenomenen) else ""
    casussen = Casus.objects.select_related("fenomeen").met_modus(modus)
    if fenomeen:
        casussen = casussen.filter(fenomeen__slug=fenomeen)
    ctx = {
        "pagina": Pagina.objects.filter(slug="casussen").first(),
        "fenomenen": fenomenen,
        "casussen": list(casussen),
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
    fenomeen = get_object_or_404(Fenomeen, slug=slug)
    ctx = {"fenomeen": fenomeen, "casussen": list(fenomeen.casussen.all())}
    return render(request, "casussen/fenomeen.html", ctx)
