"""What a walker ticked and wrote at each step: kept in their session only, never in a URL.

(Being made safe under concurrent requests: see issue "One clear shape for the code".)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SESSIE = "route"


def ingevuld(request, slug: str) -> dict[str, Any]:
    """What was ticked and noted at this step: {"vragen": [index, …], "notitie": "…"}."""
    stap = request.session.get(SESSIE, {}).get(slug, {})
    return {"vragen": list(stap.get("vragen", [])), "notitie": stap.get("notitie", "")}


def bewaar(request, slug: str, vragen: Iterable[int], notitie: str) -> None:
    """Keep (only) in the session what was ticked and noted at this step."""
    alles = dict(request.session.get(SESSIE, {}))
    vragen = sorted(set(vragen))
    if vragen or notitie:
        alles[slug] = {"vragen": vragen, "notitie": notitie}
    else:
        alles.pop(slug, None)
    request.session[SESSIE] = alles


def wis(request) -> None:
    """ "Opnieuw beginnen": forget every tick and note, keep the rest of the session (a login)."""
    request.session.pop(SESSIE, None)
