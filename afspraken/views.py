"""Views of the OOV area. Access is decided by `afspraken.toegang` (one decorator); objects are
always fetched through the URL's network. Inline editing uses htmx: the same view renders a
partial (`template#naam`) when `request.htmx` is set, and a full page without JavaScript."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.db import transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import reswap, retarget

from afspraken.forms import AfspraakForm, PublicerenForm, SoortCasusForm
from afspraken.models import Afspraak, Lidmaatschap, Netwerk, Publicatie, Sessie, SoortCasus
from afspraken.pdf import pdf_van
from afspraken.toegang import geweigerd, lid, regisseur
from routekaart.pdf import pdf_antwoord
from routekaart.types import HtmxHttpRequest

LINK_SALT = "afspraken.pdf-link"


def _post(request: HtmxHttpRequest):
    """The POST data to bind a form to, or None on GET (an empty POST still validates)."""
    return request.POST if request.method == "POST" else None


def _link_max_leeftijd() -> timedelta:
    return timedelta(days=getattr(settings, "AFSPRAKEN_LINK_DAGEN", 30))


def _tabel_ctx(netwerk: Netwerk, lid_: Lidmaatschap) -> dict:
    """What the regisseur's table (page or partial) needs."""
    afspraken = list(Afspraak.objects.van(netwerk))
    vandaag = timezone.localdate()
    return {
        "netwerk": netwerk,
        "lid": lid_,
        "afspraken": afspraken,
        "aantal_vastgesteld": sum(a.status == Afspraak.Status.VASTGESTELD for a in afspraken),
        "laatste": Publicatie.objects.filter(netwerk=netwerk).zonder_pdf().first(),
        "vandaag": vandaag,
        "te_evalueren": [a for a in afspraken if a.evaluatiedatum and a.evaluatiedatum <= vandaag],
    }


