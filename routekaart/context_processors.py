"""The links every page's frame (base.html) needs, reversed once per process.

`{% url %}` and `{% static %}` cost tens of microseconds each, and base.html has a dozen of them
on every page; their results depend only on the URLconf, the static files manifest and the
script prefix, none of which changes while a process runs (DEBUG only in tests).
"""

from functools import cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django_htmx.jinja import htmx_script


@cache
def _links(script_prefix: str, debug: bool) -> dict[str, str]:
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
        "login": reverse("login"),  # the account menu (_account_menu.html)
        "logout": reverse("logout"),
        "afspraken": reverse("afspraken:overzicht"),
        "favicon": static("favicon.svg"),
        "site_css": static("css/site.css"),
        "print_css": static("css/print.css"),
        "site_js": static("js/site.js"),
        # What {% htmx_script %} writes: no CSP nonce (the policy allows our own origin's
        # scripts), plus django-htmx's debug script when DEBUG is on.
        "htmx_script": htmx_script(),
    }


def links(request) -> dict:
    basislinks = _links(get_script_prefix(), settings.DEBUG)
    pad = request.path
    # Which menu item is the current page (aria-current): the same tests base.html and
    # _account_menu.html made with |slice, once in Python.
    huidig = {
        "route": pad[:7] == "/route/",
        "partners": pad[:10] == basislinks["partners"],
        "casussen": pad[:10] == basislinks["casussen"],
        "afspraken_maken": pad == basislinks["afspraken_maken"],
        "afspraken": pad[:11] == "/afspraken/",
        "login": pad == "/inloggen/",
    }
    return {"basislinks": basislinks, "menu_huidig": huidig}
