"""The state of a route walk: where you are comes from the URL, what you wrote from the session.

The query string carries the context choices (`modus`, `rol`, `fenomeen`, `casus`) and the yes/no
decisions (keyed by each decision step's `sleutel`, plus `alarm=ja`), so every state of the walk
has a URL that back, forward, reload and a bookmark can return to. `Keuzes` reads and writes that
query string; anything it does not recognise raises a `WandelFout` (the views answer 404), never
a silent guess.

Answers to the questions, notes and chosen actions are never put in a URL (they would end up in server logs and
browser history). They live in the session only (routekaart.notities), so "Opnieuw beginnen"
wipes them in one go and the session's two-hour inactivity expiry ends them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from casussen.models import Modus
from routekaart.models import Rol
from routekaart.route import ANTWOORDEN, Route

MAX_NOTITIE = 2000
ALARM = "alarm"
ONBEKEND = "onbekend"
CONTEXT = ("casus", "modus", "rol", "fenomeen")


class WandelFout(ValueError):
    """This URL is no state of the walk; the message says why, in Dutch."""


class OnbekendeKeuze(WandelFout):
    """The query string holds a value the walk does not know (a role, a case, an answer…)."""


class NietOpDeRoute(WandelFout):
    """The answers in the query string do not lead to this step."""


@dataclass(frozen=True)
class Keuzes:
    """Everything a step's query string says: the context and the answers so far."""

    modus: str = ""
    rol: str = ""
    fenomeen: str = ""
    casus: str = ""
    antwoorden: Mapping[str, str] = field(default_factory=dict)
    alarm: bool = False

    def met_antwoord(self, sleutel: str, antwoord: str) -> Keuzes:
        return replace(self, antwoorden={**self.antwoorden, sleutel: antwoord})

    def met_context(self, modus: str, rol: str, fenomeen: str) -> Keuzes:
        return replace(self, modus=modus, rol=rol, fenomeen=fenomeen)

    def query(self, route: Route, **wijzig: Any) -> str:
        """The query string, in a stable order: context first, then the decisions in route order."""
        keuzes = replace(self, **wijzig) if wijzig else self
        paren = [(naam, getattr(keuzes, naam)) for naam in CONTEXT]
        paren += [(n.sleutel, keuzes.antwoorden.get(n.sleutel, "")) for n in route.beslissingen]
        paren.append((ALARM, "ja" if keuzes.alarm else ""))
        return urlencode([(k, v) for k, v in paren if v])

    @property
    def fenomeen_slug(self) -> str:
        """The phenomenon for lookups: "" when not chosen or "weet ik nog niet"."""
        return "" if self.fenomeen == ONBEKEND else self.fenomeen


def lees_keuzes(
    get: Mapping[str, str], route: Route, fenomenen: Iterable[str], casussen: Mapping[str, Any]
) -> Keuzes:
    """The choices in a query string; OnbekendeKeuze for a value we do not know.

    `casus` names a practice case of `casussen` (pinned on screen): it presets `modus` and
    `fenomeen` when the query does not set them.
    """
    modus = get.get("modus", "")
    rol = get.get("rol", "")
    fenomeen = get.get("fenomeen", "")
    casus = get.get("casus", "")
    if modus and modus not in Modus.values:
        raise OnbekendeKeuze("Onbekende keuze voor online/offline.")
    if rol and rol not in Rol.values:
        raise OnbekendeKeuze("Onbekende rol.")
    if fenomeen and fenomeen != ONBEKEND and fenomeen not in set(fenomenen):
        raise OnbekendeKeuze("Onbekend fenomeen.")
    if casus and casus not in casussen:
        raise OnbekendeKeuze("Onbekende casus.")
    antwoorden = {}
    for knoop in route.beslissingen:
        antwoord = get.get(knoop.sleutel, "")
        if antwoord and antwoord not in ANTWOORDEN:
            raise OnbekendeKeuze("Onbekend antwoord.")
        if antwoord:
            antwoorden[knoop.sleutel] = antwoord
    alarm = get.get(ALARM, "")
    if alarm not in ("", "ja"):
        raise OnbekendeKeuze("Onbekend antwoord op de alarmvraag.")
    if casus:
        modus = modus or casussen[casus].modus
        fenomeen = fenomeen or casussen[casus].fenomeen.slug
    return Keuzes(modus, rol, fenomeen, casus, antwoorden, alarm == "ja")


def pad(route: Route, slug: str, keuzes: Keuzes, alarmstappen: Iterable[str] = ()) -> list[str]:
    """The steps from the start up to `slug`, replaying the answers; NietOpDeRoute when the
    answers do not lead there, or when "serious offences likely" was answered yes and yet the
    fork that question belongs to was answered "nee" (the route then continues on the ja-branch
    only)."""
    if keuzes.alarm:
        for alarmstap in alarmstappen:
            if keuzes.antwoorden.get(route[alarmstap].sleutel) == "nee":
                raise NietOpDeRoute("Na 'ja' op de alarmvraag gaat de route verder met partners.")
    gevonden = route.pad_naar(slug, keuzes.antwoorden)
    if gevonden is None:
        raise NietOpDeRoute("Deze stap hoort niet bij de gekozen route.")
    return gevonden


def stap_url(route: Route, slug: str, keuzes: Keuzes) -> str:
    """The URL of a step with these choices; the start step is /route/ itself."""
    adres = (
        reverse("routekaart:route")
        if slug == route.start
        else reverse("routekaart:stap", args=[slug])
    )
    query = keuzes.query(route)
    return f"{adres}?{query}" if query else adres
