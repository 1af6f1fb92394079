"""The seam between the route walk and the agreements: what a logged-in member sees on the route.

The route calls only these functions; the afspraken app decides what they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from afspraken.models import ALGEMEEN, Netwerk, Publicatie


@dataclass(frozen=True)
class RouteAfspraak:
    """One published agreement, as the route shows it."""

    netwerk: str
    soort: str
    tekst: str
    wie: str


@dataclass(frozen=True)
class SoortGroep:
    """The agreements of one case type (of one network), for "Weet ik nog niet"."""

    netwerk: str
    soort: str
    afspraken: tuple[RouteAfspraak, ...]


def _fenomenen(rij: dict) -> list[str]:
    """The phenomena a published row is linked to. A row published before case types had
    links has only its case type's own phenomenon (`fenomeen`, "" for none)."""
    if "fenomenen" in rij:
        return list(rij["fenomenen"])
    return [rij["fenomeen"]] if rij.get("fenomeen") else []


def afspraken_voor_route(user: Any, fenomeen: str) -> list[RouteAfspraak]:
    """The published agreements of the user's network(s) for the chosen phenomenon (slug): the
    rows whose case type is linked to it, plus those of soort "Algemeen". With "" (not chosen
    or "Weet ik nog niet") every row, since any of them may apply; `per_soort` groups them.
    Anonymous: [].

    Per network in name order, rows in the table's order. Only the latest published version of
    each network counts: concepts and older versions are not what the partners agreed on now,
    and a row's links are those its case type had when that version was published."""
    if user is None or not user.is_authenticated:
        return []
    netwerken = Netwerk.objects.van(user)
    resultaat = []
    publicaties = sorted(
        Publicatie.objects.laatste_per_netwerk(netwerken), key=lambda p: p.netwerk.naam
    )
    for publicatie in publicaties:
        for rij in publicatie.rijen:
            past = not fenomeen or fenomeen in _fenomenen(rij)
            if past or rij.get("soort") == ALGEMEEN:
                resultaat.append(
                    RouteAfspraak(
                        netwerk=publicatie.netwerk.naam,
                        soort=rij["soort"],
                        tekst=rij["tekst"],
                        wie=rij["wie"],
                    )
                )
    return resultaat


def per_soort(afspraken: list[RouteAfspraak]) -> list[SoortGroep]:
    """These agreements grouped by (network, case type), each group where its first row is, and
    "Algemeen" of a network after its other groups."""
    groepen: dict[tuple[str, str], list[RouteAfspraak]] = {}
    for afspraak in afspraken:
        groepen.setdefault((afspraak.netwerk, afspraak.soort), []).append(afspraak)
    volgorde = {netwerk: i for i, (netwerk, _) in reversed(list(enumerate(groepen)))}
    sleutels = sorted(groepen, key=lambda k: (volgorde[k[0]], k[1] == ALGEMEEN))
    return [SoortGroep(netwerk=n, soort=s, afspraken=tuple(groepen[n, s])) for n, s in sleutels]
