"""Publishing the table as a numbered version, the published versions, their PDF, and the
signed download link for partners without an account."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afspraken import diensten
from afspraken.forms import PublicerenForm
from afspraken.models import Afspraak, Lidmaatschap, Netwerk, Publicatie
from afspraken.pdf import pdf_van
from afspraken.toegang import geweigerd, lid, regisseur
from afspraken.verschil import met_woordverschil
from afspraken.views.hulp import formdata
from kern.pdf import pdf_response
from kern.types import HtmxHttpRequest

LINK_SALT = "afspraken.pdf-link"


def _link_max_leeftijd() -> timedelta:
    return timedelta(days=getattr(settings, "AFSPRAKEN_LINK_DAGEN", 30))


PUBLICATIE = "afspraken/publicatie.html"


def publicatie_ctx(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, publicatie: Publicatie | None
) -> dict:
    """What PUBLICATIE needs: a published version as members read it (also the partner's start
    page)."""
    return {
        "netwerk": netwerk,
        "lid": lid_,
        "publicatie": publicatie,
        "wijzigingen": met_woordverschil(publicatie.wijzigingen()) if publicatie else None,
        "laatste": Publicatie.objects.filter(netwerk=netwerk).zonder_pdf().first(),
        "link": request.session.pop("afspraken-link", None),
    }


# /afspraken/<netwerk>/publiceren/


@require_http_methods(["GET", "POST"])
@regisseur
def publiceren(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """Freeze the vastgestelde rows as the next version."""
    form = PublicerenForm(formdata(request))
    if request.method == "POST" and form.is_valid():
        try:
            publicatie = diensten.publiceer(
                netwerk, door=request.user, notitie=form.cleaned_data["notitie"]
            )
        except diensten.GeenVastgesteldeAfspraken:
            form.add_error(None, "Er zijn nog geen vastgestelde afspraken om te publiceren.")
        else:
            return redirect("afspraken:versie", netwerk.slug, publicatie.nummer)
    vastgesteld = list(Afspraak.objects.van(netwerk).vastgesteld())
    ctx = {"netwerk": netwerk, "form": form, "vastgesteld": vastgesteld}
    return render(request, "afspraken/publiceren.html", ctx)


# /afspraken/<netwerk>/versies/


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


@require_GET
@lid
def versie(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, nummer: int
) -> HttpResponse:
    publicatie = get_object_or_404(
        Publicatie.objects.zonder_pdf().select_related("door"), netwerk=netwerk, nummer=nummer
    )
    return render(request, PUBLICATIE, publicatie_ctx(request, netwerk, lid_, publicatie))


def _pdf_response(publicatie: Publicatie) -> HttpResponse:
    naam = f"afspraken-{publicatie.netwerk.slug}-versie-{publicatie.nummer}.pdf"
    return pdf_response(pdf_van(publicatie), naam)


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
