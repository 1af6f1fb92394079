"""A participant of a live session on their own phone (issue 11): the code, "Wie ben jij?", their
cases with the inbreng form, and the status fragment their page polls. No account: the claim is
the signed cookie of afspraken.deelname. The regisseur's controls (a new code, releasing a
claim) are in `afspraken.views.sessiecode`.

Every page finds the session by the code in its URL. A closed session's code answers "Deze
sessie is gesloten" and writes nothing; a code that was replaced sends a participant who holds
a claim on to the new code's page, and anyone else back to the code form.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afspraken import deelname
from afspraken.deelname import SessieGesloten
from afspraken.forms import als_getal
from afspraken.klok import klok_van, meeste_casussen
from afspraken.models import Deelnemer, Inbreng, Sessie, SessieCasus
from afspraken.sessie_forms import InbrengForm
from afspraken.toegang import geweigerd
from kern import rem
from kern.types import HtmxHttpRequest
from routekaart import inhoud

GESLOTEN = "Deze sessie is gesloten. Meedoen of antwoorden wijzigen kan niet meer."
ONBEKEND = "Deze sessiecode kennen we niet (meer). Vul de code in die de regisseur laat zien."
TE_VAAK = "Te veel pogingen. Probeer het over een minuut opnieuw."
CASUS_GESLOTEN = "Deze casus is gesloten; je antwoord is niet meer te wijzigen."
GEEN_CLAIM = "Kies eerst je naam, dan kun je antwoorden."


def _url(naam: str, code: str, *args) -> str:
    return reverse(f"afspraken:{naam}", args=[code, *args])


def _mislukt(request: HtmxHttpRequest) -> bool:
    """Count a wrong code of this address; True when it is one too many (kern.rem).
    Only wrong codes count: a whole room joins from one address (the venue's wifi)."""
    return rem.te_vaak(
        deelname.REM_SOORT, rem.adres(request), limiet=deelname.REM_LIMIET, seconden=60
    )


def _onbekende_code(request: HtmxHttpRequest, naam: str) -> HttpResponse:
    """A code that is no session's (any more): a participant with a claim in an open session
    goes on to that session's page `naam` (the regisseur made a new code); anyone else back to
    the code form, the attempt counted."""
    sessie = deelname.sessie_van_claim(request)
    if sessie is not None:
        doel = _url(naam, sessie.code)
        if request.htmx:
            return HttpResponse(headers={"HX-Redirect": doel})
        return redirect(doel)
    messages.error(request, TE_VAAK if _mislukt(request) else ONBEKEND)
    return redirect("afspraken:doe-mee")


# /doe-mee/


@require_http_methods(["GET", "POST"])
@never_cache
def code(request: HtmxHttpRequest) -> HttpResponse:
    """ "Sessiecode": typed with or without space or dash, in any case."""
    getypt = request.POST.get("code", "")[:40] if request.method == "POST" else ""
    fout, status = "", 200
    if request.method == "POST":
        try:
            sessie = deelname.sessie_met_code(getypt)
        except SessieGesloten:
            fout, status = GESLOTEN, 410
        else:
            if sessie is not None:
                return redirect("afspraken:doe-mee-wie", sessie.code)
            if not getypt.strip():
                fout = "Vul de sessiecode in. Je ziet hem op het scherm van de regisseur."
            elif _mislukt(request):
                fout, status = TE_VAAK, 429
            else:
                fout = "Deze sessiecode kennen we niet. Kijk nog eens goed: 8 letters en cijfers."
    ctx = {"getypt": getypt, "fout": fout, "lengte": deelname.LENGTE}
    return render(request, "afspraken/doe_mee/code.html", ctx, status=status)


def met_sessie(sjabloon: str, naam: str, *, status_gesloten: int = 410) -> Callable:
    """For a participant's view `view(request, sessie, code, ...)`: find the open session by the
    code in the URL. A closed session's code renders `sjabloon` with "Deze sessie is gesloten"
    (answered with `status_gesloten`) and writes nothing; a code that is no session's (any more)
    goes on to page `naam` of the participant's own session, or back to the code form."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def met_code(request: HtmxHttpRequest, code: str, **kwargs) -> HttpResponse:
            try:
                sessie = deelname.sessie_met_code(code)
            except SessieGesloten:
                ctx = {"gesloten": GESLOTEN}
                return render(request, sjabloon, ctx, status=status_gesloten)
            if sessie is None:
                return _onbekende_code(request, naam)
            return view(request, sessie, code, **kwargs)

        return met_code

    return decorator


# /doe-mee/<code>/


@require_http_methods(["GET", "POST"])
@never_cache
@met_sessie("afspraken/doe_mee/wie.html", "doe-mee-wie")
def wie(request: HtmxHttpRequest, sessie: Sessie, code: str) -> HttpResponse:
    """ "Wie ben jij?": pick your name. A name claimed on another device asks first."""
    if code != sessie.code:  # typed in lower case or with a dash: the one spelling
        return redirect("afspraken:doe-mee-wie", sessie.code)
    mij = deelname.deelnemer_van(request, sessie)
    deelnemers = list(sessie.deelnemers.all())
    ctx = {"sessie": sessie, "code": sessie.code, "deelnemers": deelnemers, "mij": mij}
    if request.method == "POST":
        pk = als_getal(request.POST.get("deelnemer"))
        gekozen = next((d for d in deelnemers if d.pk == pk), None)
        if gekozen is None:
            ctx["fout"] = "Kies je naam uit de lijst."
        elif mij is not None and gekozen.pk == mij.pk:
            return redirect("afspraken:doe-mee-casussen", sessie.code)
        elif (
            geheim := deelname.claim(gekozen, overnemen=request.POST.get("overnemen") == "ja")
        ) is not None:
            if mij is not None:
                # This device picked another name: its old one is free again.
                deelname.geef_vrij(mij, deelname.eigen_geheim(request, sessie))
            response = redirect("afspraken:doe-mee-casussen", sessie.code)
            deelname.zet_cookie(response, sessie, gekozen, geheim)
            return response
        else:
            ctx["vraag"] = gekozen  # "… is al gekozen op een ander apparaat. Ben jij dat?"
    return render(request, "afspraken/doe_mee/wie.html", ctx)


# /doe-mee/<code>/casussen/


def _casusblok(sessie: Sessie, sc: SessieCasus, inbreng: Inbreng | None, data=None, **extra):
    """One case on the phone: the case, its inbreng form (prefix per case), whether it closed."""
    return {
        "sc": sc,
        "casus": sc.casus,
        "gesloten": sc.gesloten_op is not None,
        "inbreng": inbreng,
        "form": InbrengForm(data, instance=inbreng, prefix=f"c{sc.pk}"),
    } | extra


def _mijn_casussen(mij: Deelnemer):
    return mij.sessiecasussen.select_related("casus__fenomeen").order_by("volgorde", "pk")


def _status_ctx(sessie: Sessie, casussen: list[SessieCasus], meeste: int | None = None) -> dict:
    """`meeste`: the most cases one participant holds, when the caller already counted them."""
    return {
        "klok": klok_van(sessie, casussen=meeste),
        "gesloten_casussen": [sc.casus for sc in casussen if sc.gesloten_op is not None],
    }


def _pagina_ctx(sessie: Sessie, mij: Deelnemer, bewerkt: dict | None = None) -> dict:
    """The participant's page: a casusblok per case with its saved inbreng. `bewerkt`: the
    casusblok of the case just posted, shown instead of that case's saved one."""
    lijst = list(_mijn_casussen(mij))
    bestaand = {
        a.casus_id: a
        for a in Inbreng.objects.filter(sessie=sessie, deelnemer=mij).select_related("deelnemer")
    }
    casusblokken = [
        bewerkt
        if bewerkt is not None and sc.pk == bewerkt["sc"].pk
        else _casusblok(sessie, sc, bestaand.get(sc.casus_id))
        for sc in lijst
    ]
    meeste = meeste_casussen(sessie)  # counted once: the timer sentence and the timer use it
    return {
        "sessie": sessie,
        "code": sessie.code,
        "mij": mij,
        "casusblokken": casusblokken,
        "vragen": inhoud.huidige().vragen_per_stap(),
        "meeste_casussen": meeste,
    } | _status_ctx(sessie, lijst, meeste)


@require_GET
@never_cache
@met_sessie("afspraken/doe_mee/casussen.html", "doe-mee-casussen")
def casussen(request: HtmxHttpRequest, sessie: Sessie, code: str) -> HttpResponse:
    """The participant's own cases, each with its questions and their inbreng form."""
    mij = deelname.deelnemer_van(request, sessie)
    if mij is None:
        messages.info(request, GEEN_CLAIM)
        return redirect("afspraken:doe-mee-wie", sessie.code)
    ctx = _pagina_ctx(sessie, mij)
    return render(request, "afspraken/doe_mee/casussen.html", ctx)


@require_GET
@never_cache
# Closed: 200, so that htmx swaps the message in (it swaps only successful responses).
@met_sessie("afspraken/doe_mee/casussen.html#status", "doe-mee-casussen", status_gesloten=200)
def status(request: HtmxHttpRequest, sessie: Sessie, code: str) -> HttpResponse:
    """The fragment the phone polls every few seconds: the timer and which cases closed. It
    never holds the inbreng form, so polling can never replace what the participant is typing."""
    mij = deelname.deelnemer_van(request, sessie)
    if mij is None:
        return geweigerd(request, GEEN_CLAIM)
    ctx = {"sessie": sessie, "code": sessie.code} | _status_ctx(sessie, list(_mijn_casussen(mij)))
    return render(request, "afspraken/doe_mee/casussen.html#status", ctx)


@require_POST
@met_sessie("afspraken/doe_mee/casussen.html", "doe-mee-casussen")
def inbreng(request: HtmxHttpRequest, sessie: Sessie, code: str, casus: str) -> HttpResponse:
    """Save this participant's inbreng on one of their cases, with the revisie it was loaded at:
    a save by the regisseur (or another tab) in between is shown beside what was typed, and
    nothing is lost. Refused once the regisseur closed the case. With htmx only that case's
    form comes back; without, post/redirect/get."""
    mij = deelname.deelnemer_van(request, sessie)
    if mij is None:
        return geweigerd(request, GEEN_CLAIM)
    # Only a case dealt to this participant: the claim writes no one else's inbreng.
    sc = get_object_or_404(_mijn_casussen(mij), casus__slug=casus)
    bestaand = Inbreng.objects.filter(sessie=sessie, casus=sc.casus, deelnemer=mij).first()
    casusblok = _casusblok(sessie, sc, bestaand, request.POST)
    form, status_code = casusblok["form"], 200
    if form.is_valid():
        with transaction.atomic():
            # The case's row locked while saving: closing it waits, or wins first.
            gesloten = (
                SessieCasus.objects.select_for_update()
                .filter(pk=sc.pk)
                .values_list("gesloten_op", flat=True)
                .get()
            )
            opgeslagen = None
            if gesloten is None:
                opgeslagen = Inbreng.objects.bewaar(
                    sessie=sessie,
                    casus=sc.casus,
                    deelnemer=mij,
                    geladen_revisie=form.geladen_revisie,
                    **form.waarden(),
                )
        if gesloten is not None:
            casusblok |= {"gesloten": True, "fout": CASUS_GESLOTEN}
            status_code = 409
        elif opgeslagen is None:
            # Someone else saved first: show theirs, keep what was typed, at the saved revisie
            # (saving again replaces it on purpose).
            nu = Inbreng.objects.filter(sessie=sessie, casus=sc.casus, deelnemer=mij).first()
            data = request.POST.copy()
            data[f"c{sc.pk}-revisie"] = str(nu.revisie if nu else 0)
            casusblok = _casusblok(sessie, sc, nu, data, conflict=nu)
            status_code = 409
        elif not request.htmx:
            messages.success(request, f"Je antwoord bij {sc.casus.titel} is opgeslagen.")
            return redirect(_url("doe-mee-casussen", sessie.code) + f"#kaart-{sc.casus.slug}")
        else:
            casusblok = _casusblok(sessie, sc, opgeslagen, opgeslagen_melding=True)
    else:
        status_code = 400
    if request.htmx:
        # Only this case's form, at 200: htmx swaps only successful responses, and the message
        # is in the fragment.
        template, status_code = "afspraken/doe_mee/casussen.html#inbreng", 200
        ctx = {"sessie": sessie, "code": sessie.code, "mij": mij, "k": casusblok}
    else:
        template = "afspraken/doe_mee/casussen.html"
        ctx = _pagina_ctx(sessie, mij, casusblok)
    return render(request, template, ctx, status=status_code)
