"""The state of a route walk: where you are comes from the URL, what you wrote from the session.

The query string carries the context choices (`modus`, `rol`, `fenomeen`, `casus`) and the ja/nee
decisions (`beslissingen`, keyed by each decision step's `sleutel`, plus `alarm=ja`), so every
state of the walk has a URL that back, forward, reload and a bookmark can return to. `Keuzes`
reads and writes that query string; anything it does not recognise raises a `WandelFout` (the
views answer 404), never a silent guess.

`Wandeling` is one request's walk (the content, the graph and the choices); `volgende_stap` is the
routing of a posted step, a pure function of the graph, the step, the choices and what was posted,
so every edge is tested without a request (tests/routekaart/test_volgende.py).

Answers to the questions, notes and chosen actions are never put in a URL (they would end up in server logs and
browser history). They live in the session only (routekaart.notities), so "Opnieuw beginnen"
wipes them in one go and the session's two-hour inactivity expiry ends them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from casussen.models import Modus
from kern.adressen import vaste_url
from routekaart.models import Actie, Rol
from routekaart.route import BESLISSING, EVALUATIE, JA_NEE, START, Route

if TYPE_CHECKING:
    from casussen.models import Casus
    from routekaart.inhoud import Inhoud
    from routekaart.models import Stap

MAX_NOTITIE = 2000
ALARM = "alarm"
ONBEKEND = "onbekend"
CONTEXT = ("casus", "modus", "rol", "fenomeen")


class WandelFout(ValueError):
    """This URL is no state of the walk; the message says why, in Dutch."""


class GeenRoute(WandelFout):
    """The content (and with it the route) is not loaded yet."""


class OnbekendeKeuze(WandelFout):
    """The query string holds a value the walk does not know (a role, a case, a decision…)."""


class OnbekendeStap(WandelFout):
    """The URL names a step the route does not have."""


class NietOpDeRoute(WandelFout):
    """The decisions in the query string do not lead to this step."""


@dataclass(frozen=True)
class Keuzes:
    """Everything a step's query string says: the context and the decisions so far."""

    modus: str = ""
    rol: str = ""
    fenomeen: str = ""
    casus: str = ""
    beslissingen: Mapping[str, str] = field(default_factory=dict)
    alarm: bool = False

    def met_beslissing(self, sleutel: str, beslissing: str) -> Keuzes:
        return replace(self, beslissingen={**self.beslissingen, sleutel: beslissing})

    def met_context(self, modus: str, rol: str, fenomeen: str) -> Keuzes:
        return replace(self, modus=modus, rol=rol, fenomeen=fenomeen)

    def query(self, route: Route, **wijzig: Any) -> str:
        """The query string, in a stable order: context first, then the decisions in route order."""
        keuzes = replace(self, **wijzig) if wijzig else self
        paren = [(naam, getattr(keuzes, naam)) for naam in CONTEXT]
        paren += [(s.sleutel, keuzes.beslissingen.get(s.sleutel, "")) for s in route.beslissingen]
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
    beslissingen = {}
    for stap in route.beslissingen:
        beslissing = get.get(stap.sleutel, "")
        if beslissing and beslissing not in JA_NEE:
            raise OnbekendeKeuze("Onbekende beslissing.")
        if beslissing:
            beslissingen[stap.sleutel] = beslissing
    alarm = get.get(ALARM, "")
    if alarm not in ("", "ja"):
        raise OnbekendeKeuze("Onbekende beslissing bij de alarmvraag.")
    if casus:
        modus = modus or casussen[casus].modus
        fenomeen = fenomeen or casussen[casus].fenomeen.slug
    return Keuzes(modus, rol, fenomeen, casus, beslissingen, alarm == "ja")


def controleer_alarm(route: Route, keuzes: Keuzes) -> None:
    """The alarm rule: once "serious offences likely" is answered yes, the route continues on the
    ja-branch of the fork that question belongs to, so that fork answered "nee" is no state of
    the walk (NietOpDeRoute)."""
    if keuzes.alarm:
        for stap in route.stappen.values():
            if stap.alarm and keuzes.beslissingen.get(stap.sleutel) == "nee":
                raise NietOpDeRoute("Na 'ja' op de alarmvraag gaat de route verder met partners.")


def pad(route: Route, slug: str, keuzes: Keuzes) -> list[str]:
    """The steps from the start up to `slug`, replaying the decisions; NietOpDeRoute when they
    do not lead there or break the alarm rule."""
    controleer_alarm(route, keuzes)
    gevonden = route.pad_naar(slug, keuzes.beslissingen)
    if gevonden is None:
        raise NietOpDeRoute("Deze stap hoort niet bij de gekozen route.")
    return gevonden


