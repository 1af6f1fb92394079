"""Small HTTP helpers shared by the OOV views."""

from __future__ import annotations

from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from afspraken.models import Afspraak, Evaluatie, Netwerk, Sessie
from afspraken.toegang import regisseur_van
from kern.types import HtmxHttpRequest


def formdata(request: HtmxHttpRequest) -> QueryDict | None:
    """The POST data to bind a form to, or None on GET (an empty POST still validates)."""
    return request.POST if request.method == "POST" else None


def naar(naam: str, *args, anker: str = "") -> HttpResponse:
    """Redirect to the OOV URL `naam` (post/redirect/get), optionally to an anchor."""
    return redirect(reverse(f"afspraken:{naam}", args=args) + anker)


def sessie_van(netwerk: Netwerk, pk: int) -> Sessie:
    """The session, only within this network (another network's id is a 404)."""
    return get_object_or_404(Sessie.objects.van(netwerk), pk=pk)


def afspraak_van(netwerk: Netwerk, pk: int) -> Afspraak:
    """The agreement, only within this network (another network's id is a 404)."""
    return get_object_or_404(Afspraak.objects.van(netwerk), pk=pk)


def evaluatie_van(netwerk: Netwerk, pk: int) -> Evaluatie:
    """The evaluation, only within this network (another network's id is a 404)."""
    return get_object_or_404(Evaluatie.objects.van(netwerk), pk=pk)


regisseur_sessie = regisseur_van(sessie_van)
regisseur_afspraak = regisseur_van(afspraak_van)
regisseur_evaluatie = regisseur_van(evaluatie_van)
