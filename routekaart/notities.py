"""What a walker wrote at each step: kept in their session only, never in a URL, a table or a log.

Per step (session key `route:<slug>`):
- `antwoorden`: the short answers to the step's guiding questions, by question index
  ({"0": "…"}; JSON keys are strings). A question with an answer counts as done.
- `notitie`: the step's free-text note.
- `acties` (step 5): the chosen actions, by action slug, each {"wie": …, "wanneer": …}.
- `evaluatiemoment` (Evalueren): an optional ISO date for the report.

Each step has its own key, so that saving one step changes only that key; the session store
(`kern.session_store`) writes back only the keys a request changed, so two tabs or a double
tap lose nothing. Reading never writes.

The walk ends two hours after the walker's last request: the session's own expiry. A POST
renews it by saving; while the walker only reads (back, forward, the report), `ingevuld` renews it
at most once every few minutes, by saving one timestamp key.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

VOORVOEGSEL = "route:"
GEZIEN = "route-gezien"  # when the walk was last renewed (seconds since the epoch)
VERNIEUW_NA = 5 * 60


@dataclass(frozen=True)
class Ingevuld:
    """What the walker wrote at one step."""

    antwoorden: Mapping[int, str] = field(default_factory=dict)
    notitie: str = ""
    acties: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    evaluatiemoment: datetime.date | None = None

    def __bool__(self) -> bool:
        return bool(self.antwoorden or self.notitie or self.acties or self.evaluatiemoment)


def _sleutel(slug: str) -> str:
    return VOORVOEGSEL + slug


def _lees(waarde: Mapping[str, Any]) -> Ingevuld:
    moment = waarde.get("evaluatiemoment")
    return Ingevuld(
        antwoorden={int(i): tekst for i, tekst in waarde.get("antwoorden", {}).items()},
        notitie=waarde.get("notitie", ""),
        acties={slug: dict(keuze) for slug, keuze in waarde.get("acties", {}).items()},
        evaluatiemoment=datetime.date.fromisoformat(moment) if moment else None,
    )


def ingevuld(request, slug: str) -> Ingevuld:
    """What was written at this step."""
    _houd_levend(request)
    return _lees(request.session.get(_sleutel(slug), {}))


def bewaar(request, slug: str, ingevuld: Ingevuld) -> None:
    """Keep (only) in the session what was written at this step, and nothing else."""
    if ingevuld:
        waarde: dict[str, Any] = {}
        antwoorden = {str(i): t for i, t in sorted(ingevuld.antwoorden.items()) if t}
        if antwoorden:
            waarde["antwoorden"] = antwoorden
        if ingevuld.notitie:
            waarde["notitie"] = ingevuld.notitie
        if ingevuld.acties:
            waarde["acties"] = {slug: dict(k) for slug, k in ingevuld.acties.items()}
        if ingevuld.evaluatiemoment:
            waarde["evaluatiemoment"] = ingevuld.evaluatiemoment.isoformat()
        request.session[_sleutel(slug)] = waarde
    else:
        request.session.pop(_sleutel(slug), None)
    request.session[GEZIEN] = int(time.time())


def wis(request) -> None:
    """ "Opnieuw beginnen": forget every answer, note and chosen action, keep the rest of the
    session (a login)."""
    for sleutel in list(request.session.keys()):
        if sleutel.startswith(VOORVOEGSEL) or sleutel == GEZIEN:
            del request.session[sleutel]


def van_sessie(session: Mapping[str, Any]) -> dict[str, Ingevuld]:
    """Every step's writing in a session, by step slug (for tests and the privacy page's
    promise that nothing else is kept)."""
    return {
        sleutel.removeprefix(VOORVOEGSEL): _lees(waarde)
        for sleutel, waarde in session.items()
        if sleutel.startswith(VOORVOEGSEL)
    }


def _houd_levend(request) -> None:
    """Renew the walk's two hours when the walker is still reading it: a write of its own key
    (never of what this request read), at most every VERNIEUW_NA seconds."""
    gezien = request.session.get(GEZIEN)
    if gezien is not None and time.time() - gezien > VERNIEUW_NA:
        request.session[GEZIEN] = int(time.time())
