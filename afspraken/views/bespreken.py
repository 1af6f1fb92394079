"""The vredestijd session's meeting: the plenary per case (step 3), an agreement recorded from a
case (step 4), and the review and closing (step 5). The summary is in
`afspraken.views.samenvatting`.

The participants' inbreng is saved with its own revisie check (`Inbreng.objects.bewaar`), the agreements
through the agreements table's form and `afspraken.diensten`.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from afspraken import diensten
from afspraken.forms import AfspraakForm
from afspraken.models import (
    Afspraak,
    Deelnemer,
    Inbreng,
    Lidmaatschap,
    Netwerk,
    Sessie,
    SessieCasus,
    SoortCasus,
    half_jaar_na,
)
from afspraken.sessie_forms import InbrengForm
from afspraken.views import live
from afspraken.views.hulp import formdata, naar, regisseur_sessie
from afspraken.views.sessie import in_gang, sessie_ctx
from kern.types import HtmxHttpRequest


def _sessiecasus(sessie: Sessie, slug: str) -> SessieCasus:
    return get_object_or_404(
        SessieCasus.objects.select_related("casus__fenomeen"), sessie=sessie, casus__slug=slug
    )


# Steps 3 and 4: plenary per case, and its agreements


def _plenair_ctx(sessie: Sessie, sc: SessieCasus, data=None, conflicten=()) -> dict:
    """The inbreng rows (a form per participant, for those without a phone). `conflicten`:
    participants whose inbreng someone else (the participant on their phone, say) saved after
    this form was loaded; their row shows that saved inbreng beside what this user typed."""
    deelnemers = list(sessie.deelnemers.all())
    bestaand = {
        a.deelnemer_id: a
        for a in Inbreng.objects.filter(sessie=sessie, casus=sc.casus).select_related("deelnemer")
    }
    if data is not None and conflicten:
        # Keep everything typed, now carrying the revisies as saved: saving again replaces
        # the other's inbreng on purpose.
        data = data.copy()
        for d in deelnemers:
            data[f"d{d.pk}-revisie"] = str(bestaand[d.pk].revisie if d.pk in bestaand else 0)
    rijen = [
        {
            "deelnemer": d,
            "form": InbrengForm(data, instance=bestaand.get(d.pk), prefix=f"d{d.pk}"),
            "conflict": bestaand.get(d.pk) if d.pk in conflicten else None,
        }
        for d in deelnemers
    ]
    return {"rijen": rijen}


def _afspraak_form(netwerk: Netwerk, s: Sessie, sc: SessieCasus, data=None) -> AfspraakForm:
    """Step 4's form: soort casus preset from the case's phenomenon, "Wie zijn betrokken" from
    the participants' organisations, status concept."""
    soort = SoortCasus.objects.filter(netwerk=netwerk, fenomeen=sc.casus.fenomeen).first()
    initial = {
        "soort": soort.pk if soort else None,
        "wie": _organisaties(list(s.deelnemers.all())),
        "status": Afspraak.Status.CONCEPT,
    }
    return AfspraakForm(data, netwerk=netwerk, prefix="nieuw", initial=initial)


def _bewaar_inbreng(sessie: Sessie, sc: SessieCasus, rijen: list[dict]) -> list[int]:
    """Save each row that has something in it or had inbreng; the ids of the participants
    whose inbreng was refused (saved by someone else meanwhile). The other rows are saved."""
    conflicten = []
    with transaction.atomic():
        for rij in rijen:
            form, deelnemer = rij["form"], rij["deelnemer"]
            if form.leeg and not form.geladen_revisie:
                continue  # nothing typed, and there was nothing to change
            opgeslagen = Inbreng.objects.bewaar(
                sessie=sessie,
                casus=sc.casus,
                deelnemer=deelnemer,
                geladen_revisie=form.geladen_revisie,
                **form.waarden(),
            )
            if opgeslagen is None:
                conflicten.append(deelnemer.pk)
    return conflicten


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@regisseur_sessie
def casus(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie, casus: str
) -> HttpResponse:
    """The live screen of one case (steps 3 and 4). Its #stand (who gave their inbreng, the
    differences, the inbreng) polls this URL: an htmx GET gets that partial only, which holds no form. An
    htmx POST (typing for someone without a phone) gets the #invullen partial: the form."""
    sc = _sessiecasus(s, casus)
    ctx = sessie_ctx(netwerk, s, "casus") | {"sc": sc, "casus": sc.casus}
    status, opgeslagen = 200, False
    if request.method == "GET" and request.htmx:
        partial = "#stand"
        ctx["stand"] = live.stand(s, sc)
    else:
        partial = "#invullen" if request.htmx else ""
        plenair = _plenair_ctx(s, sc, formdata(request))
        if request.method == "POST" and all(r["form"].is_valid() for r in plenair["rijen"]):
            conflicten = _bewaar_inbreng(s, sc, plenair["rijen"])
            in_gang(s)
            opgeslagen = True
            if conflicten:
                namen = [
                    r["deelnemer"].naam for r in plenair["rijen"] if r["deelnemer"].pk in conflicten
                ]
                plenair = _plenair_ctx(s, sc, request.POST, conflicten) | {"conflict_namen": namen}
                # 200 for htmx: it swaps only successful responses.
                status = 200 if request.htmx else 409
            elif not request.htmx:
                messages.success(request, "De antwoorden zijn opgeslagen.")
                return naar("sessie-casus", netwerk.slug, s.pk, sc.casus.slug, anker="#stand")
            else:
                plenair = _plenair_ctx(s, sc) | {"opgeslagen": True}
        elif request.method == "POST":
            plenair["fouten"] = True
        ctx |= plenair if request.htmx else plenair | _scherm_ctx(netwerk, s, sc, request.path)
    response = render(request, "afspraken/sessies/casus.html" + partial, ctx, status=status)
    if opgeslagen and request.htmx:
        # #stand refreshes at once, not at its next poll.
        response["HX-Trigger"] = "inbreng-opgeslagen"
    return response


