"""Where the route's views turn the walk's error (routekaart.wandeling.WandelFout) into a 404.

A step opened without the decisions that lead there is no typo: typically someone shared a link
to one step of their route. That step's URL answers 404 with a page that sends the walker to the
start (templates/404.html with `stap`); every other WandelFout is an ordinary "Pagina niet
gevonden" (kern.fouten.niet_gevonden).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import Http404, HttpResponse
from django.shortcuts import render

from kern.types import HtmxHttpRequest
from routekaart import inhoud
from routekaart.wandeling import WandelFout


def wandelfout_als_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a route view (outermost, so a 404 carries no header of the view's own decorators)."""

    @functools.wraps(view)
    def omhulsel(request: HtmxHttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except WandelFout as fout:
            route = inhoud.huidige().route
            slug = kwargs.get("slug")
            if route is None or slug not in route:
                raise Http404(str(fout)) from fout
            stap = inhoud.huidige().stappen[slug]
            return render(request, "404.html", {"stap": stap}, status=404)

    return omhulsel
