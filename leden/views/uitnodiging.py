"""The invitee's side: /uitnodiging/<token>/. GET shows the invitation, POST redeems it.

Every request counts against the visitor's address (kern.rem), valid token or not, so a
link cannot be guessed. The page is never cached, and its Referrer-Policy "origin" sends only
the site's address as Referer (for its styles, scripts and links), never the path with the token.
("no-referrer" would make the browser send "Origin: null" with the form, which Django's CSRF
check refuses.) A wrong, used, withdrawn or expired link gets its own
Dutch page (404 or 410), never an error.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kern import rem
from kern.types import HtmxHttpRequest
from leden.forms import NieuwAccountForm
from leden.models import Uitnodiging
from leden.uitnodigingen import (
    AccountBestaat,
    UitnodigingOngeldig,
    accepteer,
    account_bij,
    nieuw_account,
)
from leden.views.hulp import niet_loggen, te_vaak_pagina

# Requests of invitation links per visitor's address per minute.
PER_MINUUT = 10
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _ongeldig(request, stand: str) -> HttpResponse:
    status = 404 if stand == "ongeldig" else 410
    return render(request, "leden/uitnodiging_ongeldig.html", {"stand": stand}, status=status)


def _welkom(request, uitnodiging: Uitnodiging, nieuw: bool) -> HttpResponse:
    netwerk = uitnodiging.netwerk
    if nieuw:
        messages.success(request, f"Welkom bij {netwerk.naam}.")
    else:
        messages.info(request, f"Je was al lid van {netwerk.naam}; je rol is niet veranderd.")
    return redirect("afspraken:netwerk", netwerk.slug)


def _uitnodiging(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The invitation's page, or where accepting it leads. Raises UitnodigingOngeldig for an
    unknown, used, withdrawn or expired invitation (the view shows that once)."""
    uitnodiging = Uitnodiging.objects.bij_token(token)
    if uitnodiging is None:
        raise UitnodigingOngeldig("ongeldig")
    if uitnodiging.stand != Uitnodiging.Stand.GELDIG:
        raise UitnodigingOngeldig(uitnodiging.stand)
    bestaand = account_bij(uitnodiging.email)
    user = request.user if request.user.is_authenticated else None
    form = None
    if bestaand is not None and user is not None and user.pk == bestaand.pk:
        situatie = "accepteren"
        if request.method == "POST":
            _lid, nieuw = accepteer(uitnodiging, user)
            return _welkom(request, uitnodiging, nieuw)
    elif user is not None:
        # Logged in, but the invitation is for another address (or a new account).
        situatie = "ander_account"
    elif bestaand is not None:
        situatie = "inloggen"
    else:
        situatie = "nieuw_account"
        data = request.POST if request.method == "POST" else None
        form = NieuwAccountForm(data, uitnodiging=uitnodiging)
        if request.method == "POST" and form.is_valid():
            try:
                nieuw = nieuw_account(
                    uitnodiging,
                    naam=form.cleaned_data["naam"],
                    wachtwoord=form.cleaned_data["wachtwoord1"],
                )
            except AccountBestaat:
                # The page now offers the login instead.
                return redirect(request.path)
            login(request, nieuw, backend=BACKEND)
            messages.success(
                request, f"Je account is aangemaakt. Je gebruikersnaam is {nieuw.username}."
            )
            return _welkom(request, uitnodiging, True)
    ctx = {
        "uitnodiging": uitnodiging,
        "netwerk": uitnodiging.netwerk,
        "situatie": situatie,
        "form": form,
        "pad": request.path,
    }
    return render(request, "leden/uitnodiging.html", ctx)


@never_cache
@require_http_methods(["GET", "POST"])
def uitnodiging(request: HtmxHttpRequest, token: str) -> HttpResponse:
    if rem.te_vaak("uitnodiging", rem.adres(request), limiet=PER_MINUUT):
        response = te_vaak_pagina(request)
    else:
        try:
            response = _uitnodiging(request, token)
        except UitnodigingOngeldig as fout:
            response = _ongeldig(request, fout.stand)
    response.headers["Referrer-Policy"] = "origin"
    return niet_loggen(response)