def _scherm_ctx(netwerk: Netwerk, s: Sessie, sc: SessieCasus, pad: str) -> dict:
    """What the whole case screen adds to its form: the controls, the live state, the
    neighbouring cases and the case's agreements with the form for a new one."""
    alle = list(s.casussen.select_related("casus"))
    index = next(i for i, x in enumerate(alle) if x.pk == sc.pk)
    return live.bediening_ctx(s, pad) | {
        "stand": live.stand(s, sc),
        "nummer": index + 1,
        "totaal": len(alle),
        "vorige": alle[index - 1] if index > 0 else None,
        "volgende": alle[index + 1] if index + 1 < len(alle) else None,
        "afspraken": Afspraak.objects.van(netwerk).filter(sessie=s, casus=sc.casus),
        "afspraak_form": _afspraak_form(netwerk, s, sc),
    }


def _organisaties(deelnemers: list[Deelnemer]) -> str:
    """The participants' organisations, each once, in participant order."""
    gezien: list[str] = []
    for d in deelnemers:
        org = d.organisatie.strip()
        if org and org.lower() not in (g.lower() for g in gezien):
            gezien.append(org)
    return ", ".join(gezien)


@require_http_methods(["GET", "POST"])
@regisseur_sessie
def afspraak(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie, casus: str
) -> HttpResponse:
    """Step 4: an agreement from the case screen, straight into the network's table: soort
    casus preset from the case's phenomenon, "Wie zijn betrokken" from the participants'
    organisations, status concept, linked to this session and case."""
    sc = _sessiecasus(s, casus)
    form = _afspraak_form(netwerk, s, sc, formdata(request))
    if request.method == "POST" and form.is_valid():
        nieuw = form.save(commit=False)
        nieuw.sessie, nieuw.casus = s, sc.casus
        diensten.voeg_toe(
            nieuw, netwerk, door=request.user, reden=f"Vastgelegd in de sessie van {s}"
        )
        in_gang(s)
        messages.success(request, "De afspraak staat in de afsprakentabel (als concept).")
        return naar("sessie-casus", netwerk.slug, s.pk, sc.casus.slug, anker="#casus-afspraken-kop")
    ctx = sessie_ctx(netwerk, s, "casus") | {"casus": sc.casus, "form": form}
    return render(request, "afspraken/sessies/afspraak.html", ctx)


# Step 5: review and close


@require_GET
@regisseur_sessie
def afspraken(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    ctx = sessie_ctx(netwerk, s, "afspraken") | {
        "afspraken": Afspraak.objects.van(netwerk).filter(sessie=s).select_related("casus"),
        "evaluatie_standaard": half_jaar_na(s.datum),
        "vandaag": timezone.localdate(),
        "weergave": "sessie",
    }
    return render(request, "afspraken/sessies/afspraken.html", ctx)


def _open_punten(netwerk: Netwerk, s: Sessie) -> dict:
    """What a chair wants to know before closing. A case counts as discussed ("besproken") once
    it was closed in the plenary ("Casus sluiten") or someone's inbreng on it was recorded; the
    others are listed, and so are the cases without an agreement."""
    met_inbreng = set(
        Inbreng.objects.filter(sessie=s).values_list("casus_id", flat=True).distinct()
    )
    met_afspraak = set(
        Afspraak.objects.van(netwerk).filter(sessie=s).values_list("casus_id", flat=True)
    )
    casussen = list(s.casussen.select_related("casus"))
    return {
        "niet_besproken": [
            sc for sc in casussen if sc.gesloten_op is None and sc.casus_id not in met_inbreng
        ],
        "zonder_afspraak": [sc for sc in casussen if sc.casus_id not in met_afspraak],
        "aantal_casussen": len(casussen),
    }


@require_http_methods(["GET", "POST"])
@regisseur_sessie
def afronden(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """ "Sessie afronden" asks first: the cases not yet discussed and those without an agreement,
    and closes (afspraken.diensten.rond_af) only on a POST that confirms (bevestigd=ja); a POST
    without it closes nothing and asks again. Participants' codes stop working with the status
    (afspraken.deelname refuses a closed session's code)."""
    if s.is_afgerond:
        return naar("sessie-afspraken", netwerk.slug, s.pk)
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        diensten.rond_af(s, door=request.user)
        messages.success(request, "De sessie is afgerond en de afspraken zijn vastgesteld.")
        return naar("sessie-afspraken", netwerk.slug, s.pk)
    ctx = (
        sessie_ctx(netwerk, s, "afspraken")
        | _open_punten(netwerk, s)
        | {
            "aantal_afspraken": Afspraak.objects.van(netwerk).filter(sessie=s).count(),
            "evaluatie_standaard": half_jaar_na(s.datum),
            "niet_bevestigd": request.method == "POST",
        }
    )
    return render(request, "afspraken/sessies/afronden.html", ctx)
