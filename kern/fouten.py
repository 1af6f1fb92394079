"""The 404 handler: "Pagina niet gevonden". (A route step opened without its route gets its own
404 page from the route's views, routekaart.views.wandelfout, with the same template.)

The other error pages need no view of our own: Django's defaults render templates/400.html,
403.html, 403_csrf.html (a form refused by the CSRF check) and 500.html (without any context,
see that template).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


# requires_csrf_token: a URL that resolves nowhere never passes CsrfViewMiddleware's view
# check, yet base.html's logout form needs a token (as in Django's own page_not_found).
@requires_csrf_token
def niet_gevonden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler404: "Pagina niet gevonden"."""
    return render(request, "404.html", {"stap": None}, status=404)
