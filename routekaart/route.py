"""The route as an immutable graph.

The steps and their branches (`takken`: `volgende`, or `ja`/`nee` at a fork) are declared once,
in the front matter of `content/route/*.md`, and stored in `routekaart.models.Stap` rows. This
module turns those rows (or anything with the same attributes) into a `Route` of frozen `Stap`
dataclasses (the graph's view of a step: its edges, no text) that the views, the route map and
the tests use. Nothing here knows the order of the
steps: it only follows branches. A graph that is not a valid route raises `RouteFout`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

# The kinds of step (`aard`).
START, INFO, BESLISSING, EVALUATIE = "start", "info", "beslissing", "evaluatie"
# The two decisions (`beslissing`) at a fork.
JA_NEE = ("ja", "nee")

# Where a line or station of the route map stands for a walker (`Kaart.langs`): walked, the step
# they are at, still ahead of them, or left behind on a branch they did not take.
GELOPEN, HUIDIG, KOMEND, OVERGESLAGEN = "gelopen", "huidig", "komend", "overgeslagen"


@dataclass(frozen=True)
class Stap:
    """One step of the route, as the graph sees it. `kaartlabel` is its name on the route map
    (the title unless the content gives a shorter one); `alarm`: the fork carries the question
    "serious offences likely?" (see routekaart.wandeling.controleer_alarm)."""

    slug: str
    aard: str
    titel: str
    nummer: int | None = None
    kaartlabel: str = ""
    volgende: str = ""
    ja: str = ""
    nee: str = ""
    sleutel: str = ""
    alarm: bool = False

    def __post_init__(self) -> None:
        if not self.kaartlabel:
            object.__setattr__(self, "kaartlabel", self.titel)

    def takken(self) -> tuple[tuple[str, str], ...]:
        """(decision, target) pairs: ("", next) for a plain step, ("ja", …), ("nee", …) for a fork."""
        if self.aard == BESLISSING:
            return tuple((a, t) for a, t in (("ja", self.ja), ("nee", self.nee)) if t)
        return (("", self.volgende),) if self.volgende else ()


@dataclass(frozen=True)
class Station:
    """A step placed on the route map (x, y in map units). `kolom` 0 is the main line, 1 a branch
    beside it; `toon_nummer` is False for a step that shares its number with an earlier one (the
    review step is part of step 3)."""

    stap: Stap
    x: float
    y: float
    kolom: int = 0
    toon_nummer: bool = True


@dataclass(frozen=True)
class Lijn:
    """One edge on the route map: a straight segment along a column, or a curve between the main
    line and a branch. A fork's edges carry their decision ("ja"/"nee") as label."""

    van: str
    naar: str
    label: str
    d: str  # the SVG path's drawing commands
    label_x: float
    label_y: float
    label_anker: str = "start"


@dataclass(frozen=True)
class Kaart:
    stations: tuple[Station, ...]
    lijnen: tuple[Lijn, ...]
    breedte: float
    hoogte: float

    def langs(self, pad: Sequence[str]) -> Kaartstand:
        """The map as a walker sees it who came along `pad` (the steps from the start up to and
        including the one they are at).

        A line is walked exactly when its two ends follow each other in `pad`; having both ends
        somewhere in the path is not enough (a fork's "nee" edge would count once its "ja" branch
        has rejoined). What can still be reached from the current step is ahead; every other line
        and station was skipped. Without a path (the home map) nothing is marked.
        """
        if not pad:
            return Kaartstand(
                tuple((lijn, "") for lijn in self.lijnen),
                tuple((station, "") for station in self.stations),
            )
        gelopen = set(zip(pad, pad[1:], strict=False))
        vooruit = self._bereikbaar_vanaf(pad[-1])
        eerder = set(pad[:-1])

        def lijnstand(lijn: Lijn) -> str:
            if (lijn.van, lijn.naar) in gelopen:
                return GELOPEN
            return KOMEND if lijn.van in vooruit else OVERGESLAGEN

        def stationstand(slug: str) -> str:
            if slug == pad[-1]:
                return HUIDIG
            if slug in eerder:
                return GELOPEN
            return KOMEND if slug in vooruit else OVERGESLAGEN

        return Kaartstand(
            tuple((lijn, lijnstand(lijn)) for lijn in self.lijnen),
            tuple((station, stationstand(station.stap.slug)) for station in self.stations),
        )

    def _bereikbaar_vanaf(self, slug: str) -> set[str]:
        """`slug` and every station its lines lead to, directly or further on."""
        bereikbaar, open_ = {slug}, [slug]
        while open_:
            van = open_.pop()
            for lijn in self.lijnen:
                if lijn.van == van and lijn.naar not in bereikbaar:
                    bereikbaar.add(lijn.naar)
                    open_.append(lijn.naar)
        return bereikbaar


