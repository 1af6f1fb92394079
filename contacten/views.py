"""The network's contact list ("Wie bel ik?"): members read it (with tel: and mailto: links) and
print it as a Contactkaart; the regisseur adds, edits, removes and marks contacts as checked.

As on the agreements table, one view renders one template, and with htmx its partial
(`template#naam`); every link and form also works without JavaScript. Access is decided by
afspraken.toegang (anonymous: login; not a member of this network: 404; partner editing: 403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import reswap, retarget

from afspraken.forms import als_getal, conflictformulier
from afspraken.models import Lidmaatschap, Netwerk
from afspraken.toegang import lid, regisseur
from contacten.forms import ContactForm
from contacten.models import Contact
from kern.pdf import naar_pdf, pdf_antwoord
from kern.types import HtmxHttpRequest

RIJ = "contacten/_rij.html"
PDF_CSS = settings.BASE_DIR / "static" / "css" / "afspraken-pdf.css"


def _regisseur_contact(view: Callable) -> Callable:
    """A regisseur's view of one contact: `regisseur` decides access first (so a stranger never
    learns whether the id exists), then the URL's `pk` is found within the network (another
    network's contact is a 404). Called as view(request, netwerk, lid, contact)."""

    @wraps(view)
    def met_contact(request, netwerk: Netwerk, lid_, pk: int) -> HttpResponse:
        contact = get_object_or_404(Contact.objects.van(netwerk), pk=pk)
        return view(request, netwerk, lid_, contact)

    return regisseur(met_contact)


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


def _lijst(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    """The whole list section as an htmx partial, swapped over the section."""
    response = render(request, "contacten/lijst.html#lijst", _lijst_ctx(netwerk, lid_))
    return reswap(retarget(response, "#contacten-lijst"), "outerHTML")


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
    form = ContactForm(
        request.POST if request.method == "POST" else None,
        instance=Contact(netwerk=netwerk),
        prefix="nieuw",
    )
    if request.method == "POST" and form.is_valid():
        contact = Contact.objects.maak(form.save(commit=False), door=request.user)
        if request.htmx:
            return _lijst(request, netwerk, lid_)
        return redirect(_lijst_url(netwerk, contact))
    template = "contacten/nieuw.html"
    if request.htmx:
        template += "#formulier"
    return render(request, template, {"netwerk": netwerk, "form": form, "inline": request.htmx})


@require_GET
@_regisseur_contact
def rij(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    """One contact as a row of the list: what "Annuleren" swaps back in."""
    if not request.htmx:
        return redirect(_lijst_url(netwerk, contact))
    ctx = {"netwerk": netwerk, "lid": lid_, "contact": contact, "vandaag": timezone.localdate()}
    return render(request, RIJ, ctx)


@require_http_methods(["GET", "POST"])
@_regisseur_contact
def wijzigen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    form = ContactForm(
        request.POST if request.method == "POST" else None,
        instance=contact,
        prefix=f"c{contact.pk}",
    )
    ctx = {
        "netwerk": netwerk,
        "lid": lid_,
        "contact": contact,
        "form": form,
        "inline": request.htmx,
        "terug": _lijst_url(netwerk, contact),
        "annuleren": reverse("contacten:rij", args=[netwerk.slug, contact.pk]),
        "hx_doel": f"#contact-{contact.pk}",
    }
    template = "contacten/wijzigen.html"
    if request.method == "POST" and form.is_valid():
        opgeslagen = Contact.objects.bewaar(
            contact, form.cleaned_data["revisie"], door=request.user, **form.waarden()
        )
        if opgeslagen is not None:
            if request.htmx:
                ctx.update(contact=opgeslagen, vandaag=timezone.localdate())
                return render(request, RIJ, ctx)
            return redirect(ctx["terug"])
        # Conflict: show what is saved now next to what this user typed.
        actueel = get_object_or_404(Contact.objects.van(netwerk), pk=contact.pk)
        ctx.update(
            contact=actueel,
            form=conflictformulier(form, actueel),
            conflict=True,
        )
        if request.htmx:
            # 200, not 409: htmx swaps only successful responses.
            return render(request, template + "#bewerkrij", ctx)
        return render(request, template, ctx, status=409)
    if request.htmx:
        template += "#bewerkrij"
    return render(request, template, ctx)


@require_http_methods(["GET", "POST"])
@_regisseur_contact
def verwijderen(
    request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, contact: Contact
) -> HttpResponse:
    if request.method == "POST":
        contact.delete()
        if request.htmx:
            return _lijst(request, netwerk, lid_)
        return redirect(_lijst_url(netwerk))
    template = "contacten/verwijderen.html"
    if request.htmx:
        template += "#bevestigrij"
    ctx = {
        "netwerk": netwerk,
        "contact": contact,
        "inline": request.htmx,
        "terug": _lijst_url(netwerk, contact),
        "annuleren": reverse("contacten:rij", args=[netwerk.slug, contact.pk]),
        "hx_doel": f"#contact-{contact.pk}",
    }
    return render(request, template, ctx)


@require_POST
@_regisseur_contact
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
    ctx = {
        "netwerk": netwerk,
        "lid": lid_,
        "contact": opgeslagen or contact,
        "vandaag": timezone.localdate(),
        "niet_gecontroleerd": opgeslagen is None,
    }
    if request.htmx:
        if opgeslagen is None:
            ctx["contact"] = get_object_or_404(Contact.objects.van(netwerk), pk=contact.pk)
        return render(request, RIJ, ctx)
    return redirect(_lijst_url(netwerk, contact))


# /afspraken/<netwerk>/contacten/kaart/: the printable Contactkaart


@require_GET
@lid
def kaart(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    return render(request, "contacten/kaart.html", _lijst_ctx(netwerk, lid_))


def kaart_html(netwerk: Netwerk) -> str:
    """The Contactkaart as WeasyPrint reads it: the page's own content, print stylesheet."""
    ctx = {
        "netwerk": netwerk,
        "contacten": list(Contact.objects.van(netwerk)),
        "vandaag": timezone.localdate(),
        "stylesheet": PDF_CSS.read_text(encoding="utf-8"),
    }
    return render_to_string("contacten/kaart_pdf.html", ctx)


@require_GET
@lid
def kaart_pdf(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap) -> HttpResponse:
    return pdf_antwoord(naar_pdf(kaart_html(netwerk)), f"contactkaart-{netwerk.slug}.pdf")
