"""What a walker ticked and wrote at each step: kept in their session only, never in a URL.

Each step has its own session key (`route:<slug>`), so that saving one step changes only that
key; the session store (`routekaart.session_store`) writes back only the keys a request changed,
so two tabs or a double tap lose nothing. Reading never writes.

The walk ends two hours after the walker's last request: the session's own expiry. A POST
renews it by saving; while the walker only reads (back, forward, the report), `ingevuld` renews it
at most once every few minutes, by saving one timestamp key.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

VOORVOEGSEL = "route:"
GEZIEN = "route-gezien"  # when the walk was last renewed (seconds since the epoch)
VERNIEUW_NA = 5 * 60


def _sleutel(slug: str) -> str:
    return VOORVOEGSEL + slug


def ingevuld(request, slug: str) -> dict[str, Any]:
    """What was ticked and noted at this step: {"vragen": [index, …], "notitie": "…"}."""
    _houd_levend(request)
    stap = request.session.get(_sleutel(slug), {})
    return {"vragen": list(stap.get("vragen", [])), "notitie": stap.get("notitie", "")}


def bewaar(request, slug: str, vragen: Iterable[int], notitie: str) -> None:
    """Keep (only) in the session what was ticked and noted at this step, and nothing else."""
    vragen = sorted(set(vragen))
    if vragen or notitie:
        request.session[_sleutel(slug)] = {"vragen": vragen, "notitie": notitie}
    else:
        request.session.pop(_sleutel(slug), None)
    request.session[GEZIEN] = int(time.time())


def wis(request) -> None:
    """ "Opnieuw beginnen": forget every tick and note, keep the rest of the session (a login)."""
    for sleutel in list(request.session.keys()):
        if sleutel.startswith(VOORVOEGSEL) or sleutel == GEZIEN:
            del request.session[sleutel]


def van_sessie(session: Mapping[str, Any]) -> dict[str, dict]:
    """Every step's ticks and note in a session, by step slug (for tests and the privacy page's
    promise that nothing else is kept)."""
    return {
        sleutel.removeprefix(VOORVOEGSEL): waarde
        for sleutel, waarde in session.items()
        if sleutel.startswith(VOORVOEGSEL)
    }


def _houd_levend(request) -> None:
    """Renew the walk's two hours when the walker is still reading it: a write of its own key
    (never of what this request read), at most every VERNIEUW_NA seconds."""
    gezien = request.session.get(GEZIEN)
    if gezien is not None and time.time() - gezien > VERNIEUW_NA:
        request.session[GEZIEN] = int(time.time())
