"""What several views of the OOV area do to agreements, in one place: adding a row at the end of
the table, moving and publishing under the network's lock, closing a session and applying an
evaluation's conclusion.

Every change of an existing agreement goes through `Afspraak.objects.bewaar` (the versioned
compare-and-update); what changes several rows first locks the network row, so two such writers
of one network run one after the other. The views only turn requests into these calls and the
results into responses.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Max

from afspraken.forms import SoortCasusForm, SoortFenomenenForm
from afspraken.models import (
    Afspraak,
    Evaluatie,
    Netwerk,
    Publicatie,
    Sessie,
    SoortCasus,
    half_jaar_na,
)


class GeenVastgesteldeAfspraken(Exception):
    """Publishing needs at least one vastgestelde agreement."""


def _sluit(netwerk: Netwerk) -> None:
    """Lock the network row until the end of the transaction (PostgreSQL; SQLite's IMMEDIATE
    transactions already write one at a time). NO KEY: rows that merely point at the network,
    such as a new evaluation, can still be inserted meanwhile."""
    no_key = connection.features.has_select_for_no_key_update
    Netwerk.objects.select_for_update(no_key=no_key).get(pk=netwerk.pk)


def voeg_toe(afspraak: Afspraak, netwerk: Netwerk, *, door, reden: str = "") -> Afspraak:
    """Save a new agreement as the last row of the network's table. The position is taken under
    the network's lock, so rows added at the same moment get distinct positions."""
    with transaction.atomic():
        _sluit(netwerk)
        laatste = Afspraak.objects.filter(netwerk=netwerk).aggregate(m=Max("volgorde"))["m"]
        afspraak.netwerk = netwerk
        afspraak.volgorde = (laatste or 0) + 1
        return Afspraak.objects.maak(afspraak, door=door, reden=reden)


def voeg_soort_toe(form: SoortCasusForm, netwerk: Netwerk) -> SoortCasus | None:
    """Add the form's case type to the network, checking under the network's lock that its name
    is still free (two regisseurs adding "Wapens" at once: one gets it, the other a form error,
    never a unique-constraint 500). None when the form is not valid."""
    with transaction.atomic():
        _sluit(netwerk)
        if not form.is_valid():
            return None
        soort = form.save(commit=False)
        soort.netwerk = netwerk
        soort.save()
    return soort


def koppel_fenomenen(form: SoortFenomenenForm, netwerk: Netwerk) -> SoortCasus | None:
    """Link the form's case type to exactly the form's phenomena, under the network's lock (the
    case type is checked to be of this network while it is held). None when the form is not
    valid. Links are not content of the table: no new revisie; a published version keeps the
    links it was published with."""
    with transaction.atomic():
        _sluit(netwerk)
        if not form.is_valid():
            return None
        soort = form.cleaned_data["soort"]
        soort.fenomenen.set(form.cleaned_data["fenomenen"])
    return soort


def verplaats(netwerk: Netwerk, pk: int, *, omhoog: bool) -> bool:
    """Move a row one place up or down and number the table 1..n again. Order is not content:
    no new revisie, no history record. False when the row is not in this network."""
    with transaction.atomic():
        _sluit(netwerk)
        rijen = sorted(
            _vergrendeld(Afspraak.objects.filter(netwerk=netwerk)),
            key=lambda a: (a.volgorde, a.pk),
        )
        index = next((i for i, a in enumerate(rijen) if a.pk == pk), None)
        if index is None:
            return False
        doel = index - 1 if omhoog else index + 1
        if 0 <= doel < len(rijen):
            rijen[index], rijen[doel] = rijen[doel], rijen[index]
        for volgorde, afspraak in enumerate(rijen, start=1):
            if afspraak.volgorde != volgorde:
                Afspraak.objects.filter(pk=afspraak.pk).update(volgorde=volgorde)
    return True


def publiceer(netwerk: Netwerk, *, door, notitie: str) -> Publicatie:
    """Freeze the vastgestelde rows as the next numbered version; two publishers at once get
    consecutive numbers (and each freezes the rows as they are under the lock)."""
    with transaction.atomic():
        _sluit(netwerk)
        vastgesteld = list(
            Afspraak.objects.van(netwerk).vastgesteld().prefetch_related("soort__fenomenen")
        )
        if not vastgesteld:
            raise GeenVastgesteldeAfspraken
        laatste = Publicatie.objects.filter(netwerk=netwerk).aggregate(m=Max("nummer"))["m"]
        return Publicatie.objects.create(
            netwerk=netwerk,
            nummer=(laatste or 0) + 1,
            door=door,
            notitie=notitie,
            rijen=[a.als_rij() for a in vastgesteld],
        )


def _vergrendeld(rijen) -> list[Afspraak]:
    """These rows, locked and read afresh (in pk order, so two lockers never wait on each other
    the wrong way round)."""
    return list(rijen.select_for_update().order_by("pk"))


def rond_af(sessie: Sessie, *, door) -> None:
    """Close the session: its agreements become vastgesteld, and those without an evaluation
    date get one half a year after the session. Each changed row gets a new revisie, so an edit
    form still open elsewhere is then refused, not silently overwritten."""
    reden = f"Sessie van {sessie} afgerond"
    with transaction.atomic():
        _sluit(sessie.netwerk)
        for a in _vergrendeld(Afspraak.objects.filter(netwerk=sessie.netwerk, sessie=sessie)):
            if a.status == Afspraak.Status.VASTGESTELD and a.evaluatiedatum:
                continue
            Afspraak.objects.bewaar(
                a,
                a.revisie,
                door=door,
                reden=reden,
                status=Afspraak.Status.VASTGESTELD,
                evaluatiedatum=a.evaluatiedatum or half_jaar_na(sessie.datum),
            )
        sessie.status = Sessie.Status.AFGEROND
        sessie.save(update_fields=["status", "gewijzigd_op"])


def pas_conclusie_toe(evaluatie: Evaluatie, *, door) -> None:
    """What the conclusion does to the agreements it is about, field by field (a concurrent
    edit of their text stays):
    - blijft: the agreement is due again half a year after the evaluation;
    - vervalt: it goes back to concept, so the next published version leaves it out, and it is
      no longer due (the evaluation page then offers to delete it);
    - aanpassen: nothing yet, the regisseur edits it beside the evaluation."""
    if evaluatie.conclusie == Evaluatie.Conclusie.BLIJFT:
        velden = {"evaluatiedatum": half_jaar_na(evaluatie.datum)}
        reden = f"{evaluatie}: afspraak blijft"
    elif evaluatie.conclusie == Evaluatie.Conclusie.VERVALT:
        velden = {"status": Afspraak.Status.CONCEPT, "evaluatiedatum": None}
        reden = f"{evaluatie}: afspraak vervalt"
    else:
        return
    with transaction.atomic():
        for a in _vergrendeld(evaluatie.afspraken.filter(netwerk=evaluatie.netwerk)):
            Afspraak.objects.bewaar(a, a.revisie, door=door, reden=reden, **velden)
