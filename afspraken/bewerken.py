"""Adding and editing a versioned row (kern.bewerkbaar) on a regisseur's table: the one flow for
the agreements table (afspraken.views.tabel) and the contact list (contacten.views).

With htmx the add form and the edit form take the place of what was clicked, and the answer is
the partial that goes back in; without JavaScript they are pages, and a save redirects. Each
view builds its context and these helpers render it once: `afspraken/nieuw.html` and
`afspraken/wijzigen.html` (with its `#bewerkrij`), whose conflict part
(`afspraken/_conflict.html`) shows the saved row beside what this user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django_htmx.http import reswap, retarget

from afspraken.forms import RevisieForm, conflictformulier
from kern.types import HtmxHttpRequest

NIEUW = "afspraken/nieuw.html"
WIJZIGEN = "afspraken/wijzigen.html"
VERWIJDEREN = "afspraken/verwijderen.html"


@dataclass(frozen=True)
class Bewerking:
    """What the shared templates say and include for one kind of row: its name (in the context,
    in its element id #<naam>-<pk> and in the Dutch texts, with its article `lidwoord`), its row
    template, its form's fields, the columns of its table (a form in place of a row spans them)
    and the add form's heading id."""

    naam: str
    lidwoord: str  # "de" or "het"
    rij: str
    velden: str
    kolommen: int
    nieuw_id: str
    samenvatting: str  # which row "Verwijderen" removes, and what stays of it

    @property
    def wat(self) -> str:
        """ "Afspraak": "Afspraak wijzigen", "Afspraak toevoegen"."""
        return capfirst(self.naam)

    @property
    def de(self) -> str:
        """ "Niet opgeslagen: de afspraak is intussen gewijzigd"."""
        return f"{self.lidwoord} {self.naam}"

    @property
    def deze(self) -> str:
        """ "… heeft dit contact opgeslagen op …"."""
        return f"{'dit' if self.lidwoord == 'het' else 'deze'} {self.naam}"

    @property
    def nieuw(self) -> str:
        """The add form's heading: "Nieuwe afspraak", "Nieuw contact"."""
        return f"{'Nieuw' if self.lidwoord == 'het' else 'Nieuwe'} {self.naam}"

    def doel(self, rij) -> str:
        """The row's element, which htmx swaps."""
        return f"#{self.naam}-{rij.pk}"


def toon(
    request: HtmxHttpRequest,
    template: str,
    ctx: dict,
    *,
    status: int = 200,
    vervang: str | None = None,
) -> HttpResponse:
    """Render `template` once; `vervang`: the element the answer replaces whole instead of the
    request's own target (htmx: the table, after a row was added or removed)."""
    response = render(request, template, ctx, status=status)
    return reswap(retarget(response, vervang), "outerHTML") if vervang else response


def toevoegen(
    request: HtmxHttpRequest,
    bewerking: Bewerking,
    form: RevisieForm,
    ctx: dict,
    *,
    voeg_toe: Callable[[RevisieForm], object],
    tabel: Callable[[], tuple[str, dict, str]],
) -> HttpResponse:
    """GET: the add form (htmx: the form alone). POST: a valid form is added by `voeg_toe`;
    then htmx gets the whole table (`tabel()`: its template#partial, context and element) and a
    page goes back to the table (ctx["terug"]) at the new row. An invalid form comes back with
    its errors. `ctx` holds the page's names: netwerk, actie (the form's URL), terug and
    tabel_doel (what "Annuleren" shows again with htmx)."""
    template, vervang = NIEUW + ("#formulier" if request.htmx else ""), None
    ctx |= {"form": form, "bewerking": bewerking, "inline": request.htmx}
    if request.method == "POST" and form.is_valid():
        rij = voeg_toe(form)
        if not request.htmx:
            return redirect(ctx["terug"] + bewerking.doel(rij))
        template, ctx, vervang = tabel()
    return toon(request, template, ctx, vervang=vervang)


def wijzigen(
    request: HtmxHttpRequest,
    bewerking: Bewerking,
    rij,
    form: RevisieForm,
    ctx: dict,
    *,
    vers: QuerySet,
) -> HttpResponse:
    """GET: the edit form (htmx: a table row holding it, in place of the row). POST: a valid
    form is saved through `objects.bewaar` at the revisie it was loaded with; then htmx gets
    the row and a page goes back (ctx["terug"]). When someone else saved first, the form comes
    back beside the row as saved now (read from `vers`), keeping what was typed at the current
    revisie: 409 for a page, 200 for htmx (it swaps only successful answers). `ctx` holds the
    page's names: netwerk, actie (the form's URL), terug and annuleren (the row, for htmx)."""
    template, status = WIJZIGEN + ("#bewerkrij" if request.htmx else ""), 200
    ctx |= {
        bewerking.naam: rij,
        "rij": rij,
        "form": form,
        "bewerking": bewerking,
        "inline": request.htmx,
        "hx_doel": bewerking.doel(rij),
    }
    if request.method == "POST" and form.is_valid():
        opgeslagen = type(rij).objects.bewaar(
            rij, form.cleaned_data["revisie"], door=request.user, **form.waarden()
        )
        if opgeslagen is not None and not request.htmx:
            return redirect(ctx["terug"])
        if opgeslagen is not None:
            template = bewerking.rij
            ctx |= {bewerking.naam: opgeslagen, "vandaag": timezone.localdate()}
        else:
            actueel = get_object_or_404(vers, pk=rij.pk)
            ctx |= {
                bewerking.naam: actueel,
                "rij": actueel,
                "vergelijking": form.vergelijking(actueel),
                "form": conflictformulier(form, actueel),
                "conflict": True,
            }
            status = 200 if request.htmx else 409
    return toon(request, template, ctx, status=status)


def verwijderen(
    request: HtmxHttpRequest,
    bewerking: Bewerking,
    rij,
    ctx: dict,
    *,
    tabel: Callable[[], tuple[str, dict, str]],
    naar: str,
) -> HttpResponse:
    """GET: the question (`afspraken/verwijderen.html`; htmx: its `#bevestigrij`, in place of the
    row). POST: the
    row is removed (its history keeps it, naming who removed it); then htmx gets the whole
    table (`tabel()`, as in `toevoegen`) and a page goes to `naar`. `ctx` holds the page's
    names: netwerk, terug and annuleren (the row, for htmx)."""
    template, vervang = VERWIJDEREN, None
    if request.method == "POST":
        rij.delete()
        if not request.htmx:
            return redirect(naar)
        template, ctx, vervang = tabel()
    else:
        ctx |= {
            bewerking.naam: rij,
            "rij": rij,
            "bewerking": bewerking,
            "inline": request.htmx,
            "actie": request.path,
            "hx_doel": bewerking.doel(rij),
        }
        if request.htmx:
            template += "#bevestigrij"
    return toon(request, template, ctx, vervang=vervang)
