"""The 404 handler, which knows the route walk: a step opened without its route is no typo.

The other error pages need no view of our own: Django's defaults render templates/400.html,
403.html, 403_csrf.html (a form refused by the CSRF check) and 500.html (without any context,
see that template).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from routekaart import inhoud
from routekaart.models import Stap


def _stap_zonder_route(request: HttpRequest) -> Stap | None:
    """The step of a step URL (/route/<slug>/) that answered 404 because its query does not lead
    there, typically a link to one step shared without the answers before it. None for any other
    404, including a step that does not exist at all."""
    match = request.resolver_match
    if match is None or match.view_name != "routekaart:stap":
        return None
    snapshot = inhoud.huidige()
    slug = match.kwargs.get("slug", "")
    if snapshot.route is None or slug not in snapshot.route:
        return None
    return snapshot.stappen.get(slug)


# requires_csrf_token: a URL that resolves nowhere never passes CsrfViewMiddleware's view
# check, yet base.html's logout form needs a token (as in Django's own page_not_found).
@requires_csrf_token
def niet_gevonden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler404: "Pagina niet gevonden", or for a step opened without its route a page that
    sends the walker to the start of the route."""
    ctx = {"stap": _stap_zonder_route(request)}
    return render(request, "404.html", ctx, status=404)