def _tabel(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """The table section as an htmx partial, swapped over the whole section."""
    response = render(request, "afspraken/tabel.html#tabel", _tabel_ctx(netwerk, lid_))
    return reswap(retarget(response, "#afspraken-tabel"), "outerHTML")


def _naar_tabel(netwerk: Netwerk, anker: str = "") -> HttpResponse:
    return redirect(reverse("afspraken:netwerk", args=[netwerk.slug]) + anker)


# /afspraken/


@require_GET
def overzicht(request: HtmxHttpRequest) -> HttpResponse:
    """One network: go there. Several: choose. None (e.g. staff): say so."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    lidmaatschappen = list(Lidmaatschap.objects.filter(user=request.user).select_related("netwerk"))
    if len(lidmaatschappen) == 1:
        return redirect("afspraken:netwerk", lidmaatschappen[0].netwerk.slug)
    return render(request, "afspraken/overzicht.html", {"lidmaatschappen": lidmaatschappen})


# /afspraken/<netwerk>/


@require_GET
@vary_on_headers("HX-Request")
@lid
def netwerk(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """Regisseur: the editable table. Partner: the latest published version, read-only."""
    if lid_.is_regisseur:
        template = "afspraken/tabel.html"
        ctx = _tabel_ctx(netwerk, lid_)
        if request.htmx:
            template += "#tabel"
        else:
            # The start page also lists the vredestijd sessions that are not closed yet.
            ctx["sessies_bezig"] = list(Sessie.objects.van(netwerk).niet_afgerond())
        return render(request, template, ctx)
    publicatie = Publicatie.objects.filter(netwerk=netwerk).zonder_pdf().first()
    return _publicatie_pagina(request, netwerk, lid_, publicatie)


@require_http_methods(["GET", "POST"])
@regisseur
def nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    form = AfspraakForm(_post(request), netwerk=netwerk, prefix="nieuw")
    if request.method == "POST" and form.is_valid():
        afspraak = form.save(commit=False)
        afspraak.netwerk = netwerk
        afspraak.gewijzigd_door = request.user
        laatste = Afspraak.objects.filter(netwerk=netwerk).aggregate(m=Max("volgorde"))["m"]
        afspraak.volgorde = (laatste or 0) + 1
        afspraak.save()
        if request.htmx:
            return _tabel(request, netwerk, lid_)
        return _naar_tabel(netwerk, f"#afspraak-{afspraak.pk}")
    template = "afspraken/nieuw.html"
    if request.htmx:
        template += "#formulier"
    return render(request, template, {"netwerk": netwerk, "form": form, "inline": request.htmx})


@require_GET
@regisseur
def rij(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int) -> HttpResponse:
    """One row as shown in the table: what "Annuleren" swaps back in."""
    afspraak = get_object_or_404(Afspraak.objects.van(netwerk), pk=pk)
    weergave = _weergave(request)
    if not request.htmx:
        return redirect(_terug(netwerk, afspraak, weergave))
    ctx = {"netwerk": netwerk, "afspraak": afspraak, "vandaag": timezone.localdate()}
    return render(request, RIJ_WEERGAVEN[weergave], ctx)


# A row can be edited in place on two pages: the table, and the review of the vredestijd
# session it came from (afspraken/sessie_views.py, fewer actions per row). `weergave` says which
# row template to swap back in and where to go without JavaScript; only these names count.
RIJ_WEERGAVEN = {
    "tabel": "afspraken/tabel.html#rij",
    "sessie": "afspraken/sessies/afspraken.html#rij",
}


def _weergave(request: HtmxHttpRequest) -> str:
    weergave = request.POST.get("weergave") or request.GET.get("weergave")
    return weergave if weergave in RIJ_WEERGAVEN else "tabel"


def _terug(netwerk: Netwerk, afspraak: Afspraak, weergave: str) -> str:
    """Where a page without JavaScript returns to after editing this row."""
    if weergave == "sessie" and afspraak.sessie_id:
        url = reverse("afspraken:sessie-afspraken", args=[netwerk.slug, afspraak.sessie_id])
    else:
        url = reverse("afspraken:netwerk", args=[netwerk.slug])
    return f"{url}#afspraak-{afspraak.pk}"


def _opslaan_met_versie(afspraak: Afspraak, form: AfspraakForm, user) -> Afspraak | None:
    """Save the form only if the row is still at the versie the form was loaded with.

    The conditional UPDATE claims the row atomically (on PostgreSQL a concurrent claim waits for
    this transaction and then finds the versie changed); the save() that follows in the same
    transaction writes the fields and the one history record. None: someone else was first."""
    geladen = form.cleaned_data.get("versie")
    with transaction.atomic():
        geclaimd = Afspraak.objects.filter(
            pk=afspraak.pk, netwerk_id=afspraak.netwerk_id, versie=geladen
        ).update(versie=(geladen or 0) + 1)
        if not geclaimd:
            return None
        nieuw = form.save(commit=False)
        nieuw.versie = geladen + 1
        nieuw.gewijzigd_door = user
        nieuw.save()
    return nieuw


def _conflictformulier(
    request: HtmxHttpRequest, form: AfspraakForm, netwerk: Netwerk, pk: int
) -> tuple[Afspraak, AfspraakForm]:
    """After a refused save: the row as saved now, and a form that keeps what this user typed but
    carries the current versie, so saving again is a deliberate choice."""
    actueel = Afspraak.objects.van(netwerk).get(pk=pk)
    data = request.POST.copy()
    data[form.add_prefix("versie")] = str(actueel.versie)
    # A separate instance: validating a bound form writes the typed values into it.
    kopie = Afspraak.objects.get(pk=pk)
    return actueel, AfspraakForm(data, instance=kopie, netwerk=netwerk, prefix=form.prefix)


@require_http_methods(["GET", "POST"])
@regisseur
def wijzigen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int
) -> HttpResponse:
    afspraak = get_object_or_404(Afspraak.objects.van(netwerk), pk=pk)
    form = AfspraakForm(
        _post(request), instance=afspraak, netwerk=netwerk, prefix=f"a{afspraak.pk}"
    )
    weergave = _weergave(request)
    ctx = {
        "netwerk": netwerk,
        "afspraak": afspraak,
        "form": form,
        "inline": request.htmx,
        "weergave": weergave,
        "terug": _terug(netwerk, afspraak, weergave),
    }
    if request.method == "POST" and form.is_valid():
        opgeslagen = _opslaan_met_versie(afspraak, form, request.user)
        if opgeslagen is not None:
            if request.htmx:
                ctx.update(afspraak=opgeslagen, vandaag=timezone.localdate())
                return render(request, RIJ_WEERGAVEN[weergave], ctx)
            return redirect(ctx["terug"])
        # Conflict: show what is saved now next to what this user typed.
        jouw = form.cleaned_data
        actueel, form = _conflictformulier(request, form, netwerk, pk)
        ctx.update(afspraak=actueel, form=form, conflict=True, jouw=jouw)
        template = "afspraken/wijzigen.html"
        if request.htmx:
            # 200, not 409: htmx swaps only successful responses.
            return render(request, template + "#bewerkrij", ctx)
        return render(request, template, ctx, status=409)
    template = "afspraken/wijzigen.html"
    if request.htmx:
        template += "#bewerkrij"
    return render(request, template, ctx)


@require_http_methods(["GET", "POST"])
@regisseur
def verwijderen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int
) -> HttpResponse:
    afspraak = get_object_or_404(Afspraak.objects.van(netwerk), pk=pk)
    if request.method == "POST":
        afspraak.delete()
        if request.htmx:
            return _tabel(request, netwerk, lid_)
        return _naar_tabel(netwerk)
    template = "afspraken/verwijderen.html"
    if request.htmx:
        template += "#bevestigrij"
    ctx = {"netwerk": netwerk, "afspraak": afspraak, "inline": request.htmx}
    return render(request, template, ctx)


@require_POST
@regisseur
def verplaatsen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int
) -> HttpResponse:
    """Move a row one place up or down (richting=op|neer); the order is renumbered 1..n."""
    with transaction.atomic():
        rijen = list(Afspraak.objects.filter(netwerk=netwerk).select_for_update())
        index = next((i for i, a in enumerate(rijen) if a.pk == pk), None)
        if index is None:
            raise Http404("Deze afspraak bestaat niet.")
        doel = index - 1 if request.POST.get("richting") == "op" else index + 1
        if 0 <= doel < len(rijen):
            rijen[index], rijen[doel] = rijen[doel], rijen[index]
        for volgorde, afspraak in enumerate(rijen, start=1):
            if afspraak.volgorde != volgorde:
                # Order is not content: no new versie, no history record.
                Afspraak.objects.filter(pk=afspraak.pk).update(volgorde=volgorde)
    if request.htmx:
        return _tabel(request, netwerk, lid_)
    return _naar_tabel(netwerk, f"#afspraak-{pk}")


@require_GET
@regisseur
def geschiedenis(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int
) -> HttpResponse:
    afspraak = get_object_or_404(Afspraak.objects.van(netwerk), pk=pk)
    versies = list(
        afspraak.history.select_related("history_user").order_by("-history_date", "-history_id")
    )
    soorten = {s.pk: s.naam for s in SoortCasus.objects.filter(netwerk=netwerk)}
    for v in versies:
        v.soort_naam = soorten.get(v.soort_id, "(verwijderde soort)")
    ctx = {"netwerk": netwerk, "afspraak": afspraak, "versies": versies}
    return render(request, "afspraken/geschiedenis.html", ctx)


@require_http_methods(["GET", "POST"])
@regisseur
def soorten(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    form = SoortCasusForm(_post(request), netwerk=netwerk)
    if request.method == "POST" and form.is_valid():
        soort = form.save(commit=False)
        soort.netwerk = netwerk
        soort.save()
        return redirect("afspraken:soorten", netwerk.slug)
    ctx = {"netwerk": netwerk, "form": form, "soorten": SoortCasus.objects.filter(netwerk=netwerk)}
    return render(request, "afspraken/soorten.html", ctx)


# /afspraken/<netwerk>/publiceren/ and the published versions


@require_http_methods(["GET", "POST"])
@regisseur
def publiceren(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """Freeze the vastgestelde rows as the next version."""
    form = PublicerenForm(_post(request))
    vastgesteld = list(Afspraak.objects.van(netwerk).vastgesteld())
    if request.method == "POST" and form.is_valid():
        if not vastgesteld:
            form.add_error(None, "Er zijn nog geen vastgestelde afspraken om te publiceren.")
        else:
            with transaction.atomic():
                # Lock the network row: two publishers at once get consecutive numbers.
                Netwerk.objects.select_for_update().get(pk=netwerk.pk)
                laatste = Publicatie.objects.filter(netwerk=netwerk).aggregate(m=Max("nummer"))
                publicatie = Publicatie.objects.create(
                    netwerk=netwerk,
                    nummer=(laatste["m"] or 0) + 1,
                    door=request.user,
                    notitie=form.cleaned_data["notitie"],
                    rijen=[a.als_rij() for a in vastgesteld],
                )
            return redirect("afspraken:versie", netwerk.slug, publicatie.nummer)
    ctx = {"netwerk": netwerk, "form": form, "vastgesteld": vastgesteld}
    return render(request, "afspraken/publiceren.html", ctx)


@require_GET
@lid
def versies(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    ctx = {
        "netwerk": netwerk,
        "lid": lid_,
        "publicaties": Publicatie.objects.filter(netwerk=netwerk)
        .zonder_pdf()
        .select_related("door"),
    }
    return render(request, "afspraken/versies.html", ctx)


def _publicatie_pagina(
    request, netwerk: Netwerk, lid_: Lidmaatschap, publicatie: Publicatie | None
) -> HttpResponse:
    ctx = {
        "netwerk": netwerk,
        "lid": lid_,
        "publicatie": publicatie,
        "wijzigingen": publicatie.wijzigingen() if publicatie else None,
        "laatste": Publicatie.objects.filter(netwerk=netwerk).zonder_pdf().first(),
        "link": request.session.pop("afspraken-link", None),
    }
    return render(request, "afspraken/publicatie.html", ctx)


@require_GET
@lid
def versie(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, nummer: int
) -> HttpResponse:
    publicatie = get_object_or_404(
        Publicatie.objects.zonder_pdf().select_related("door"), netwerk=netwerk, nummer=nummer
    )
    return _publicatie_pagina(request, netwerk, lid_, publicatie)


def _pdf_response(publicatie: Publicatie) -> HttpResponse:
    naam = f"afspraken-{publicatie.netwerk.slug}-versie-{publicatie.nummer}.pdf"
    return pdf_antwoord(pdf_van(publicatie), naam)


@require_GET
@lid
def pdf(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, nummer: int
) -> HttpResponse:
    publicatie = get_object_or_404(Publicatie, netwerk=netwerk, nummer=nummer)
    return _pdf_response(publicatie)


@require_POST
@regisseur
def link(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, nummer: int
) -> HttpResponse:
    """Make a signed link to this version's PDF for partners without an account."""
    publicatie = get_object_or_404(Publicatie.objects.zonder_pdf(), netwerk=netwerk, nummer=nummer)
    token = signing.TimestampSigner(salt=LINK_SALT).sign(str(publicatie.pk))
    verloopt = timezone.localdate() + _link_max_leeftijd()
    # Shown once on the version page (post/redirect/get), not kept anywhere else.
    request.session["afspraken-link"] = {
        "url": request.build_absolute_uri(reverse("afspraken:gedeelde-pdf", args=[token])),
        "verloopt": date_format(verloopt, "j F Y"),
    }
    return redirect(reverse("afspraken:versie", args=[netwerk.slug, nummer]) + "#link")


# /afspraken/pdf/<token>/: public, the token is the permission


@require_GET
def gedeelde_pdf(request: HtmxHttpRequest, token: str) -> HttpResponse:
    signer = signing.TimestampSigner(salt=LINK_SALT)
    try:
        pk = signer.unsign(token, max_age=_link_max_leeftijd())
    except signing.SignatureExpired:
        return render(request, "afspraken/link_verlopen.html", status=410)
    except signing.BadSignature:
        return geweigerd(request, "Deze downloadlink klopt niet. Vraag de OOV-er om een nieuwe.")
    publicatie = get_object_or_404(Publicatie.objects.select_related("netwerk"), pk=pk)
    return _pdf_response(publicatie)
