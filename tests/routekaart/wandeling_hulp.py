"""The route graph as the shipped content declares it, read from the files (no database), and
helpers that find the decisions leading to a step — so the tests follow edges, never a fixed order."""

from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

from routekaart.inlezen import lees_alles
from routekaart.route import BESLISSING, Route


def route_uit_content() -> Route:
    alles = lees_alles(Path(settings.CONTENT_DIR))
    return Route.uit_stappen(SimpleNamespace(slug=i.slug, **i.velden) for i in alles["route"])


ROUTE = route_uit_content()
TAKKEN = [(slug, label, doel) for slug in ROUTE.volgorde for label, doel in ROUTE[slug].takken()]


def beslissingen_tot(slug: str) -> dict[str, str]:
    """The decisions of the first complete path that passes `slug`, up to that step."""
    pad = next(p for p in ROUTE.paden() if slug in p)
    beslissingen = {}
    for van, naar in zip(pad, pad[1:], strict=False):
        if van == slug:
            break
        stap = ROUTE[van]
        if stap.aard == BESLISSING:
            beslissingen[stap.sleutel] = "ja" if stap.ja == naar else "nee"
    return beslissingen


def beslissingen_voor_pad(pad: list[str]) -> dict[str, str]:
    """The decisions that make up a complete path."""
    return {
        ROUTE[van].sleutel: ("ja" if ROUTE[van].ja == naar else "nee")
        for van, naar in zip(pad, pad[1:], strict=False)
        if ROUTE[van].aard == BESLISSING
    }


def url(slug: str, **query: str) -> str:
    from urllib.parse import urlencode

    basis = "/route/" if slug == ROUTE.start else f"/route/{slug}/"
    return basis + (f"?{urlencode(query)}" if query else "")


def zelfde_url(a: str, b: str) -> bool:
    """Same path and the same query parameters, in any order."""
    from urllib.parse import parse_qs, urlsplit

    ua, ub = urlsplit(a), urlsplit(b)
    return ua.path == ub.path and parse_qs(ua.query) == parse_qs(ub.query)
