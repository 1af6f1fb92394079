"""The links every page's frame (base.html) needs, reversed once per process.

`{% url %}` and `{% static %}` cost tens of microseconds each, and base.html has a dozen of them
on every page; their results depend only on the URLconf, the static files manifest and the
script prefix, none of which changes while a process runs.
"""

from functools import cache

from django.templatetags.static import static
from django.urls import get_script_prefix, reverse


@cache
def _links(script_prefix: str) -> dict[str, str]:
    return {
        "start": reverse("routekaart:start"),
        "route": reverse("routekaart:route"),
        "partners": reverse("routekaart:partners"),
        "casussen": reverse("casussen:lijst"),
        "afspraken_maken": reverse("routekaart:afspraken-maken"),
        "colofon": reverse("routekaart:pagina", args=["colofon"]),
        "privacy": reverse("routekaart:pagina", args=["privacy"]),
        "toegankelijkheid": reverse("routekaart:pagina", args=["toegankelijkheid"]),
        "opnieuw": reverse("routekaart:opnieuw"),  # on every step of the route
        "favicon": static("favicon.svg"),
        "site_css": static("css/site.css"),
        "print_css": static("css/print.css"),
        "site_js": static("js/site.js"),
    }


def links(request) -> dict:
    return {"basislinks": _links(get_script_prefix())}