def stap_url(route: Route, slug: str, keuzes: Keuzes) -> str:
    """The URL of a step with these choices; the start step is /route/ itself. A page links to
    several steps, and a step's path only changes with the code: reversed once per process
    (vaste_url), the choices added each time."""
    adres = (
        vaste_url("routekaart:route") if slug == route.start else vaste_url("routekaart:stap", slug)
    )
    query = keuzes.query(route)
    return f"{adres}?{query}" if query else adres


# -- where a posted step leads -------------------------------------------------------------------


@dataclass(frozen=True)
class Volgende:
    """Where a posted step leads: the step `doel` with these `keuzes`, or (`verslag`) the report.
    `alarm_net`: the walker just answered the alarm question yes (focus goes to the alert)."""

    doel: str
    keuzes: Keuzes
    alarm_net: bool = False
    verslag: bool = False


@dataclass(frozen=True)
class Ongeldig:
    """The post took no decision this step allows; `melding` says what to do, in Dutch."""

    melding: str


def volgende_stap(
    route: Route,
    slug: str,
    keuzes: Keuzes,
    beslissing: str = "",
    *,
    alarm: bool = False,
    bewaar: bool = False,
) -> Volgende | Ongeldig:
    """The step a post at `slug` leads to, with the choices it makes.

    `beslissing` is the posted "ja"/"nee"; `alarm`: the alarm question was answered yes; `bewaar`:
    the form's hidden default button (Enter in an answer field), which saves and stays. The
    start step's context is already in `keuzes` (the view read its form)."""
    stap = route[slug]
    if stap.aard == START:
        return Volgende(stap.volgende, keuzes)
    if bewaar:
        return Volgende(slug, keuzes)
    if stap.alarm and alarm:
        # Stay on this step, now with the alert and only "Ja".
        return Volgende(slug, replace(keuzes, alarm=True), alarm_net=True)
    if stap.aard == BESLISSING:
        if beslissing not in JA_NEE or (stap.alarm and keuzes.alarm and beslissing == "nee"):
            return Ongeldig("Kies Ja of Nee.")
        return Volgende(
            route.volgende(slug, beslissing), keuzes.met_beslissing(stap.sleutel, beslissing)
        )
    if stap.aard == EVALUATIE:
        return Volgende("", keuzes, verslag=True)
    return Volgende(stap.volgende, keuzes)


# -- one request's walk --------------------------------------------------------------------------


@dataclass(frozen=True)
class Wandeling:
    """The walk one request's URL describes: the content snapshot, its graph and the choices in
    the query string (checked once, by `lees`). Raises WandelFout, never an HTTP error."""

    inhoud: Inhoud
    keuzes: Keuzes

    @classmethod
    def lees(cls, get: Mapping[str, str], inhoud: Inhoud) -> Wandeling:
        """The walk of this query string; GeenRoute before the content is loaded, OnbekendeKeuze
        for a value the walk does not know."""
        if inhoud.route is None:
            raise GeenRoute("De route is nog niet geladen (manage.py load_content).")
        return cls(inhoud, lees_keuzes(get, inhoud.route, inhoud.fenomenen, inhoud.casussen))

    @property
    def route(self) -> Route:
        assert self.inhoud.route is not None  # checked by `lees`
        return self.inhoud.route

    @property
    def casus(self) -> Casus | None:
        return self.inhoud.casussen.get(self.keuzes.casus)

    def stap(self, slug: str) -> Stap:
        """The content row of a step; OnbekendeStap for a slug the route does not have."""
        if slug not in self.route:
            raise OnbekendeStap("Deze stap bestaat niet.")
        return self.inhoud.stappen[slug]

    def pad(self, slug: str, keuzes: Keuzes | None = None) -> list[str]:
        """The path to `slug` with these choices (default: the URL's)."""
        return pad(self.route, slug, keuzes or self.keuzes)

    def pad_tot_einde(self) -> list[str]:
        """The whole walked path, for the report; NietOpDeRoute while a decision is missing."""
        gevonden = self.route.pad_tot_einde(self.keuzes.beslissingen)
        if gevonden is None:
            raise NietOpDeRoute("Deze route is nog niet af.")
        controleer_alarm(self.route, self.keuzes)
        return gevonden

    def url(self, slug: str, keuzes: Keuzes | None = None) -> str:
        return stap_url(self.route, slug, keuzes or self.keuzes)

    def verslag_url(self, pdf: bool = False) -> str:
        naam = "routekaart:verslag-pdf" if pdf else "routekaart:verslag"
        return f"{vaste_url(naam)}?{self.keuzes.query(self.route)}"

    def acties(self, stap: Stap) -> list[Actie]:
        """The actions a walker can choose at this step (step 5), in the order they are shown."""
        if not stap.toon_acties:
            return []
        return [
            a for groep in self.inhoud.acties_per_modus(self.keuzes.rol) for a in groep["acties"]
        ]
