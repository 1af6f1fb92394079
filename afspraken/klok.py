"""The reflection timer of a live session, kept on the server (Sessie.klok_gestart_op and
klok_resterend), so the facilitator screen, the beamer and the participants' phones show one end
time, and a paused timer survives a reload.

One setting drives it: `minuten_per_casus`. The reflection block lasts that many minutes for
each case of the participant who holds the most cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count
from django.utils import timezone

from afspraken.models import Sessie


def meeste_casussen(sessie: Sessie) -> int:
    """The most cases any participant of the session holds (at least 1)."""
    meeste = (
        sessie.deelnemers.annotate(n=Count("sessiecasussen"))
        .order_by("-n")
        .values_list("n", flat=True)
        .first()
    )
    return max(meeste or 0, 1)


@dataclass(frozen=True)
class Klok:
    totaal: int  # seconds in the whole block
    resterend: int  # seconds left now
    eind: datetime | None  # when it ends, while it runs
    loopt: bool
    gepauzeerd: bool

    @property
    def gestart(self) -> bool:
        return self.loopt or self.gepauzeerd

    @property
    def tekst(self) -> str:
        """ "12:05": what the timer shows now."""
        return f"{self.resterend // 60}:{self.resterend % 60:02d}"

    @property
    def eind_ms(self) -> int:
        """The end as milliseconds since the epoch, for the countdown script (0: not running)."""
        return int(self.eind.timestamp() * 1000) if self.eind else 0


def klok_van(sessie: Sessie, nu: datetime | None = None, *, casussen: int | None = None) -> Klok:
    """The timer's state now. `casussen`: the most cases per participant, if already known."""
    nu = nu or timezone.now()
    totaal = sessie.minuten_per_casus * 60 * (casussen or meeste_casussen(sessie))
    if sessie.klok_gestart_op is not None:
        over = sessie.klok_resterend if sessie.klok_resterend is not None else totaal
        eind = sessie.klok_gestart_op + timedelta(seconds=over)
        resterend = max(0, int((eind - nu).total_seconds()))
        return Klok(totaal, resterend, eind, loopt=True, gepauzeerd=False)
    if sessie.klok_resterend is not None:
        return Klok(totaal, sessie.klok_resterend, None, loopt=False, gepauzeerd=True)
    return Klok(totaal, totaal, None, loopt=False, gepauzeerd=False)