@dataclass(frozen=True)
class Kaartstand:
    """The route map for one walker (`Kaart.langs`): each line and each station with where it
    stands, one of GELOPEN, HUIDIG (stations only), KOMEND, OVERGESLAGEN, or "" when the map
    shows no path."""

    lijnen: tuple[tuple[Lijn, str], ...]
    stations: tuple[tuple[Station, str], ...]


class Probleem(str):
    """One problem with the route, in Dutch; also remembers the step and the front-matter field it
    is about, so that `load_content` can name the file and the field."""

    slug: str
    veld: str

    def __new__(cls, tekst: str, slug: str = "", veld: str = "") -> Probleem:
        probleem = super().__new__(cls, tekst)
        probleem.slug, probleem.veld = slug, veld
        return probleem


class RouteFout(ValueError):
    """The route graph is not a valid route; `problemen` lists what is wrong, in Dutch."""

    def __init__(self, problemen: list[Probleem]):
        self.problemen = problemen
        super().__init__("; ".join(problemen))


@dataclass(frozen=True)
class Route:
    stappen: Mapping[str, Stap]
    start: str
    volgorde: tuple[str, ...] = field(default=())

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def uit_stappen(cls, stappen: Iterable) -> Route:
        """Build and check, from `Stap`s, model rows or anything with the same attributes;
        raises RouteFout naming every problem."""
        per_slug: dict[str, Stap] = {}
        problemen: list[Probleem] = []
        for rij in stappen:
            stap = rij if isinstance(rij, Stap) else _als_stap(rij)
            if stap.slug in per_slug:
                problemen.append(Probleem(f"stap '{stap.slug}' komt twee keer voor", stap.slug))
            per_slug[stap.slug] = stap
        problemen += controleer(per_slug)
        if problemen:
            raise RouteFout(problemen)
        start = next(k.slug for k in per_slug.values() if k.aard == START)
        route = cls(MappingProxyType(per_slug), start)
        object.__setattr__(route, "volgorde", route._op_diepte())
        return route

    # -- queries ------------------------------------------------------------------------------

    def __getitem__(self, slug: str) -> Stap:
        return self.stappen[slug]

    def __contains__(self, slug: str) -> bool:
        return slug in self.stappen

    @property
    def totaal(self) -> int:
        """M in "Stap N van M": the highest station number."""
        return max((n.nummer or 0) for n in self.stappen.values())

    @property
    def beslissingen(self) -> tuple[Stap, ...]:
        return tuple(self.stappen[s] for s in self.volgorde if self.stappen[s].aard == BESLISSING)

    def volgende(self, slug: str, beslissing: str = "") -> str:
        """The step after `slug`, given the decision at a fork."""
        stap = self.stappen[slug]
        if stap.aard == BESLISSING:
            return {"ja": stap.ja, "nee": stap.nee}.get(beslissing, "")
        return stap.volgende

    def naspelen(self, beslissingen: Mapping[str, str], tot: str = "") -> list[str]:
        """Replay the decisions from the start: the steps they lead through, up to and including
        `tot`, or else up to an end of the route or the first fork without a decision."""
        pad = [self.start]
        while pad[-1] != tot:
            stap = self.stappen[pad[-1]]
            beslissing = beslissingen.get(stap.sleutel, "") if stap.aard == BESLISSING else ""
            volgende = self.volgende(stap.slug, beslissing)
            if not volgende:
                break
            pad.append(volgende)
        return pad

    def pad_naar(self, doel: str, beslissingen: Mapping[str, str]) -> list[str] | None:
        """The steps up to and including `doel` along the decisions, or None when `doel` cannot
        be reached with these decisions (the caller answers 404)."""
        if doel not in self.stappen:
            return None
        pad = self.naspelen(beslissingen, tot=doel)
        return pad if pad[-1] == doel else None

    def pad_tot_einde(self, beslissingen: Mapping[str, str]) -> list[str] | None:
        """The whole path from the start to an end along the decisions, or None when a decision
        on the way is missing."""
        pad = self.naspelen(beslissingen)
        return None if self.stappen[pad[-1]].takken() else pad

    def paden(self) -> list[list[str]]:
        """Every complete path from the start to an end (used by tests and the diagram)."""
        resultaat: list[list[str]] = []

        def loop(slug: str, pad: list[str]) -> None:
            takken = self.stappen[slug].takken()
            if not takken:
                resultaat.append(pad)
            for _, doel in takken:
                loop(doel, [*pad, doel])

        loop(self.start, [self.start])
        return resultaat

    def mermaid(self) -> str:
        regels = ["flowchart TD"]
        for slug in self.volgorde:
            stap = self.stappen[slug]
            nummer = f"{stap.nummer}. " if stap.nummer and stap.aard != START else ""
            tekst = (nummer + stap.titel).replace('"', "'")
            vorm = ('{"', '"}') if stap.aard == BESLISSING else ('["', '"]')
            regels.append(f"    {_mermaid_naam(slug)}{vorm[0]}{tekst}{vorm[1]}")
        for slug in self.volgorde:
            for label, doel in self.stappen[slug].takken():
                pijl = f" -- {label.capitalize()} --> " if label else " --> "
                regels.append(f"    {_mermaid_naam(slug)}{pijl}{_mermaid_naam(doel)}")
        return "\n".join(regels) + "\n"

    def kaart(self, rij: int = 64, kolom: int = 60) -> Kaart:
        """Lay the route out as a metro line, top to bottom.

        Each step gets the row of its depth (longest path from the start). A step that an edge
        skips over (the "ja" branch of a fork, bypassed by its "nee" edge) moves to a branch
        column beside the main line, so the skipping edge runs straight down the main line and
        the branch leaves and rejoins it with a curve. Derived from the edges only.
        """
        links, boven = 56, 28
        diepte = self._diepte()
        overslaand = [
            (diepte[a], diepte[b])
            for a in self.volgorde
            for _, b in self.stappen[a].takken()
            if diepte[b] > diepte[a] + 1
        ]
        bezet: set[tuple[int, int]] = set()
        gezien_nummers: set[int] = set()
        stations = []
        for slug in self.volgorde:
            stap, d = self.stappen[slug], diepte[slug]
            k = sum(1 for van, naar in overslaand if van < d < naar)
            while (d, k) in bezet:
                k += 1
            bezet.add((d, k))
            toon = stap.nummer is not None and stap.nummer not in gezien_nummers
            if stap.nummer is not None:
                gezien_nummers.add(stap.nummer)
            stations.append(Station(stap, links + k * kolom, boven + d * rij, k, toon))
        pos = {s.stap.slug: s for s in stations}
        lijnen = []
        for slug in self.volgorde:
            a = pos[slug]
            for label, doel in self.stappen[slug].takken():
                b = pos[doel]
                midden = (a.y + b.y) // 2
                if a.x == b.x:
                    d = f"M{a.x} {a.y} V{b.y}"
                    # Left of the line: the station labels are on the right.
                    lijn = Lijn(slug, doel, label, d, a.x - 12, midden + 5, "end")
                else:
                    d = f"M{a.x} {a.y} C{a.x} {midden} {b.x} {midden} {b.x} {b.y}"
                    # Beside the curve, on the side it bends towards, close to the fork.
                    x = max(a.x, b.x) + 10
                    lijn = Lijn(slug, doel, label, d, x, a.y + (b.y - a.y) * 2 // 5 + 5)
                lijnen.append(lijn)
        kolommen = max(s.kolom for s in stations)
        return Kaart(
            tuple(stations),
            tuple(lijnen),
            breedte=links + kolommen * kolom + 250,
            hoogte=boven * 2 + max(diepte.values()) * rij,
        )

    def _diepte(self) -> dict[str, int]:
        """Longest-path depth of every step from the start."""
        diepte = {self.start: 0}
        for slug in _topologische_orde(self.stappen, self.start):
            for _, doel in self.stappen[slug].takken():
                diepte[doel] = max(diepte.get(doel, 0), diepte[slug] + 1)
        return diepte

    def _op_diepte(self) -> tuple[str, ...]:
        """Steps by longest-path depth from the start, so that a fork's "ja" branch lies between
        the fork and where the "nee" edge rejoins."""
        diepte = self._diepte()
        return tuple(sorted(diepte, key=lambda s: (diepte[s], self.stappen[s].nummer or 0, s)))


def _als_stap(rij) -> Stap:
    """The graph's view of a content row (a `routekaart.models.Stap` or the parsed front matter)."""
    return Stap(
        slug=rij.slug,
        aard=rij.aard,
        titel=rij.titel,
        nummer=rij.nummer,
        kaartlabel=rij.kaartlabel,
        volgende=rij.volgende,
        ja=rij.ja,
        nee=rij.nee,
        sleutel=rij.sleutel,
        alarm=bool(getattr(rij, "alarm", None)),
    )


def _mermaid_naam(slug: str) -> str:
    return slug.replace("-", "_")


def _topologische_orde(stappen: Mapping[str, Stap], start: str) -> list[str]:
    """Depth-first topological order of the steps reachable from start (assumes no cycles)."""
    gezien: set[str] = set()
    orde: list[str] = []

    def bezoek(slug: str) -> None:
        if slug in gezien:
            return
        gezien.add(slug)
        for _, doel in stappen[slug].takken():
            bezoek(doel)
        orde.append(slug)

    bezoek(start)
    return orde[::-1]


def controleer(stappen: Mapping[str, Stap]) -> list[Probleem]:
    """Everything wrong with this graph as a route, in Dutch; empty when it is a valid route.

    A route has one start, every edge target exists, every step is reachable from the start,
    there are no cycles, and every path ends at an evaluation step.
    """
    problemen: list[Probleem] = []

    def probleem(tekst: str, slug: str = "", veld: str = "") -> None:
        problemen.append(Probleem(tekst, slug, veld))

    starts = [n.slug for n in stappen.values() if n.aard == START]
    if len(starts) != 1:
        # Name the start step that another step leads to (it cannot be the real start), else
        # the second one.
        doelen = {doel for n in stappen.values() for _, doel in n.takken()}
        verdacht = [s for s in starts if s in doelen] + starts[1:]
        probleem(
            f"er moet precies één startstap zijn, gevonden: {len(starts)}"
            + (f" ({', '.join(starts)})" if starts else ""),
            verdacht[0] if verdacht else "",
            "aard",
        )
    sleutels: dict[str, str] = {}
    for stap in stappen.values():
        slug = stap.slug
        if stap.aard not in (START, INFO, BESLISSING, EVALUATIE):
            probleem(f"stap '{slug}': onbekende aard '{stap.aard}'", slug, "aard")
        if not stap.titel.strip():
            probleem(f"stap '{slug}': titel ontbreekt", slug, "titel")
        if stap.aard in (START, INFO) and not stap.volgende:
            probleem(f"stap '{slug}': 'volgende' ontbreekt", slug, "volgende")
        if stap.aard == BESLISSING:
            for veld in ("ja", "nee", "sleutel"):
                if not getattr(stap, veld):
                    probleem(f"stap '{slug}': '{veld}' ontbreekt", slug, veld)
            if stap.sleutel in sleutels:
                probleem(
                    f"stap '{slug}': sleutel '{stap.sleutel}' is ook van '{sleutels[stap.sleutel]}'",
                    slug,
                    "sleutel",
                )
            sleutels[stap.sleutel] = slug
        if stap.aard == EVALUATIE and (stap.volgende or stap.ja or stap.nee):
            veld = next(v for v in ("volgende", "ja", "nee") if getattr(stap, v))
            probleem(f"stap '{slug}': een evaluatiestap is een eindpunt", slug, veld)
        for label, doel in stap.takken():
            if doel not in stappen:
                probleem(
                    f"stap '{slug}' verwijst naar onbekende stap '{doel}'",
                    slug,
                    label or "volgende",
                )
    if problemen or not starts:
        return problemen

    # Cycles: a depth-first search that meets a step still on its own stack.
    kleur: dict[str, int] = {}

    def zoek(slug: str, stapel: list[str]) -> None:
        kleur[slug] = 1
        for label, doel in stappen[slug].takken():
            if kleur.get(doel) == 1:
                kring = " → ".join([*stapel[stapel.index(doel) :], doel])
                probleem(
                    f"stap '{slug}' leidt terug naar '{doel}': de route loopt in een kring: {kring}",
                    slug,
                    label or "volgende",
                )
            elif doel not in kleur:
                zoek(doel, [*stapel, doel])
        kleur[slug] = 2

    zoek(starts[0], [starts[0]])
    onbereikbaar = sorted(set(stappen) - set(kleur))
    if onbereikbaar:
        probleem("niet bereikbaar vanaf de start: " + ", ".join(onbereikbaar), onbereikbaar[0])
    for stap in stappen.values():
        if not stap.takken() and stap.aard != EVALUATIE:
            probleem(f"stap '{stap.slug}' is een eindpunt maar geen evaluatiestap", stap.slug)
    return problemen
