"""The network's contact list ("Wie bel ik?"): members read it (with tel: and mailto: links) and
print it as a Contactkaart; the regisseur adds, edits, removes and marks contacts as checked.

As on the agreements table, one view renders one template, and with htmx its partial
(`template#naam`); every link and form also works without JavaScript. Access is decided by
afspraken.toegang (anonymous: login; not a member of this network: 404; partner editing: 403).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from afspraken import bewerken
from afspraken.forms import als_getal
from afspraken.models import Lidmaatschap, Netwerk
from afspraken.toegang import lid, regisseur, regisseur_van
from afspraken.views.hulp import formdata
from contacten.forms import ContactForm
from contacten.models import Contact
from kern.pdf import naar_pdf, pdf_response
from kern.types import HtmxHttpRequest

RIJ = "contacten/_rij.html"
CONTACT = bewerken.Bewerking(
    "contact",
    "het",
    RIJ,
    "contacten/_velden.html",
    kolommen=8,
    nieuw_id="nieuw-contact-kop",
    samenvatting="contacten/_samenvatting.html",
)


def contact_van(netwerk: Netwerk, pk: int) -> Contact:
    """The contact, only within this network (another network's id is a 404)."""
    return get_object_or_404(Contact.objects.van(netwerk), pk=pk)


regisseur_contact = regisseur_van(contact_van)


def _lijst_ctx(netwerk: Netwerk, lid_: Lidmaatschap) -> dict:
    return {
        "netwerk": netwerk,
        "lid": lid_,
        "contacten": list(Contact.objects.van(netwerk).select_related("gewijzigd_door")),
        "vandaag": timezone.localdate(),
    }


def _lijst_url(netwerk: Netwerk, contact: Contact | None = None) -> str:
    url = reverse("contacten:lijst", args=[netwerk.slug])
    return f"{url}#contact-{contact.pk}" if contact else url


def _lijst(netwerk: Netwerk, lid_: Lidmaatschap) -> tuple[str, dict, str]:
    """The whole list section as an htmx partial, swapped over the section."""
    return "contacten/lijst.html#lijst", _lijst_ctx(netwerk, lid_), "#contacten-lijst"


def _rij_ctx(netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact) -> dict:
    """What a page needs around one contact: the row, where a page returns to (`terug`) and what
    "Annuleren" swaps back in with htmx (`annuleren`)."""
    return {
        "netwerk": netwerk,
        "lid": lid_,
        "contact": contact,
        "vandaag": timezone.localdate(),
        "terug": _lijst_url(netwerk, contact),
        "annuleren": reverse("contacten:rij", args=[netwerk.slug, contact.pk]),
        "hx_doel": CONTACT.doel(contact),
    }


# /afspraken/<netwerk>/contacten/


@require_GET
@vary_on_headers("HX-Request")
@lid
def lijst(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """Every member: the list with tel: and mailto: links. The regisseur also edits it."""
    template = "contacten/lijst.html"
    if request.htmx:
        template += "#lijst"
    return render(request, template, _lijst_ctx(netwerk, lid_))


@require_http_methods(["GET", "POST"])
@regisseur
def nieuw(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    form = ContactForm(formdata(request), instance=Contact(netwerk=netwerk), prefix="nieuw")
    ctx = {
        "netwerk": netwerk,
        "actie": reverse("contacten:nieuw", args=[netwerk.slug]),
        "terug": _lijst_url(netwerk),
        "tabel_doel": "#contacten-lijst",
    }
    return bewerken.toevoegen(
        request,
        CONTACT,
        form,
        ctx,
        voeg_toe=lambda form: Contact.objects.maak(form.save(commit=False), door=request.user),
        tabel=lambda: _lijst(netwerk, lid_),
    )


@require_GET
@regisseur_contact
def rij(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    """One contact as a row of the list: what "Annuleren" swaps back in."""
    ctx = _rij_ctx(netwerk, lid_, contact)
    if not request.htmx:
        return redirect(ctx["terug"])
    return render(request, RIJ, ctx)


@require_http_methods(["GET", "POST"])
@regisseur_contact
def wijzigen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    ctx = _rij_ctx(netwerk, lid_, contact) | {
        "actie": reverse("contacten:wijzigen", args=[netwerk.slug, contact.pk]),
    }
    form = ContactForm(formdata(request), instance=contact, prefix=f"c{contact.pk}")
    return bewerken.wijzigen(
        request, CONTACT, contact, form, ctx, vers=Contact.objects.van(netwerk)
    )


@require_http_methods(["GET", "POST"])
@regisseur_contact
def verwijderen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    return bewerken.verwijderen(
        request,
        CONTACT,
        contact,
        _rij_ctx(netwerk, lid_, contact),
        tabel=lambda: _lijst(netwerk, lid_),
        naar=_lijst_url(netwerk),
    )


@require_POST
@regisseur_contact
def gecontroleerd(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    """ "Gecontroleerd": today is the date last checked. Through the versioned save with the
    revisie the button was shown with, so it never marks a contact that changed meanwhile."""
    opgeslagen = Contact.objects.bewaar(
        contact,
        als_getal(request.POST.get("revisie")),
        door=request.user,
        gecontroleerd_op=timezone.localdate(),
    )
    if not request.htmx:
        return redirect(_lijst_url(netwerk, contact))
    # Refused: the row as it is now, with a word why nothing was marked.
    nu = opgeslagen or contact_van(netwerk, contact.pk)
    ctx = _rij_ctx(netwerk, lid_, nu) | {"niet_gecontroleerd": opgeslagen is None}
    return render(request, RIJ, ctx)


# /afspraken/<netwerk>/contacten/kaart/: the printable Contactkaart


@require_GET
@lid
def kaart(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    return render(request, "contacten/kaart.html", _lijst_ctx(netwerk, lid_))


def kaart_html(netwerk: Netwerk) -> str:
    """The Contactkaart as WeasyPrint reads it: the page's own content, with the print
    stylesheet linked (kern.pdf serves it)."""
    ctx = {
        "netwerk": netwerk,
        "contacten": list(Contact.objects.van(netwerk)),
        "vandaag": timezone.localdate(),
    }
    return render_to_string("contacten/kaart_pdf.html", ctx)


@require_GET
@lid
def kaart_pdf(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    return pdf_response(naar_pdf(kaart_html(netwerk)), f"contactkaart-{netwerk.slug}.pdf")
