"""A new vredestijd session: its date, place and cases, and the participants' rows ("Meer
deelnemers" adds rows without JavaScript; ?kopie=<pk> starts from an earlier session)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afspraken.forms import als_getal
from afspraken.models import MAX_DEELNEMERS, Deelnemer, Lidmaatschap, Netwerk, Sessie, SessieCasus
from afspraken.sessie_forms import DeelnemerFormSet, SessieForm
from afspraken.toegang import regisseur
from afspraken.views.hulp import formdata, naar
from kern.types import HtmxHttpRequest
from routekaart import inhoud

LEGE_RIJEN = 2  # blank participant rows offered below the filled ones
MINSTE_RIJEN = 6


def _deelnemer_rijen(deelnemers: list[dict]) -> list[dict]:
    """Initial formset rows: the given participants plus a few blank rows."""
    aantal = max(MINSTE_RIJEN, len(deelnemers) + LEGE_RIJEN)
    return deelnemers + [{} for _ in range(aantal - len(deelnemers))]


def _meer_rijen(request: HtmxHttpRequest):
    """ "Meer deelnemers": the same form again, unbound (no errors yet), with what was typed and
    four more empty rows. Works without JavaScript."""
    data = request.POST
    initial = {
        "datum": data.get("datum", ""),
        "plaats": data.get("plaats", ""),
        "minuten_per_casus": data.get("minuten_per_casus", ""),
        "casussen": data.getlist("casussen"),
    }
    getypt = min(als_getal(data.get("deelnemers-TOTAL_FORMS")) or 0, MAX_DEELNEMERS)
    rijen = [
        {
            "naam": data.get(f"deelnemers-{i}-naam", ""),
            "organisatie": data.get(f"deelnemers-{i}-organisatie", ""),
            "werkt_online": bool(data.get(f"deelnemers-{i}-werkt_online")),
        }
        for i in range(getypt)
    ]
    rijen = (rijen + [{} for _ in range(LEGE_RIJEN * 2)])[:MAX_DEELNEMERS]
    return SessieForm(initial=initial), DeelnemerFormSet(prefix="deelnemers", initial=rijen)


def _formulieren(request: HtmxHttpRequest, kopie: Sessie | None):
    """The form and the participant rows, filled from `kopie` (an earlier session) if given."""
    if kopie:
        initial = {
            "minuten_per_casus": kopie.minuten_per_casus,
            "plaats": kopie.plaats,
            "casussen": [sc.casus_id for sc in kopie.casussen.all()],
        }
        rijen = [
            {"naam": d.naam, "organisatie": d.organisatie, "werkt_online": d.werkt_online}
            for d in kopie.deelnemers.all()
        ]
    else:
        initial = {"casussen": [c.pk for c in inhoud.huidige().casussen.values()]}
        rijen = []
    initial["datum"] = timezone.localdate()
    form = SessieForm(formdata(request), initial=initial)
    formset = DeelnemerFormSet(
        formdata(request), prefix="deelnemers", initial=_deelnemer_rijen(rijen)
    )
    return form, formset


def _maak(netwerk: Netwerk, request: HtmxHttpRequest, form, formset) -> Sessie:
    """The session from the valid form, with its participants and cases."""
    with transaction.atomic():
        sessie = form.save(commit=False)
        sessie.netwerk = netwerk
        sessie.gemaakt_door = request.user
        sessie.save()
        for i, rij in enumerate(formset.ingevuld()):
            Deelnemer.objects.create(
                sessie=sessie,
                naam=rij["naam"].strip(),
                organisatie=rij["organisatie"].strip(),
                werkt_online=rij["werkt_online"],
                volgorde=i,
            )
        for i, casus in enumerate(form.cleaned_data["casussen"].order_by("volgorde", "slug")):
            SessieCasus.objects.create(sessie=sessie, casus=casus, volgorde=i)
    return sessie


@require_http_methods(["GET", "POST"])
@regisseur
def nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """A new session; ?kopie=<pk> fills the form from an earlier one ("Kopieer vorige sessie")."""
    vorige = list(Sessie.objects.van(netwerk))
    kopie = None
    if request.method == "GET" and request.GET.get("kopie"):
        kopie_pk = als_getal(request.GET["kopie"])
        kopie = next((s for s in vorige if s.pk == kopie_pk), None)
        if kopie is None:
            raise Http404("Deze sessie bestaat niet.")
    if request.method == "POST" and "meer_rijen" in request.POST:
        form, formset = _meer_rijen(request)
    else:
        form, formset = _formulieren(request, kopie)
        if request.method == "POST" and form.is_valid() and formset.is_valid():
            sessie = _maak(netwerk, request, form, formset)
            messages.success(request, "De sessie is aangemaakt. Verdeel nu de casussen.")
            return naar("sessie-verdelen", netwerk.slug, sessie.pk)
    ctx = {"netwerk": netwerk, "form": form, "formset": formset, "vorige": vorige, "kopie": kopie}
    return render(request, "afspraken/sessies/nieuw.html", ctx)
