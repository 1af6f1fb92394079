"""The regisseur's agreements table: add, edit in place, delete, move, history, case types.

Inline editing uses htmx: the same view renders a partial (`template#naam`) when `request.htmx`
is set, and a full page without JavaScript; adding, editing and deleting a row is the flow of
afspraken.bewerken, which the contact list shares. A row can be edited in place on two pages,
the table and the review of the vredestijd session it came from; both show it with
`afspraken/_rij.html`.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from afspraken import bewerken, diensten
from afspraken.forms import AfspraakForm, SoortCasusForm, SoortFenomenenForm
from afspraken.models import Afspraak, Lidmaatschap, Netwerk, Publicatie, Sessie, SoortCasus
from afspraken.toegang import lid, regisseur
from afspraken.views.hulp import formdata, regisseur_afspraak
from afspraken.views.publiceren import PUBLICATIE, publicatie_ctx
from kern.types import HtmxHttpRequest

RIJ = "afspraken/_rij.html"
AFSPRAAK = bewerken.Bewerking(
    "afspraak",
    "de",
    RIJ,
    "afspraken/_afspraak_velden.html",
    kolommen=7,
    nieuw_id="nieuw-kop",
    samenvatting="afspraken/_afspraak_samenvatting.html",
)
# The pages a row is shown on (`weergave`): which columns and actions it has, and where a page
# without JavaScript returns to. Only these names count.
WEERGAVEN = ("tabel", "sessie")


def _tabel_ctx(netwerk: Netwerk, lid_: Lidmaatschap) -> dict:
    """What the regisseur's table (page or partial) needs."""
    afspraken = list(Afspraak.objects.van(netwerk))
    return {
        "netwerk": netwerk,
        "lid": lid_,
        "afspraken": afspraken,
        "aantal_vastgesteld": sum(a.status == Afspraak.Status.VASTGESTELD for a in afspraken),
        "laatste": Publicatie.objects.filter(netwerk=netwerk).zonder_pdf().first(),
        "vandaag": timezone.localdate(),
        "weergave": "tabel",
        "evaluatie_nodig": list(Afspraak.objects.te_evalueren(netwerk)),
    }


def _tabel(netwerk: Netwerk, lid_: Lidmaatschap) -> tuple[str, dict, str]:
    """The table section as an htmx partial, swapped over the whole section: what comes back
    after a row was added, removed or moved."""
    return "afspraken/tabel.html#tabel", _tabel_ctx(netwerk, lid_), "#afspraken-tabel"


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
    if not lid_.is_regisseur:
        publicatie = Publicatie.objects.filter(netwerk=netwerk).zonder_pdf().first()
        template, ctx = PUBLICATIE, publicatie_ctx(request, netwerk, lid_, publicatie)
    elif request.htmx:
        template, ctx = "afspraken/tabel.html#tabel", _tabel_ctx(netwerk, lid_)
    else:
        template = "afspraken/tabel.html"
        # The start page also lists the vredestijd sessions that are not closed yet.
        ctx = _tabel_ctx(netwerk, lid_) | {
            "sessies_bezig": list(Sessie.objects.van(netwerk).niet_afgerond())
        }
    return render(request, template, ctx)


@require_http_methods(["GET", "POST"])
@regisseur
def nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    ctx = {
        "netwerk": netwerk,
        "actie": reverse("afspraken:nieuw", args=[netwerk.slug]),
        "terug": reverse("afspraken:netwerk", args=[netwerk.slug]),
        "tabel_doel": "#afspraken-tabel",
    }
    return bewerken.toevoegen(
        request,
        AFSPRAAK,
        AfspraakForm(formdata(request), netwerk=netwerk, prefix="nieuw"),
        ctx,
        voeg_toe=lambda form: diensten.voeg_toe(
            form.save(commit=False), netwerk, door=request.user
        ),
        tabel=lambda: _tabel(netwerk, lid_),
    )


def _weergave(request: HtmxHttpRequest) -> str:
    weergave = request.POST.get("weergave") or request.GET.get("weergave")
    return weergave if weergave in WEERGAVEN else "tabel"


def _terug(netwerk: Netwerk, afspraak: Afspraak, weergave: str) -> str:
    """Where a page without JavaScript returns to after editing this row."""
    if weergave == "sessie" and afspraak.sessie_id:
        url = reverse("afspraken:sessie-afspraken", args=[netwerk.slug, afspraak.sessie_id])
    else:
        url = reverse("afspraken:netwerk", args=[netwerk.slug])
    return f"{url}#afspraak-{afspraak.pk}"


