"""The regisseur's two controls of a live session's joining (issue 11): a new session code, and
releasing a participant's claim on a name. The participants' own pages are in
`afspraken.views.doe_mee`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from afspraken import deelname
from afspraken.models import Deelnemer, Lidmaatschap, Netwerk, Sessie
from afspraken.views.hulp import regisseur_sessie
from kern.terugweg import veilige_terugweg
from kern.types import HtmxHttpRequest

# The regisseur: /afspraken/<netwerk>/sessies/<pk>/deelname/


def _terug(request: HtmxHttpRequest, netwerk: Netwerk, s: Sessie) -> HttpResponse:
    """Back to the page the control was on (a page of this session), else the session's page."""
    basis = reverse("afspraken:sessie", args=[netwerk.slug, s.pk])
    return redirect(veilige_terugweg(request.POST.get("terug", ""), basis, basis) + "#toegang")


def _toegang(request: HtmxHttpRequest, netwerk: Netwerk, s: Sessie, melding: str):
    """htmx: the "Meedoen" panel again, with the message in it; without: back to where it was,
    the message shown there."""
    if request.htmx:
        ctx = {"netwerk": netwerk, "sessie": s, "terug": request.POST.get("terug", "")}
        ctx |= deelname.toegang_ctx(request, s) | {"melding": melding}
        return render(request, "afspraken/doe_mee/_toegang.html", ctx)
    if melding:
        messages.info(request, melding)
    return _terug(request, netwerk, s)


@require_POST
@regisseur_sessie
def nieuwe_code(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """ "Nieuwe code": the old code stops at once (participants who joined keep their page)."""
    if s.is_afgerond:
        melding = "De sessie is afgerond: meedoen kan niet meer."
    else:
        nieuw = deelname.geef_code(s)
        melding = f"Nieuwe sessiecode: {deelname.toon(nieuw)}. De oude code werkt niet meer."
    return _toegang(request, netwerk, s, melding)


@require_POST
@regisseur_sessie
def vrijgeven(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie, deelnemer: int
):
    """ "Vrijgeven": the name can be picked again (the old device loses it)."""
    d = get_object_or_404(Deelnemer, sessie=s, pk=deelnemer)
    melding = ""
    if deelname.geef_vrij(d):
        melding = f"{d.naam} is vrijgegeven: de naam kan opnieuw gekozen worden."
    return _toegang(request, netwerk, s, melding)
