"""The live meeting (issue 11), the regisseur's side: the beamer (a page without the site around
it, which follows the regisseur by polling) and the controls that stay on the regisseur's own
screen: the timer, the case on the beamer, "Toon verschillen", and closing a case.

Every control is a POST that works without JavaScript (it redirects back to the page it came
from) and with htmx (it answers with the controls panel, afspraken/live/_bediening.html). What
the controls do is in afspraken.live.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from afspraken import live, vredestijd
from afspraken.forms import als_getal
from afspraken.klok import klok_van, meeste_casussen
from afspraken.models import Inbreng, Lidmaatschap, Netwerk, Sessie, SessieCasus
from afspraken.views.hulp import regisseur_sessie
from kern.terugweg import veilige_terugweg
from kern.types import HtmxHttpRequest

# The controls panel, shared by the live case screen and the timer page.
BEDIENING = "afspraken/live/_bediening.html"


def bediening_ctx(sessie: Sessie, terug: str) -> dict:
    """What the controls panel needs: the timer, the case on the beamer and its neighbours.
    `terug`: the page the no-JavaScript controls return to."""
    huidig = live.huidige_casus(sessie)
    _, volgende = live.buren(sessie, huidig)
    casussen = meeste_casussen(sessie)
    return {
        "sessie": sessie,
        "netwerk": sessie.netwerk,
        "klok": klok_van(sessie, casussen=casussen),
        "meeste_casussen": casussen,
        "op_beamer": huidig,
        "volgende_op_beamer": volgende,
        "terug": terug,
    }


def stand(sessie: Sessie, sc: SessieCasus) -> dict:
    """The live state of one case: how many of the session's participants gave their inbreng (in the
    plenary everyone says what they would do, not only those it was dealt to), their inbreng, and
    the differences between them."""
    inbreng = [
        a
        for a in Inbreng.objects.filter(sessie=sessie, casus=sc.casus)
        .select_related("deelnemer")
        .order_by("deelnemer__volgorde", "deelnemer__pk")
        if _ingevuld(a)
    ]
    return {
        "inbreng": inbreng,
        "verschillen": vredestijd.verschillen([a.als_dict() for a in inbreng]),
        "ingebracht": len(inbreng),
        "verwacht": sessie.deelnemers.count(),
        "gesloten": sc.gesloten_op is not None,
    }


def _ingevuld(inbreng: Inbreng) -> bool:
    """Inbreng counts once anything of it is filled in."""
    velden = ("duiding", "partners_betrekken", "partners", "ingrijpen", "actie")
    return any(getattr(inbreng, v, None) for v in velden)


def _terug(request: HtmxHttpRequest, sessie: Sessie) -> str:
    """Where a control without JavaScript returns: the `terug` path when it is a page of this
    session (never another site), else the session's overview."""
    basis = reverse("afspraken:sessie", args=[sessie.netwerk.slug, sessie.pk])
    return veilige_terugweg(request.POST.get("terug", ""), basis, basis)


def _response(request: HtmxHttpRequest, sessie: Sessie) -> HttpResponse:
    """After a control: the controls panel for htmx, else back to the page (post/redirect/get)."""
    terug = _terug(request, sessie)
    if request.htmx:
        sessie.refresh_from_db()
        return render(request, BEDIENING, bediening_ctx(sessie, terug))
    return redirect(terug)


# /afspraken/<netwerk>/sessies/<pk>/live/


@require_GET
@vary_on_headers("HX-Request")
@regisseur_sessie
def beamer(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """For the projector: the case on the beamer, the timer, how many answered and, once the
    regisseur chose "Toon verschillen", the differences. It polls itself (htmx, every 2 s: the
    #stand partial); without JavaScript it refreshes with a meta refresh."""
    sc = live.huidige_casus(s)
    casussen = meeste_casussen(s)
    ctx = {
        "netwerk": netwerk,
        "sessie": s,
        "sc": sc,
        "klok": klok_van(s, casussen=casussen),
        "meeste_casussen": casussen,
        "stand": stand(s, sc) if sc else None,
        "nummer": list(s.casussen.values_list("pk", flat=True)).index(sc.pk) + 1 if sc else 0,
        "totaal": s.casussen.count(),
    }
    template = "afspraken/live/beamer.html"
    if request.htmx:
        template += "#stand"
    return render(request, template, ctx)


@require_POST
@regisseur_sessie
def klok(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """Start, Pauze, Verder or Opnieuw (the `actie`); anything else changes nothing."""
    actie = request.POST.get("actie", "")
    if actie in live.KlokActie.ALLE:
        live.bedien_klok(s, actie)
    return _response(request, s)


@require_POST
@regisseur_sessie
def beamer_casus(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """Put a case on the beamer: `naar` (a case's slug), or with `volgende` the case after the
    one the click was made on (`van`, a SessieCasus id). The regisseur's screen goes along to
    that case's live screen."""
    casussen = SessieCasus.objects.filter(sessie=s)
    if request.POST.get("volgende"):
        van = casussen.filter(pk=als_getal(request.POST.get("van")) or 0).first()
        _, naar = live.buren(s, van) if van else (None, None)
        if naar is not None:
            live.zet_casus(s, naar, van=van.pk)
    elif naar := casussen.filter(casus__slug=request.POST.get("naar", "")).first():
        live.zet_casus(s, naar)
    # An unknown case changes nothing: the regisseur lands on the case on the beamer.
    s.refresh_from_db()
    huidig = live.huidige_casus(s)
    if huidig is None:
        return redirect(_terug(request, s))
    doel = reverse("afspraken:sessie-casus", args=[netwerk.slug, s.pk, huidig.casus.slug])
    if request.htmx:
        # A new page for the regisseur too; htmx follows this header with a full page load.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = doel
        return response
    return redirect(doel)


@require_POST
@regisseur_sessie
def beamer_verschillen(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """ "Toon verschillen" (tonen=ja) or "Verberg verschillen" (anything else) on the beamer."""
    live.toon_verschillen(s, request.POST.get("tonen") == "ja")
    return _response(request, s)


@require_POST
@regisseur_sessie
def casus_sluiten(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie, casus: str
):
    """ "Casus sluiten": from now on the participants' changes to this case are refused.
    actie=heropenen opens it again."""
    sc = get_object_or_404(SessieCasus, sessie=s, casus__slug=casus)
    live.sluit_casus(sc, gesloten=request.POST.get("actie") != "heropenen")
    return redirect(
        reverse("afspraken:sessie-casus", args=[netwerk.slug, s.pk, casus]) + "#casus-status"
    )
