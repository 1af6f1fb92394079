"""The seam between the route walk and the agreements: what a logged-in member sees at step 3.

The route calls only this function; the afspraken app decides what it returns.
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


def afspraken_voor_route(user: Any, fenomeen: str) -> list[RouteAfspraak]:
    """The published agreements of the user's network(s) whose soort casus matches the chosen
    phenomenon (slug, or "" when unknown), plus those of soort "Algemeen". Anonymous: [].

    Only the latest published version of each network counts: concepts and older versions are
    not what the partners agreed on now."""
    if user is None or not user.is_authenticated:
        return []
    netwerken = Netwerk.objects.van(user)
    resultaat = []
    publicaties = sorted(
        Publicatie.objects.laatste_per_netwerk(netwerken), key=lambda p: p.netwerk.naam
    )
    for publicatie in publicaties:
        for rij in publicatie.rijen:
            past = fenomeen and rij.get("fenomeen") == fenomeen
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