def _rij_url(netwerk: Netwerk, afspraak: Afspraak, weergave: str) -> str:
    """The row as this page shows it: what "Annuleren" swaps back in with htmx."""
    url = reverse("afspraken:rij", args=[netwerk.slug, afspraak.pk])
    return f"{url}?weergave=sessie" if weergave == "sessie" else url


def _rij_ctx(netwerk: Netwerk, afspraak: Afspraak, weergave: str) -> dict:
    """What a page needs around one row: the row, where a page returns to (`terug`) and what
    "Annuleren" swaps back in with htmx (`annuleren`)."""
    return {
        "netwerk": netwerk,
        "afspraak": afspraak,
        "vandaag": timezone.localdate(),
        "weergave": weergave,
        "terug": _terug(netwerk, afspraak, weergave),
        "annuleren": _rij_url(netwerk, afspraak, weergave),
    }


@require_GET
@regisseur_afspraak
def rij(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, afspraak: Afspraak
) -> HttpResponse:
    """One row as shown in the table: what "Annuleren" swaps back in."""
    ctx = _rij_ctx(netwerk, afspraak, _weergave(request))
    if not request.htmx:
        return redirect(ctx["terug"])
    return render(request, RIJ, ctx)


@require_http_methods(["GET", "POST"])
@regisseur_afspraak
def wijzigen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, afspraak: Afspraak
) -> HttpResponse:
    weergave = _weergave(request)
    ctx = _rij_ctx(netwerk, afspraak, weergave) | {
        "actie": reverse("afspraken:wijzigen", args=[netwerk.slug, afspraak.pk]),
    }
    form = AfspraakForm(
        formdata(request), instance=afspraak, netwerk=netwerk, prefix=f"a{afspraak.pk}"
    )
    return bewerken.wijzigen(
        request, AFSPRAAK, afspraak, form, ctx, vers=Afspraak.objects.van(netwerk)
    )


@require_http_methods(["GET", "POST"])
@regisseur_afspraak
def verwijderen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, afspraak: Afspraak
) -> HttpResponse:
    # Deleting is offered on the table only, so "Annuleren" goes back to the table's row.
    return bewerken.verwijderen(
        request,
        AFSPRAAK,
        afspraak,
        _rij_ctx(netwerk, afspraak, "tabel"),
        tabel=lambda: _tabel(netwerk, lid_),
        naar=reverse("afspraken:netwerk", args=[netwerk.slug]),
    )


@require_POST
@regisseur
def verplaatsen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, pk: int
) -> HttpResponse:
    """Move a row one place up or down (richting=op|neer)."""
    if not diensten.verplaats(netwerk, pk, omhoog=request.POST.get("richting") == "op"):
        raise Http404("Deze afspraak bestaat niet.")
    if not request.htmx:
        return _naar_tabel(netwerk, f"#afspraak-{pk}")
    template, ctx, vervang = _tabel(netwerk, lid_)
    return bewerken.toon(request, template, ctx, vervang=vervang)


@require_GET
@regisseur_afspraak
def geschiedenis(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, afspraak: Afspraak
) -> HttpResponse:
    """The agreement's history, newest first: who changed what, when, and why."""
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
    """Add a case type, or link one to phenomena: each case type has its own small form, which
    a POST names by its `soort` field (the add form has none)."""
    koppelen = request.method == "POST" and "soort" in request.POST
    form = SoortCasusForm(None if koppelen else formdata(request), netwerk=netwerk)
    if request.method == "POST" and not koppelen and diensten.voeg_soort_toe(form, netwerk):
        return redirect("afspraken:soorten", netwerk.slug)
    koppeling = SoortFenomenenForm(request.POST, netwerk=netwerk) if koppelen else None
    if koppeling is not None:
        soort = diensten.koppel_fenomenen(koppeling, netwerk)
        if soort is not None:
            return redirect(
                reverse("afspraken:soorten", args=[netwerk.slug]) + f"#soort-{soort.pk}"
            )
    lijst = list(SoortCasus.objects.filter(netwerk=netwerk).prefetch_related("fenomenen"))
    # The form that was sent back with errors replaces that case type's own form.
    fout_bij = koppeling.cleaned_data.get("soort") if koppeling is not None else None
    for soort in lijst:
        if fout_bij is not None and soort.pk == fout_bij.pk:
            koppeling.auto_id = f"soort-{soort.pk}-%s"
            soort.koppelform = koppeling
        else:
            soort.koppelform = SoortFenomenenForm(netwerk=netwerk, soort=soort)
    ctx = {
        "netwerk": netwerk,
        "form": form,
        "soorten": lijst,
        # A link form whose case type is not (or no longer) of this network: said at the top.
        "koppelfout": koppeling.errors.get("soort") if koppeling is not None else None,
    }
    return render(request, "afspraken/soorten.html", ctx)
