"""Small HTTP helpers shared by the OOV views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from afspraken.models import Afspraak, Evaluatie, Netwerk, Sessie
from afspraken.toegang import regisseur
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


def _regisseur_van(haal: Callable[[Netwerk, int], object]) -> Callable:
    """Decorator for a regisseur's view of one object of the network: `regisseur` decides access
    first (so a stranger never learns whether the id exists), then `haal` finds the URL's `pk`
    within the network. The view is called as view(request, netwerk, lid, object, **kwargs)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def met_object(request, netwerk: Netwerk, lid_, pk: int, **kwargs) -> HttpResponse:
            return view(request, netwerk, lid_, haal(netwerk, pk), **kwargs)

        return regisseur(met_object)

    return decorator


regisseur_sessie = _regisseur_van(sessie_van)
regisseur_afspraak = _regisseur_van(afspraak_van)
regisseur_evaluatie = _regisseur_van(evaluatie_van)
