"""The vredestijd session (the source's six steps of "Afspraken maken") and the evaluation loop.

Only the network's regisseur gets here (`afspraken.toegang.regisseur`); every object is fetched
through the URL's network. The rules themselves (dealing the cases, finding differences) are
pure functions in `afspraken.vredestijd`; the agreement form and its version check are the
agreements table's own (`afspraken.forms.AfspraakForm`, `afspraken.views._opslaan_met_versie`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import unescape

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from afspraken import vredestijd
from afspraken.forms import AfspraakForm
from afspraken.models import (
    Afspraak,
    Antwoord,
    Deelnemer,
    Evaluatie,
    Lidmaatschap,
    Netwerk,
    Sessie,
    SessieCasus,
    SoortCasus,
    half_jaar_na,
)
from afspraken.sessie_forms import AntwoordForm, DeelnemerFormSet, EvaluatieForm, SessieForm
from afspraken.toegang import regisseur
from afspraken.views import _conflictformulier, _opslaan_met_versie, _post
from casussen.models import Casus
from routekaart.models import Modus, Pagina
from routekaart.pdf import naar_pdf, pdf_antwoord
from routekaart.route import EVALUATIE, START
from routekaart.types import HtmxHttpRequest
from routekaart.views import laad_route

SESSIE_PDF_CSS = "sessie-pdf.css"
LEGE_RIJEN = 2  # blank participant rows offered below the filled ones
MINSTE_RIJEN = 6
MAX_RIJEN = 30  # as DeelnemerFormSet.max_num


# -- helpers --------------------------------------------------------------------------------------


def _sessie(netwerk: Netwerk, pk: int) -> Sessie:
    """The session, only within this network (another network's id is a 404)."""
    return get_object_or_404(Sessie.objects.van(netwerk), pk=pk)


def _sessiecasus(sessie: Sessie, slug: str) -> SessieCasus:
    return get_object_or_404(
        SessieCasus.objects.select_related("casus__fenomeen"), sessie=sessie, casus__slug=slug
    )


def _naar(naam: str, *args, anker: str = "") -> HttpResponse:
    return redirect(reverse(f"afspraken:{naam}", args=args) + anker)


def _route_vragen() -> list[dict]:
    """The guiding questions of the route's steps in route order, from the graph: every step
    after the start, except the evaluation (that is step 6, done later)."""
    route, stappen = laad_route()
    return [
        {
            "nummer": route[slug].nummer,
            "titel": route[slug].titel,
            "vragen": [v["tekst"] for v in stappen[slug].vragen],
        }
        for slug in route.volgorde
        if route[slug].soort not in (START, EVALUATIE)
    ]


def _evaluatievragen() -> list[str]:
    """The questions of the route's evaluation step, as plain text (form labels)."""
    route, stappen = laad_route()
    for slug in route.volgorde:
        if route[slug].soort == EVALUATIE:
            return [unescape(strip_tags(v["tekst"])).strip() for v in stappen[slug].vragen]
    return []


def _procedure() -> list[str]:
    """The six steps of "Afspraken maken" (content/paginas/afspraken-maken.md)."""
    pagina = Pagina.objects.filter(slug="afspraken-maken").first()
    return list(pagina.extra.get("stappen", [])) if pagina else []


def _pdf(html: str, naam: str) -> HttpResponse:
    return pdf_antwoord(naar_pdf(html), naam)


def _stylesheet() -> str:
    return (settings.BASE_DIR / "static" / "css" / SESSIE_PDF_CSS).read_text(encoding="utf-8")


def _in_gang(sessie: Sessie) -> None:
    """A session that is being worked on is no longer "in voorbereiding"."""
    if sessie.status == Sessie.Status.VOORBEREIDING:
        sessie.status = Sessie.Status.BEZIG
        sessie.save(update_fields=["status", "gewijzigd_op"])


def evaluatie_nodig(netwerk: Netwerk) -> list[Afspraak]:
    """The agreements whose evaluation date is today or earlier, the longest overdue first."""
    return list(
        Afspraak.objects.van(netwerk)
        .filter(evaluatiedatum__lte=timezone.localdate())
        .order_by("evaluatiedatum", "volgorde")
    )


# /afspraken/<netwerk>/sessies/


@require_GET
@regisseur
def sessies(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    lijst = Sessie.objects.van(netwerk).annotate(
        aantal_deelnemers=Count("deelnemers", distinct=True),
        aantal_afspraken=Count("afspraken", distinct=True),
    )
    return render(request, "afspraken/sessies/lijst.html", {"netwerk": netwerk, "sessies": lijst})


def _deelnemer_rijen(deelnemers: list[dict]) -> list[dict]:
    """Initial formset rows: the given participants plus a few blank rows."""
    aantal = max(MINSTE_RIJEN, len(deelnemers) + LEGE_RIJEN)
    return deelnemers + [{} for _ in range(aantal - len(deelnemers))]


@require_http_methods(["GET", "POST"])
@regisseur
def nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """A new session; ?kopie=<pk> fills the form from an earlier one ("Kopieer vorige sessie")."""
    vorige = list(Sessie.objects.van(netwerk))
    kopie = None
    if request.method == "GET" and request.GET.get("kopie"):
        try:
            kopie = next(s for s in vorige if s.pk == int(request.GET["kopie"]))
        except (ValueError, StopIteration):
            raise Http404("Deze sessie bestaat niet.") from None
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
        initial = {"casussen": list(Casus.objects.values_list("pk", flat=True))}
        rijen = []
    initial["datum"] = timezone.localdate()
    if request.method == "POST" and "meer_rijen" in request.POST:
        # "Meer deelnemers": the same form again, unbound (no errors yet), with what was typed
        # and four more empty rows. Works without JavaScript.
        data = request.POST
        initial = {
            "datum": data.get("datum", ""),
            "plaats": data.get("plaats", ""),
            "minuten_per_casus": data.get("minuten_per_casus", ""),
            "casussen": data.getlist("casussen"),
        }
        rijen = [
            {
                "naam": data.get(f"deelnemers-{i}-naam", ""),
                "organisatie": data.get(f"deelnemers-{i}-organisatie", ""),
                "werkt_online": bool(data.get(f"deelnemers-{i}-werkt_online")),
            }
            for i in range(min(_getal(data.get("deelnemers-TOTAL_FORMS")) or 0, MAX_RIJEN))
        ]
        rijen = (rijen + [{} for _ in range(LEGE_RIJEN * 2)])[:MAX_RIJEN]
        ctx = {
            "netwerk": netwerk,
            "form": SessieForm(initial=initial),
            "formset": DeelnemerFormSet(prefix="deelnemers", initial=rijen),
            "vorige": vorige,
            "kopie": None,
        }
        return render(request, "afspraken/sessies/nieuw.html", ctx)
    form = SessieForm(_post(request), initial=initial)
    formset = DeelnemerFormSet(_post(request), prefix="deelnemers", initial=_deelnemer_rijen(rijen))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
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
        messages.success(request, "De sessie is aangemaakt. Verdeel nu de casussen.")
        return _naar("sessie-verdelen", netwerk.slug, sessie.pk)
    ctx = {"netwerk": netwerk, "form": form, "formset": formset, "vorige": vorige, "kopie": kopie}
    return render(request, "afspraken/sessies/nieuw.html", ctx)


def _sessie_ctx(netwerk: Netwerk, sessie: Sessie, huidig: str) -> dict:
    return {"netwerk": netwerk, "sessie": sessie, "huidig": huidig}


@require_GET
@regisseur
def sessie(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    s = _sessie(netwerk, pk)
    ctx = _sessie_ctx(netwerk, s, "overzicht") | {
        "deelnemers": s.deelnemers.prefetch_related("sessiecasussen__casus"),
        "casussen": s.casussen.select_related("casus"),
    }
    return render(request, "afspraken/sessies/sessie.html", ctx)


# Step 1: deal the cases


@require_http_methods(["GET", "POST"])
@regisseur
def verdelen(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    """ "Verdeel de casussen" deals them with vredestijd.verdeel; "Opslaan" keeps the selects
    (a case moved by hand). Both post, then redirect back here (post/redirect/get)."""
    s = _sessie(netwerk, pk)
    deelnemers = list(s.deelnemers.all())
    casussen = list(s.casussen.select_related("casus").prefetch_related("deelnemers"))
    if request.method == "POST":
        if request.POST.get("actie") == "verdeel":
            verdeling = vredestijd.verdeel(
                [
                    vredestijd.Kaart(sc.pk, sc.casus.titel, sc.casus.modus == Modus.ONLINE)
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
            geldig = {d.pk: d for d in deelnemers}
            with transaction.atomic():
                for sc in casussen:
                    gekozen = []
                    for waarde in request.POST.getlist(f"casus-{sc.pk}"):
                        if (
                            waarde.isdigit()
                            and int(waarde) in geldig
                            and int(waarde) not in gekozen
                        ):
                            gekozen.append(int(waarde))
                    sc.deelnemers.set(gekozen)
                    for d_pk in gekozen:
                        d = geldig[d_pk]
                        if sc.casus.modus == Modus.ONLINE and not d.werkt_online:
                            messages.warning(
                                request,
                                f"Let op: {d.naam} werkt niet online, maar heeft nu de "
                                f"ONLINE-casus {sc.casus.titel}.",
                            )
            messages.success(request, "De verdeling is opgeslagen.")
        _in_gang(s)
        return _naar("sessie-verdelen", netwerk.slug, s.pk)
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
    ctx = _sessie_ctx(netwerk, s, "verdelen") | {
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
        "vragen": _route_vragen(),
    }


@require_GET
@regisseur
def handout(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int, deelnemer: int
) -> HttpResponse:
    s = _sessie(netwerk, pk)
    enkel = get_object_or_404(Deelnemer, sessie=s, pk=deelnemer)
    ctx = _handouts_ctx(netwerk, s, s.deelnemers.filter(pk=enkel.pk)) | {"enkel": enkel}
    return render(request, "afspraken/sessies/handouts.html", ctx)


@require_GET
@regisseur
def handouts(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    s = _sessie(netwerk, pk)
    return render(
        request, "afspraken/sessies/handouts.html", _handouts_ctx(netwerk, s, s.deelnemers.all())
    )


@require_GET
@regisseur
def handouts_pdf(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    """All handouts in one PDF, from the same partial as the web page."""
    s = _sessie(netwerk, pk)
    ctx = _handouts_ctx(netwerk, s, s.deelnemers.all()) | {"stylesheet": _stylesheet()}
    html = render_to_string("afspraken/sessies/handouts_pdf.html", ctx)
    return _pdf(html, f"hand-outs-{netwerk.slug}-{s.datum:%Y-%m-%d}.pdf")


# Step 2: the facilitator screen with the timer


def _start_tijd(waarde: str) -> datetime | None:
    try:
        start = datetime.fromisoformat(waarde)
    except ValueError:
        return None
    return start if timezone.is_aware(start) else None


@require_GET
@regisseur
def bedenktijd(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    """For projecting. ?stap=N marks step N of the procedure (default 2, the reflection).
    Without JavaScript, "Start" sends ?start=nu; the server answers with a redirect to the
    actual start time in the URL, so a reload keeps showing the same end time."""
    s = _sessie(netwerk, pk)
    procedure = _procedure()
    try:
        stap = min(max(int(request.GET.get("stap", 2)), 1), max(len(procedure), 1))
    except ValueError:
        stap = 2
    nu = timezone.now()
    if request.GET.get("start") == "nu":
        url = reverse("afspraken:sessie-bedenktijd", args=[netwerk.slug, s.pk])
        return redirect(f"{url}?stap={stap}&start={nu.isoformat()}".replace("+", "%2B"))
    seconden = s.minuten_per_casus * 60
    start = _start_tijd(request.GET.get("start", ""))
    eind = start + timedelta(seconds=seconden) if start else None
    over = max(0, int((eind - nu).total_seconds())) if eind else seconden
    ctx = _sessie_ctx(netwerk, s, "bedenktijd") | {
        "procedure": procedure,
        "huidige_stap": stap,
        "seconden": seconden,
        "start": start.isoformat() if start else "",
        "eind": eind,
        "eind_ms": int(eind.timestamp() * 1000) if eind else 0,
        "eind_als_nu": nu + timedelta(seconds=seconden),
        "resterend": f"{over // 60}:{over % 60:02d}",
    }
    return render(request, "afspraken/sessies/bedenktijd.html", ctx)


# Steps 3 and 4: plenary per case, and its agreements


def _plenair_ctx(sessie: Sessie, sc: SessieCasus, data=None) -> dict:
    deelnemers = list(sessie.deelnemers.all())
    bestaand = {
        a.deelnemer_id: a
        for a in Antwoord.objects.filter(sessie=sessie, casus=sc.casus).select_related("deelnemer")
    }
    rijen = [
        {
            "deelnemer": d,
            "form": AntwoordForm(data, instance=bestaand.get(d.pk), prefix=f"d{d.pk}"),
        }
        for d in deelnemers
    ]
    opgeslagen = [bestaand[d.pk].als_dict() for d in deelnemers if d.pk in bestaand]
    return {"rijen": rijen, "verschillen": vredestijd.verschillen(opgeslagen)}


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@regisseur
def casus(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int, casus: str
) -> HttpResponse:
    s = _sessie(netwerk, pk)
    sc = _sessiecasus(s, casus)
    plenair = _plenair_ctx(s, sc, _post(request))
    ctx = _sessie_ctx(netwerk, s, "casus")
    if request.method == "POST":
        if all(r["form"].is_valid() for r in plenair["rijen"]):
            with transaction.atomic():
                for rij in plenair["rijen"]:
                    antwoord = rij["form"].save(commit=False)
                    if antwoord.pk or any(rij["form"].cleaned_data.values()):
                        antwoord.sessie, antwoord.casus = s, sc.casus
                        antwoord.deelnemer = rij["deelnemer"]
                        antwoord.save()
            _in_gang(s)
            if not request.htmx:
                messages.success(request, "De antwoorden zijn opgeslagen.")
                return _naar("sessie-casus", netwerk.slug, s.pk, sc.casus.slug, anker="#plenair")
            plenair = _plenair_ctx(s, sc) | {"opgeslagen": True}
        else:
            plenair["fouten"] = True
    alle = list(s.casussen.select_related("casus"))
    index = next(i for i, x in enumerate(alle) if x.pk == sc.pk)
    ctx |= plenair | {
        "sc": sc,
        "casus": sc.casus,
        "nummer": index + 1,
        "totaal": len(alle),
        "vorige": alle[index - 1] if index > 0 else None,
        "volgende": alle[index + 1] if index + 1 < len(alle) else None,
        "afspraken": Afspraak.objects.van(netwerk).filter(sessie=s, casus=sc.casus),
    }
    template = "afspraken/sessies/casus.html"
    if request.htmx:
        template += "#plenair"
    return render(request, template, ctx)


def _organisaties(sessie: Sessie) -> str:
    """The participants' organisations, each once, in participant order."""
    gezien: list[str] = []
    for d in sessie.deelnemers.all():
        org = d.organisatie.strip()
        if org and org.lower() not in (g.lower() for g in gezien):
            gezien.append(org)
    return ", ".join(gezien)


@require_http_methods(["GET", "POST"])
@regisseur
def afspraak(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int, casus: str
) -> HttpResponse:
    """Step 4: an agreement from the case screen, straight into the network's table: soort
    casus preset from the case's phenomenon, "Wie zijn betrokken" from the participants'
    organisations, status concept, linked to this session and case."""
    s = _sessie(netwerk, pk)
    sc = _sessiecasus(s, casus)
    soort = SoortCasus.objects.filter(netwerk=netwerk, fenomeen=sc.casus.fenomeen).first()
    initial = {
        "soort": soort.pk if soort else None,
        "wie": _organisaties(s),
        "status": Afspraak.Status.CONCEPT,
    }
    form = AfspraakForm(_post(request), netwerk=netwerk, prefix="nieuw", initial=initial)
    if request.method == "POST" and form.is_valid():
        nieuw = form.save(commit=False)
        nieuw.netwerk, nieuw.sessie, nieuw.casus = netwerk, s, sc.casus
        nieuw.gewijzigd_door = request.user
        laatste = Afspraak.objects.filter(netwerk=netwerk).aggregate(m=Max("volgorde"))["m"]
        nieuw.volgorde = (laatste or 0) + 1
        nieuw._change_reason = f"Vastgelegd in de sessie van {s}"
        nieuw.save()
        _in_gang(s)
        messages.success(request, "De afspraak staat in de afsprakentabel (als concept).")
        return _naar(
            "sessie-casus", netwerk.slug, s.pk, sc.casus.slug, anker="#casus-afspraken-kop"
        )
    ctx = _sessie_ctx(netwerk, s, "casus") | {"casus": sc.casus, "form": form}
    return render(request, "afspraken/sessies/afspraak.html", ctx)


# Step 5: review and close


@require_GET
@regisseur
def afspraken(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    s = _sessie(netwerk, pk)
    ctx = _sessie_ctx(netwerk, s, "afspraken") | {
        "afspraken": Afspraak.objects.van(netwerk).filter(sessie=s).select_related("casus"),
        "evaluatie_standaard": half_jaar_na(s.datum),
    }
    return render(request, "afspraken/sessies/afspraken.html", ctx)


@require_POST
@regisseur
def afronden(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    """Mark the session's agreements vastgesteld, give those without one an evaluation date
    half a year after the session, and close the session. Each changed row gets a new versie
    (an edit form still open elsewhere is then refused, not silently overwritten)."""
    s = _sessie(netwerk, pk)
    with transaction.atomic():
        rijen = Afspraak.objects.filter(netwerk=netwerk, sessie=s).select_for_update()
        for a in rijen:
            if a.status == Afspraak.Status.VASTGESTELD and a.evaluatiedatum:
                continue
            a.status = Afspraak.Status.VASTGESTELD
            a.evaluatiedatum = a.evaluatiedatum or half_jaar_na(s.datum)
            a.versie += 1
            a.gewijzigd_door = request.user
            a._change_reason = f"Sessie van {s} afgerond"
            a.save()
        s.status = Sessie.Status.AFGEROND
        s.save(update_fields=["status", "gewijzigd_op"])
    messages.success(request, "De sessie is afgerond en de afspraken zijn vastgesteld.")
    return _naar("sessie-afspraken", netwerk.slug, s.pk)


# The summary


def _samenvatting_ctx(netwerk: Netwerk, s: Sessie) -> dict:
    alle = list(Afspraak.objects.van(netwerk).filter(sessie=s))
    antwoorden = list(
        Antwoord.objects.filter(sessie=s)
        .select_related("deelnemer")
        .order_by("deelnemer__volgorde", "deelnemer__pk")
    )
    per_casus = []
    for sc in s.casussen.select_related("casus").prefetch_related("deelnemers"):
        eigen = [a for a in antwoorden if a.casus_id == sc.casus_id]
        per_casus.append(
            {
                "sc": sc,
                "antwoorden": eigen,
                "verschillen": vredestijd.verschillen([a.als_dict() for a in eigen]),
                "afspraken": [a for a in alle if a.casus_id == sc.casus_id],
            }
        )
    return _sessie_ctx(netwerk, s, "samenvatting") | {
        "deelnemers": s.deelnemers.all(),
        "per_casus": per_casus,
        "afspraken": alle,
    }


@require_GET
@regisseur
def samenvatting(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    s = _sessie(netwerk, pk)
    return render(request, "afspraken/sessies/samenvatting.html", _samenvatting_ctx(netwerk, s))


@require_GET
@regisseur
def samenvatting_pdf(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    s = _sessie(netwerk, pk)
    ctx = _samenvatting_ctx(netwerk, s) | {"stylesheet": _stylesheet()}
    html = render_to_string("afspraken/sessies/samenvatting_pdf.html", ctx)
    return _pdf(html, f"sessie-{netwerk.slug}-{s.datum:%Y-%m-%d}.pdf")


# /afspraken/<netwerk>/evaluaties/: step 6


@require_GET
@regisseur
def evaluaties(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    ctx = {
        "netwerk": netwerk,
        "evaluaties": Evaluatie.objects.van(netwerk),
        "evaluatie_nodig": evaluatie_nodig(netwerk),
    }
    return render(request, "afspraken/sessies/evaluaties.html", ctx)


def _getal(waarde: str | None) -> int | None:
    return int(waarde) if waarde and waarde.isdigit() else None


@require_http_methods(["GET", "POST"])
@regisseur
def evaluatie_nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap):
    """?afspraak=<pk> or ?sessie=<pk> preselects what the evaluation is about."""
    s = None
    if sessie_pk := _getal(request.GET.get("sessie")):
        s = _sessie(netwerk, sessie_pk)
    initial: dict = {"datum": timezone.localdate()}
    if s:
        initial["afspraken"] = list(s.afspraken.values_list("pk", flat=True))
        initial["deelnemers"] = "\n".join(str(d) for d in s.deelnemers.all())
    elif afspraak_pk := _getal(request.GET.get("afspraak")):
        initial["afspraken"] = [get_object_or_404(Afspraak.objects.van(netwerk), pk=afspraak_pk).pk]
    form = EvaluatieForm(
        _post(request), netwerk=netwerk, vragen=_evaluatievragen(), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            evaluatie = form.save(commit=False)
            evaluatie.netwerk, evaluatie.sessie, evaluatie.door = netwerk, s, request.user
            evaluatie.save()
            form.save_m2m()
            gekozen = list(evaluatie.afspraken.all())
            if evaluatie.conclusie == Evaluatie.Conclusie.BLIJFT:
                # The agreement stays: it is due again half a year from now.
                for a in gekozen:
                    a.evaluatiedatum = half_jaar_na(evaluatie.datum)
                    a.versie += 1
                    a.gewijzigd_door = request.user
                    a._change_reason = f"{evaluatie}: afspraak blijft"
                    a.save()
        messages.success(request, f"{evaluatie} is opgeslagen.")
        if evaluatie.conclusie == Evaluatie.Conclusie.AANPASSEN and len(gekozen) == 1:
            return _naar("evaluatie-aanpassen", netwerk.slug, evaluatie.pk, gekozen[0].pk)
        return _naar("evaluatie", netwerk.slug, evaluatie.pk)
    ctx = {"netwerk": netwerk, "form": form, "sessie": s}
    return render(request, "afspraken/sessies/evaluatie_nieuw.html", ctx)


@require_GET
@regisseur
def evaluatie(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int):
    e = get_object_or_404(Evaluatie.objects.van(netwerk), pk=pk)
    ctx = {"netwerk": netwerk, "evaluatie": e, "afspraken": e.afspraken.select_related("soort")}
    return render(request, "afspraken/sessies/evaluatie.html", ctx)


@require_http_methods(["GET", "POST"])
@regisseur
def evaluatie_aanpassen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int, afspraak: int
) -> HttpResponse:
    """Edit an agreement with its evaluation beside it. The save goes through the table's
    version check, and its history record names the evaluation (history_change_reason)."""
    e = get_object_or_404(Evaluatie.objects.van(netwerk), pk=pk)
    a = get_object_or_404(e.afspraken.filter(netwerk=netwerk), pk=afspraak)
    initial = {}
    if not a.evaluatiedatum or a.evaluatiedatum <= e.datum:
        initial["evaluatiedatum"] = half_jaar_na(e.datum)
    form = AfspraakForm(
        _post(request), instance=a, netwerk=netwerk, prefix=f"a{a.pk}", initial=initial
    )
    ctx = {"netwerk": netwerk, "evaluatie": e, "afspraak": a, "form": form}
    if request.method == "POST" and form.is_valid():
        a._change_reason = str(e)
        if _opslaan_met_versie(a, form, request.user) is not None:
            messages.success(
                request, "De afspraak is aangepast; de geschiedenis noemt de evaluatie."
            )
            return _naar("evaluatie", netwerk.slug, e.pk)
        # Someone saved in between: keep what was typed, carry the current versie.
        actueel, form = _conflictformulier(request, form, netwerk, a.pk)
        ctx |= {"afspraak": actueel, "form": form, "conflict": True}
        return render(request, "afspraken/sessies/evaluatie_aanpassen.html", ctx, status=409)
    return render(request, "afspraken/sessies/evaluatie_aanpassen.html", ctx)
