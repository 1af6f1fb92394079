"""The regisseur's "Leden" page: the members with their roles, the pending invitations, and the
form to invite someone. Every view is the regisseur's of the URL's network (afspraken.toegang),
and finds a member or an invitation only within that network."""

from __future__ import annotations

import logging
from smtplib import SMTPException

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from afspraken.models import Lidmaatschap, Lidrol, Netwerk
from afspraken.toegang import regisseur
from kern.types import HtmxHttpRequest
from leden import diensten, uitnodigingen
from leden.forms import RolForm, UitnodigingForm
from leden.models import GELDIG_DAGEN, Uitnodiging
from leden.views.hulp import basis

logger = logging.getLogger(__name__)

NIET_VERSTUURD = (
    "De e-mail aan {email} kon niet worden verstuurd. Probeer het later opnieuw met "
    "'Opnieuw sturen'."
)


def _naar_leden(netwerk: Netwerk) -> HttpResponse:
    return redirect("leden:leden", netwerk.slug)


def verstuur(request, uitnodiging: Uitnodiging, token: str) -> bool:
    """Mail the invitation; on a mail server error say so (the invitation stays, to resend)."""
    try:
        uitnodigingen.stuur(uitnodiging, token, basis(request))
    except (SMTPException, OSError):
        # Never the token or the link: only which invitation.
        logger.exception("Uitnodiging %s kon niet worden verstuurd", uitnodiging.pk)
        messages.error(request, NIET_VERSTUURD.format(email=uitnodiging.email))
        return False
    return True


@require_http_methods(["GET", "POST"])
@regisseur
def leden(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    form = UitnodigingForm(request.POST if request.method == "POST" else None, netwerk=netwerk)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            uitnodiging, token = uitnodigingen.maak(netwerk, door=request.user, **form.cleaned_data)
        if verstuur(request, uitnodiging, token):
            messages.success(
                request,
                f"De uitnodiging is verstuurd naar {uitnodiging.email}. De link is "
                f"{GELDIG_DAGEN} dagen geldig.",
            )
        return _naar_leden(netwerk)
    ctx = {
        "netwerk": netwerk,
        "lid": lid_,
        "form": form,
        "leden": netwerk.lidmaatschappen.select_related("user").order_by(
            "-rol", "user__first_name", "user__username"
        ),
        "uitnodigingen": Uitnodiging.objects.van(netwerk)
        .open()
        .select_related("uitgenodigd_door")
        .order_by("email"),
        "rollen": Lidrol.choices,
    }
    return render(request, "leden/leden.html", ctx)


@require_POST
@regisseur
def rol(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int) -> HttpResponse:
    form = RolForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies partner of regisseur.")
        return _naar_leden(netwerk)
    try:
        gewijzigd = diensten.wijzig_rol(netwerk, pk, form.cleaned_data["rol"])
    except diensten.LaatsteRegisseur as fout:
        messages.error(request, str(fout))
        return _naar_leden(netwerk)
    except diensten.LidVerdwenen:
        messages.error(request, "Dit lid is al uit het netwerk verwijderd.")
        return _naar_leden(netwerk)
    naam = diensten.naam_van(gewijzigd.user)
    messages.success(request, f"{naam} is nu {gewijzigd.get_rol_display().lower()}.")
    if gewijzigd.pk == lid_.pk and not gewijzigd.is_regisseur:
        # Who made themselves a partner no longer sees this page.
        return redirect("afspraken:netwerk", netwerk.slug)
    return _naar_leden(netwerk)


@require_http_methods(["GET", "POST"])
@regisseur
def verwijderen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int
) -> HttpResponse:
    """GET asks, POST removes the membership (the account itself stays)."""
    weg = get_object_or_404(netwerk.lidmaatschappen.select_related("user"), pk=pk)
    if request.method == "POST":
        try:
            diensten.verwijder(netwerk, pk)
        except diensten.LaatsteRegisseur as fout:
            messages.error(request, str(fout))
            return _naar_leden(netwerk)
        except diensten.LidVerdwenen:
            pass
        messages.success(
            request, f"{diensten.naam_van(weg.user)} is geen lid meer van {netwerk.naam}."
        )
        if weg.pk == lid_.pk:
            return redirect("afspraken:overzicht")
        return _naar_leden(netwerk)
    ctx = {"netwerk": netwerk, "weg": weg, "terug": reverse("leden:leden", args=[netwerk.slug])}
    return render(request, "leden/verwijderen.html", ctx)


def _open_uitnodiging(netwerk: Netwerk, pk: int) -> Uitnodiging:
    return get_object_or_404(Uitnodiging.objects.van(netwerk), pk=pk)


@require_POST
@regisseur
def opnieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    """A new link, valid for seven days from now; the old link no longer works."""
    uitnodiging = _open_uitnodiging(netwerk, pk)
    token = uitnodigingen.opnieuw(uitnodiging)
    if token is None:
        messages.error(request, f"De uitnodiging voor {uitnodiging.email} is niet meer open.")
    elif verstuur(request, uitnodiging, token):
        messages.success(
            request,
            f"De uitnodiging is opnieuw verstuurd naar {uitnodiging.email}; de vorige link "
            "werkt niet meer.",
        )
    return _naar_leden(netwerk)


@require_POST
@regisseur
def intrekken(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    uitnodiging = _open_uitnodiging(netwerk, pk)
    if uitnodigingen.intrekken(uitnodiging):
        messages.success(request, f"De uitnodiging voor {uitnodiging.email} is ingetrokken.")
    else:
        messages.error(request, f"De uitnodiging voor {uitnodiging.email} is niet meer open.")
    return _naar_leden(netwerk)
