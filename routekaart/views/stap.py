"""The route walk: the context step, each step of the route, and "Opnieuw beginnen".

Where the walker is and what they decided travels in the query string (routekaart.wandeling);
each step is a form that posts to its own URL, so the answers, notes and chosen actions are
saved (in the session only) before moving on. Without JavaScript a POST answers 303 to the next
step; with htmx it answers the next step's panel (routekaart/stap.html#paneel) and pushes the
next URL.

A step request, top to bottom: read the walk from the URL (`Wandeling.lees`) and the path to the
step; on a valid post, save what was written and ask `volgende_stap` where it leads; then build
the page (routekaart.presenter) and render it once. The walk raises WandelFout for a URL that is
no state of it; `wandelfout_als_404` turns that into a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from kern.terugweg import veilige_terugweg
from kern.types import HtmxHttpRequest
from routekaart import inhoud, notities, presenter
from routekaart.route import START
from routekaart.views.wandelfout import wandelfout_als_404
from routekaart.wandeling import ALARM, Ongeldig, Wandeling, volgende_stap


@wandelfout_als_404
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@vary_on_headers("HX-Request")
@never_cache
def begin(request: HtmxHttpRequest) -> HttpResponse:
    """/route/: the context step (optional questions that tailor the hints)."""
    w = Wandeling.lees(request.GET, inhoud.huidige())
    return _stap(request, w, w.route.start)


@wandelfout_als_404
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@vary_on_headers("HX-Request")
@never_cache
def stap(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """/route/<slug>/?…: one step of the route, replayed from the decisions in the query."""
    w = Wandeling.lees(request.GET, inhoud.huidige())
    if slug == w.route.start:
        return redirect(w.url(slug))
    return _stap(request, w, slug)


def _stap(request: HtmxHttpRequest, w: Wandeling, slug: str) -> HttpResponse:
    """Show the step, or save its form and move on to the step the post leads to."""
    stap = w.stap(slug)
    pad = w.pad(slug)  # before anything else: the decisions in the URL must lead here
    keuzes, form, status, alarm_net, push = w.keuzes, None, 200, False, ""
    if request.method == "POST":
        form = presenter.formulier(request, w, stap, keuzes, request.POST)
        # An invalid form is shown again with its errors and what was typed, with 200 so that
        # htmx swaps it in.
        if form.is_valid():
            if stap.aard == START:
                d = form.cleaned_data
                keuzes = keuzes.met_context(d["modus"], d["rol"], d["fenomeen"])
            else:
                notities.bewaar(request, slug, form.ingevuld())
            volgende = volgende_stap(
                w.route,
                slug,
                keuzes,
                request.POST.get("beslissing", ""),
                alarm=request.POST.get(ALARM) == "ja",
                bewaar=bool(request.POST.get("bewaar")),
            )
            if isinstance(volgende, Ongeldig):
                form.add_error(None, volgende.melding)
                status = 400
            elif volgende.verslag:
                return HttpResponseRedirect(w.verslag_url(), status=303)
            elif not request.htmx:
                # Without JavaScript the browser scrolls to the alert; site.js focuses it.
                url = w.url(volgende.doel, volgende.keuzes)
                return HttpResponseRedirect(
                    url + ("#alarm" if volgende.alarm_net else ""), status=303
                )
            else:
                slug, keuzes, form = volgende.doel, volgende.keuzes, None
                pad, alarm_net = w.pad(slug, keuzes), volgende.alarm_net
                push = w.url(slug, keuzes)
    ctx = presenter.stap_ctx(request, w, slug, keuzes, pad, form, alarm_net)
    template = "routekaart/stap.html#paneel" if ctx["alleen_paneel"] else "routekaart/stap.html"
    response = render(request, template, ctx, status=status)
    return push_url(response, push) if push else response


@require_http_methods(["GET", "POST"])
@never_cache
def opnieuw(request: HtmxHttpRequest) -> HttpResponse:
    """ "Opnieuw beginnen": GET asks first (the page for those without JavaScript; with it, a
    dialog on the step asks), POST forgets every answer, note and chosen action (the login, if
    any, stays) and starts again."""
    if request.method == "POST":
        notities.wis(request)
        messages.success(request, "Alles is gewist. Je begint opnieuw.")
        return HttpResponseRedirect(reverse("routekaart:route"), status=303)
    terug = veilige_terugweg(request.GET.get("terug", ""), "/route/", reverse("routekaart:route"))
    return render(request, "routekaart/opnieuw.html", {"terug_url": terug})
