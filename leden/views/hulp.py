"""What the views of accounts and members share."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def te_vaak_pagina(request: HttpRequest) -> HttpResponse:
    """The Dutch "too many attempts" page (429) of the throttled forms and links."""
    return render(request, "leden/te_vaak.html", status=429)


def basis(request: HttpRequest) -> str:
    """The site's address as the visitor reached it, for links in mails."""
    return f"{request.scheme}://{request.get_host()}"


def niet_loggen(response: HttpResponse) -> HttpResponse:
    """Keep Django from logging this 4xx response's path (django.request logs "Gone: <path>"),
    for a URL whose path carries a token. `_has_been_logged` is the flag Django itself sets
    (django.utils.log.log_response) once it has logged a response."""
    response._has_been_logged = True
    return response
