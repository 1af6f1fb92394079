"""Step 6 of the vredestijd session, later: evaluating agreements with the route's evaluation
questions, and revising an agreement beside its evaluation."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from afspraken import diensten
from afspraken.forms import AfspraakForm, als_getal, conflictformulier
from afspraken.models import Afspraak, Evaluatie, Lidmaatschap, Netwerk, half_jaar_na
from afspraken.sessie_forms import EvaluatieForm
from afspraken.toegang import regisseur
from afspraken.views.hulp import afspraak_van, formdata, naar, regisseur_evaluatie, sessie_van
from kern.types import HtmxHttpRequest
from routekaart import inhoud


@require_GET
@regisseur
def evaluaties(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    ctx = {
        "netwerk": netwerk,
        "evaluaties": Evaluatie.objects.van(netwerk),
        "evaluatie_nodig": list(Afspraak.objects.te_evalueren(netwerk)),
        "altijd": True,
    }
    return render(request, "afspraken/sessies/evaluaties.html", ctx)


@require_http_methods(["GET", "POST"])
@regisseur
def evaluatie_nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap):
    """?afspraak=<pk> or ?sessie=<pk> preselects what the evaluation is about."""
    s = None
    if sessie_pk := als_getal(request.GET.get("sessie")):
        s = sessie_van(netwerk, sessie_pk)
    initial: dict = {"datum": timezone.localdate()}
    if s:
        initial["afspraken"] = list(s.afspraken.values_list("pk", flat=True))
        initial["deelnemers"] = "\n".join(str(d) for d in s.deelnemers.all())
    elif afspraak_pk := als_getal(request.GET.get("afspraak")):
        initial["afspraken"] = [afspraak_van(netwerk, afspraak_pk).pk]
    vragen = inhoud.huidige().evaluatievragen()
    form = EvaluatieForm(formdata(request), netwerk=netwerk, vragen=vragen, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            evaluatie = form.save(commit=False)
            evaluatie.netwerk, evaluatie.sessie, evaluatie.door = netwerk, s, request.user
            evaluatie.save()
            form.save_m2m()
            diensten.pas_conclusie_toe(evaluatie, door=request.user)
        messages.success(request, f"{evaluatie} is opgeslagen.")
        gekozen = form.cleaned_data["afspraken"]
        if evaluatie.conclusie == Evaluatie.Conclusie.AANPASSEN and len(gekozen) == 1:
            return naar("evaluatie-aanpassen", netwerk.slug, evaluatie.pk, gekozen[0].pk)
        return naar("evaluatie", netwerk.slug, evaluatie.pk)
    ctx = {"netwerk": netwerk, "form": form, "sessie": s}
    return render(request, "afspraken/sessies/evaluatie_nieuw.html", ctx)


@require_GET
@regisseur_evaluatie
def evaluatie(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, e: Evaluatie):
    ctx = {"netwerk": netwerk, "evaluatie": e, "afspraken": e.afspraken.select_related("soort")}
    return render(request, "afspraken/sessies/evaluatie.html", ctx)


@require_http_methods(["GET", "POST"])
@regisseur_evaluatie
def evaluatie_aanpassen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, e: Evaluatie, afspraak: int
) -> HttpResponse:
    """Edit an agreement with its evaluation beside it. The save goes through the table's
    version check, and its history record names the evaluation (history_change_reason)."""
    a = get_object_or_404(e.afspraken.filter(netwerk=netwerk), pk=afspraak)
    initial = {}
    if not a.evaluatiedatum or a.evaluatiedatum <= e.datum:
        initial["evaluatiedatum"] = half_jaar_na(e.datum)
    form = AfspraakForm(
        formdata(request), instance=a, netwerk=netwerk, prefix=f"a{a.pk}", initial=initial
    )
    ctx = {"netwerk": netwerk, "evaluatie": e, "afspraak": a, "form": form}
    status = 200
    if request.method == "POST" and form.is_valid():
        opgeslagen = Afspraak.objects.bewaar(
            a, form.cleaned_data["revisie"], door=request.user, reden=str(e), **form.waarden()
        )
        if opgeslagen is not None:
            messages.success(
                request, "De afspraak is aangepast; de geschiedenis noemt de evaluatie."
            )
            return naar("evaluatie", netwerk.slug, e.pk)
        # Someone saved in between: keep what was typed, carry the current revisie.
        actueel = afspraak_van(netwerk, a.pk)
        form = conflictformulier(form, actueel)
        ctx |= {"afspraak": actueel, "form": form, "conflict": True}
        status = 409
    return render(request, "afspraken/sessies/evaluatie_aanpassen.html", ctx, status=status)
