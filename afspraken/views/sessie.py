"""The vredestijd session (the source's six steps of "Afspraken maken"), its preparation: the
list (a new session: `afspraken.views.sessie_nieuw`), the overview, dealing the cases (step 1), the handouts and the reflection
timer (step 2). The plenary and the agreements are in `afspraken.views.bespreken`.

Only the network's regisseur gets here (`afspraken.toegang.regisseur`). The rules themselves
(dealing the cases) are pure functions in `afspraken.vredestijd`; the content (the cases, the
route's questions, the procedure) is read through `routekaart.inhoud`.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from afspraken import vredestijd
from afspraken.forms import als_getal
from afspraken.klok import meeste_casussen
from afspraken.models import Deelnemer, Lidmaatschap, Netwerk, Sessie, SessieCasus
from afspraken.toegang import regisseur
from afspraken.views import live
from afspraken.views.hulp import naar, regisseur_sessie
from casussen.models import Modus
from kern.pdf import naar_pdf, pdf_response
from kern.types import HtmxHttpRequest
from routekaart import inhoud

BEDENKTIJD = 2  # the phase of the procedure the timer page marks by default


def sessie_ctx(netwerk: Netwerk, sessie: Sessie, huidig: str) -> dict:
    """What every session page's header and step navigation need."""
    return {"netwerk": netwerk, "sessie": sessie, "huidig": huidig}


def in_gang(sessie: Sessie) -> None:
    """A session that is being worked on is no longer "in voorbereiding"."""
    if sessie.status == Sessie.Status.VOORBEREIDING:
        Sessie.objects.filter(pk=sessie.pk, status=Sessie.Status.VOORBEREIDING).update(
            status=Sessie.Status.BEZIG, gewijzigd_op=timezone.now()
        )
        sessie.status = Sessie.Status.BEZIG


# /afspraken/<netwerk>/sessies/


