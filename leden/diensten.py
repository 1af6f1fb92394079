"""Changing a network's members: the one place that keeps every network with a regisseur.

Both changes are a read-modify-write (count the regisseurs, then change one), so each runs in a
transaction that first locks the network's row (`select_for_update`): two regisseurs removing
each other at once are served one after the other, and the second finds that only one
regisseur is left. (SQLite has no row locks; there every write transaction takes the database's
write lock at BEGIN, which serializes them just the same.)
"""

from __future__ import annotations

from django.db import transaction

from afspraken.models import Lidmaatschap, Lidrol, Netwerk

LAATSTE_REGISSEUR = (
    "{naam} is de laatste regisseur van {netwerk}. Maak eerst iemand anders regisseur; "
    "een netwerk heeft altijd een regisseur nodig."
)


class LaatsteRegisseur(Exception):
    """Refused: the change would leave the network without a regisseur (Dutch message)."""


class LidVerdwenen(Exception):
    """The membership was removed meanwhile."""


def naam_van(user) -> str:
    """How a member is named on the pages and in mails: their name, else their username."""
    return user.get_full_name() or user.get_username()


def _vergrendeld(netwerk: Netwerk, pk: int) -> Lidmaatschap:
    """Lock the network, then read the membership (inside the caller's transaction)."""
    Netwerk.objects.select_for_update().filter(pk=netwerk.pk).first()
    lid = Lidmaatschap.objects.select_related("user").filter(netwerk=netwerk, pk=pk).first()
    if lid is None:
        raise LidVerdwenen
    return lid


def _weiger_als_laatste(lid: Lidmaatschap) -> None:
    if not lid.is_regisseur:
        return
    anderen = (
        Lidmaatschap.objects.filter(netwerk_id=lid.netwerk_id, rol=Lidrol.REGISSEUR)
        .exclude(pk=lid.pk)
        .exists()
    )
    if not anderen:
        raise LaatsteRegisseur(
            LAATSTE_REGISSEUR.format(naam=naam_van(lid.user), netwerk=lid.netwerk.naam)
        )


def wijzig_rol(netwerk: Netwerk, pk: int, rol: str) -> Lidmaatschap:
    """Give member `pk` of `netwerk` the role `rol`; the last regisseur cannot become partner."""
    with transaction.atomic():
        lid = _vergrendeld(netwerk, pk)
        if rol != Lidrol.REGISSEUR:
            _weiger_als_laatste(lid)
        lid.rol = rol
        lid.save(update_fields=["rol"])
    return lid


def verwijder(netwerk: Netwerk, pk: int) -> Lidmaatschap:
    """Remove member `pk` from `netwerk` (the account stays); never the last regisseur."""
    with transaction.atomic():
        lid = _vergrendeld(netwerk, pk)
        _weiger_als_laatste(lid)
        lid.delete()
    return lid