@require_GET
@regisseur
def sessies(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    lijst = Sessie.objects.van(netwerk).annotate(
        aantal_deelnemers=Count("deelnemers", distinct=True),
        aantal_afspraken=Count("afspraken", distinct=True),
    )
    return render(request, "afspraken/sessies/lijst.html", {"netwerk": netwerk, "sessies": lijst})


@require_GET
@regisseur_sessie
def sessie(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    ctx = sessie_ctx(netwerk, s, "overzicht") | {
        "deelnemers": s.deelnemers.prefetch_related("sessiecasussen__casus"),
        "casussen": s.casussen.select_related("casus"),
        "meeste_casussen": meeste_casussen(s),
    }
    return render(request, "afspraken/sessies/sessie.html", ctx)


# Step 1: deal the cases


def _handmatig(request: HtmxHttpRequest, casussen: list[SessieCasus], deelnemers) -> None:
    """Keep the selects: each case gets the chosen participants of this session, each once."""
    geldig = {d.pk: d for d in deelnemers}
    with transaction.atomic():
        for sc in casussen:
            gekozen = []
            for waarde in request.POST.getlist(f"casus-{sc.pk}"):
                d_pk = als_getal(waarde)
                if d_pk in geldig and d_pk not in gekozen:
                    gekozen.append(d_pk)
            sc.deelnemers.set(gekozen)
            for d_pk in gekozen:
                d = geldig[d_pk]
                if sc.casus.modus == Modus.ONLINE and not d.werkt_online:
                    messages.warning(
                        request,
                        f"Let op: {d.naam} werkt niet online, maar heeft nu de "
                        f"ONLINE-casus {sc.casus.titel}.",
                    )


@require_http_methods(["GET", "POST"])
@regisseur_sessie
def verdelen(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """ "Verdeel de casussen" deals them with vredestijd.verdeel; "Opslaan" keeps the selects
    (a case moved by hand). Both post, then redirect back here (post/redirect/get)."""
    deelnemers = list(s.deelnemers.all())
    casussen = list(s.casussen.select_related("casus").prefetch_related("deelnemers"))
    if request.method == "POST":
        if request.POST.get("actie") == "verdeel":
            verdeling = vredestijd.verdeel(
                [
                    vredestijd.Verdeelcasus(sc.pk, sc.casus.titel, sc.casus.modus == Modus.ONLINE)
                    for sc in casussen
                ],
                [vredestijd.Persoon(d.pk, d.naam, d.werkt_online) for d in deelnemers],
            )
            with transaction.atomic():
                for sc in casussen:
                    sc.deelnemers.set(verdeling.per_casus[sc.pk])
            messages.success(request, "De casussen zijn verdeeld.")
            for melding in verdeling.meldingen:
                messages.warning(request, melding)
        else:
            _handmatig(request, casussen, deelnemers)
            messages.success(request, "De verdeling is opgeslagen.")
        in_gang(s)
        return naar("sessie-verdelen", netwerk.slug, s.pk)
    rijen = []
    for sc in casussen:
        toegewezen = list(sc.deelnemers.all())
        rijen.append({"sc": sc, "plekken": [*toegewezen, None]})
    meldingen = []
    if deelnemers and any(sc.deelnemers.all() for sc in casussen):
        zonder = [sc.casus.titel for sc in casussen if not sc.deelnemers.all()]
        if zonder:
            meldingen.append("Nog zonder deelnemer: " + vredestijd.opsomming(zonder) + ".")
    elif not deelnemers:
        meldingen.append("Er zijn geen deelnemers in deze sessie.")
    ctx = sessie_ctx(netwerk, s, "verdelen") | {
        "deelnemers": s.deelnemers.prefetch_related("sessiecasussen"),
        "rijen": rijen,
        "meldingen": meldingen,
        "verdeeld": any(sc.deelnemers.all() for sc in casussen),
    }
    return render(request, "afspraken/sessies/verdelen.html", ctx)


def _handouts_ctx(netwerk: Netwerk, sessie: Sessie, deelnemers) -> dict:
    return {
        "netwerk": netwerk,
        "sessie": sessie,
        "handouts": [
            {
                "deelnemer": d,
                "casussen": [sc.casus for sc in d.sessiecasussen.all()],
                "voorvoegsel": f"h{d.pk}-",
            }
            for d in deelnemers.prefetch_related("sessiecasussen__casus__fenomeen")
        ],
        "vragen": inhoud.huidige().vragen_per_stap(),
        "meeste_casussen": meeste_casussen(sessie),
    }


@require_GET
@regisseur_sessie
def handout(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie, deelnemer: int
) -> HttpResponse:
    enkel = get_object_or_404(Deelnemer, sessie=s, pk=deelnemer)
    ctx = _handouts_ctx(netwerk, s, s.deelnemers.filter(pk=enkel.pk)) | {"enkel": enkel}
    return render(request, "afspraken/sessies/handouts.html", ctx)


@require_GET
@regisseur_sessie
def handouts(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    return render(
        request, "afspraken/sessies/handouts.html", _handouts_ctx(netwerk, s, s.deelnemers.all())
    )


@require_GET
@regisseur_sessie
def handouts_pdf(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """All handouts in one PDF, from the same partial as the web page."""
    ctx = _handouts_ctx(netwerk, s, s.deelnemers.all())
    html = render_to_string("afspraken/sessies/handouts_pdf.html", ctx)
    return pdf_response(naar_pdf(html), f"hand-outs-{netwerk.slug}-{s.datum:%Y-%m-%d}.pdf")


# Step 2: the reflection, with the timer


@require_GET
@regisseur_sessie
def bedenktijd(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    """The regisseur's screen during the reflection: the timer and its controls (kept on the
    server, afspraken.klok; the beamer shows the same end time) and the procedure. ?fase=N marks
    phase N of the procedure (default 2, the reflection)."""
    procedure = inhoud.huidige().procedure()
    gevraagd = als_getal(request.GET.get("fase"))
    fase = min(max(BEDENKTIJD if gevraagd is None else gevraagd, 1), max(len(procedure), 1))
    ctx = sessie_ctx(netwerk, s, "bedenktijd") | {
        "procedure": procedure,
        "huidige_fase": fase,
        **live.bediening_ctx(s, request.get_full_path()),
    }
    return render(request, "afspraken/sessies/bedenktijd.html", ctx)
