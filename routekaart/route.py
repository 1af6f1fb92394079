"""The route as an immutable graph.

The steps (`Knoop`) and their branches (`takken`: `volgende`, or `ja`/`nee` at a fork) are
declared once, in the front matter of `content/route/*.md`, and stored in `Stap` rows. This
module turns those rows (or anything with the same attributes) into a `Route` of frozen
dataclasses that the views, the route map and the tests use. Nothing here knows the order of the
steps: it only follows branches. A graph that is not a valid route raises `RouteFout`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

# The kinds of step (`aard`).
START, INFO, BESLISSING, EVALUATIE = "start", "info", "beslissing", "evaluatie"
ANTWOORDEN = ("ja", "nee")

# Where a line or station of the route map stands for a walker (`Kaart.langs`): walked, the step
# they are at, still ahead of them, or left behind on a branch they did not take.
GELOPEN, HUIDIG, KOMEND, OVERGESLAGEN = "gelopen", "huidig", "komend", "overgeslagen"


@dataclass(frozen=True)
class Knoop:
    """One step of the route. `kaartlabel` is its name on the route map (the title unless the
    content gives a shorter one)."""

    slug: str
    aard: str
    titel: str
    nummer: int | None = None
    kaartlabel: str = ""
    volgende: str = ""
    ja: str = ""
    nee: str = ""
    sleutel: str = ""

    def __post_init__(self) -> None:
        if not self.kaartlabel:
            object.__setattr__(self, "kaartlabel", self.titel)

    def takken(self) -> tuple[tuple[str, str], ...]:
        """(answer, target) pairs: ("", next) for a plain step, ("ja", …), ("nee", …) for a fork."""
        if self.aard == BESLISSING:
            return tuple((a, t) for a, t in (("ja", self.ja), ("nee", self.nee)) if t)
        return (("", self.volgende),) if self.volgende else ()


@dataclass(frozen=True)
class Station:
    """A step placed on the route map (x, y in map units). `kolom` 0 is the main line, 1 a branch
    beside it; `toon_nummer` is False for a step that shares its number with an earlier one (the
    review step is part of step 3)."""

    knoop: Knoop
    x: float
    y: float
    kolom: int = 0
    toon_nummer: bool = True


@dataclass(frozen=True)
class Lijn:
    """One edge on the route map: a straight segment along a column, or a curve between the main
    line and a branch. A fork's edges carry their answer ("ja"/"nee") as label."""

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
            tuple((station, stationstand(station.knoop.slug)) for station in self.stations),
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
    knopen: Mapping[str, Knoop]
    start: str
    volgorde: tuple[str, ...] = field(default=())

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def uit_knopen(cls, knopen: Iterable[Knoop]) -> Route:
        """Build and check; raises RouteFout naming every problem."""
        per_slug: dict[str, Knoop] = {}
        problemen: list[Probleem] = []
        for knoop in knopen:
            if knoop.slug in per_slug:
                problemen.append(Probleem(f"stap '{knoop.slug}' komt twee keer voor", knoop.slug))
            per_slug[knoop.slug] = knoop
        problemen += controleer(per_slug)
        if problemen:
            raise RouteFout(problemen)
        start = next(k.slug for k in per_slug.values() if k.aard == START)
        route = cls(MappingProxyType(per_slug), start)
        object.__setattr__(route, "volgorde", route._op_diepte())
        return route

    @classmethod
    def uit_stappen(cls, stappen: Iterable) -> Route:
        """From `Stap` model instances (or anything with the same attributes)."""
        return cls.uit_knopen(
            Knoop(
                slug=s.slug,
                aard=s.aard,
                titel=s.titel,
                nummer=s.nummer,
                kaartlabel=s.kaartlabel,
                volgende=s.volgende,
                ja=s.ja,
                nee=s.nee,
                sleutel=s.sleutel,
            )
            for s in stappen
        )

    # -- queries ------------------------------------------------------------------------------

    def __getitem__(self, slug: str) -> Knoop:
        return self.knopen[slug]

    def __contains__(self, slug: str) -> bool:
        return slug in self.knopen

    @property
    def totaal(self) -> int:
        """M in "Stap N van M": the highest station number."""
        return max((n.nummer or 0) for n in self.knopen.values())

    @property
    def beslissingen(self) -> tuple[Knoop, ...]:
        return tuple(self.knopen[s] for s in self.volgorde if self.knopen[s].aard == BESLISSING)

    def volgende(self, slug: str, antwoord: str = "") -> str:
        """The step after `slug`, given the answer at a fork."""
        knoop = self.knopen[slug]
        if knoop.aard == BESLISSING:
            return {"ja": knoop.ja, "nee": knoop.nee}.get(antwoord, "")
        return knoop.volgende

    def naspelen(self, antwoorden: Mapping[str, str], tot: str = "") -> list[str]:
        """Replay the answers from the start: the steps they lead through, up to and including
        `tot`, or else up to an end of the route or the first fork without an answer."""
        pad = [self.start]
        while pad[-1] != tot:
            knoop = self.knopen[pad[-1]]
            antwoord = antwoorden.get(knoop.sleutel, "") if knoop.aard == BESLISSING else ""
            volgende = self.volgende(knoop.slug, antwoord)
            if not volgende:
                break
            pad.append(volgende)
        return pad

    def pad_naar(self, doel: str, antwoorden: Mapping[str, str]) -> list[str] | None:
        """The steps up to and including `doel` along the answers, or None when `doel` cannot be
        reached with these answers (the caller answers 404)."""
        if doel not in self.knopen:
            return None
        pad = self.naspelen(antwoorden, tot=doel)
        return pad if pad[-1] == doel else None

    def pad_tot_einde(self, antwoorden: Mapping[str, str]) -> list[str] | None:
        """The whole path from the start to an end along the answers, or None when an answer on
        the way is missing."""
        pad = self.naspelen(antwoorden)
        return None if self.knopen[pad[-1]].takken() else pad

    def paden(self) -> list[list[str]]:
        """Every complete path from the start to an end (used by tests and the diagram)."""
        resultaat: list[list[str]] = []

        def loop(slug: str, pad: list[str]) -> None:
            takken = self.knopen[slug].takken()
            if not takken:
                resultaat.append(pad)
            for _, doel in takken:
                loop(doel, [*pad, doel])

        loop(self.start, [self.start])
        return resultaat

    def mermaid(self) -> str:
        regels = ["flowchart TD"]
        for slug in self.volgorde:
            knoop = self.knopen[slug]
            nummer = f"{knoop.nummer}. " if knoop.nummer and knoop.aard != START else ""
            tekst = (nummer + knoop.titel).replace('"', "'")
            vorm = ('{"', '"}') if knoop.aard == BESLISSING else ('["', '"]')
            regels.append(f"    {_mermaid_naam(slug)}{vorm[0]}{tekst}{vorm[1]}")
        for slug in self.volgorde:
            for label, doel in self.knopen[slug].takken():
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
            for _, b in self.knopen[a].takken()
            if diepte[b] > diepte[a] + 1
        ]
        bezet: set[tuple[int, int]] = set()
        gezien_nummers: set[int] = set()
        stations = []
        for slug in self.volgorde:
            knoop, d = self.knopen[slug], diepte[slug]
            k = sum(1 for van, naar in overslaand if van < d < naar)
            while (d, k) in bezet:
                k += 1
            bezet.add((d, k))
            toon = knoop.nummer is not None and knoop.nummer not in gezien_nummers
            if knoop.nummer is not None:
                gezien_nummers.add(knoop.nummer)
            stations.append(Station(knoop, links + k * kolom, boven + d * rij, k, toon))
        pos = {s.knoop.slug: s for s in stations}
        lijnen = []
        for slug in self.volgorde:
            a = pos[slug]
            for label, doel in self.knopen[slug].takken():
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
        for slug in _topologische_orde(self.knopen, self.start):
            for _, doel in self.knopen[slug].takken():
                diepte[doel] = max(diepte.get(doel, 0), diepte[slug] + 1)
        return diepte

    def _op_diepte(self) -> tuple[str, ...]:
        """Steps by longest-path depth from the start, so that a fork's "ja" branch lies between
        the fork and where the "nee" edge rejoins."""
        diepte = self._diepte()
        return tuple(sorted(diepte, key=lambda s: (diepte[s], self.knopen[s].nummer or 0, s)))


def _mermaid_naam(slug: str) -> str:
    return slug.replace("-", "_")


def _topologische_orde(knopen: Mapping[str, Knoop], start: str) -> list[str]:
    """Depth-first topological order of the steps reachable from start (assumes no cycles)."""
    gezien: set[str] = set()
    orde: list[str] = []

    def bezoek(slug: str) -> None:
        if slug in gezien:
            return
        gezien.add(slug)
        for _, doel in knopen[slug].takken():
            bezoek(doel)
        orde.append(slug)

    bezoek(start)
    return orde[::-1]


def controleer(knopen: Mapping[str, Knoop]) -> list[Probleem]:
    """Everything wrong with this graph as a route, in Dutch; empty when it is a valid route.

    A route has one start, every edge target exists, every step is reachable from the start,
    there are no cycles, and every path ends at an evaluation step.
    """
    problemen: list[Probleem] = []

    def probleem(tekst: str, slug: str = "", veld: str = "") -> None:
        problemen.append(Probleem(tekst, slug, veld))

    starts = [n.slug for n in knopen.values() if n.aard == START]
    if len(starts) != 1:
        # Name the start step that another step leads to (it cannot be the real start), else
        # the second one.
        doelen = {doel for n in knopen.values() for _, doel in n.takken()}
        verdacht = [s for s in starts if s in doelen] + starts[1:]
        probleem(
            f"er moet precies één startstap zijn, gevonden: {len(starts)}"
            + (f" ({', '.join(starts)})" if starts else ""),
            verdacht[0] if verdacht else "",
            "soort",
        )
    sleutels: dict[str, str] = {}
    for knoop in knopen.values():
        slug = knoop.slug
        if knoop.aard not in (START, INFO, BESLISSING, EVALUATIE):
            probleem(f"stap '{slug}': onbekende soort '{knoop.aard}'", slug, "soort")
        if not knoop.titel.strip():
            probleem(f"stap '{slug}': titel ontbreekt", slug, "titel")
        if knoop.aard in (START, INFO) and not knoop.volgende:
            probleem(f"stap '{slug}': 'volgende' ontbreekt", slug, "volgende")
        if knoop.aard == BESLISSING:
            for veld in ("ja", "nee", "sleutel"):
                if not getattr(knoop, veld):
                    probleem(f"stap '{slug}': '{veld}' ontbreekt", slug, veld)
            if knoop.sleutel in sleutels:
                probleem(
                    f"stap '{slug}': sleutel '{knoop.sleutel}' is ook van '{sleutels[knoop.sleutel]}'",
                    slug,
                    "sleutel",
                )
            sleutels[knoop.sleutel] = slug
        if knoop.aard == EVALUATIE and (knoop.volgende or knoop.ja or knoop.nee):
            veld = next(v for v in ("volgende", "ja", "nee") if getattr(knoop, v))
            probleem(f"stap '{slug}': een evaluatiestap is een eindpunt", slug, veld)
        for label, doel in knoop.takken():
            if doel not in knopen:
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
        for label, doel in knopen[slug].takken():
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
    onbereikbaar = sorted(set(knopen) - set(kleur))
    if onbereikbaar:
        probleem("niet bereikbaar vanaf de start: " + ", ".join(onbereikbaar), onbereikbaar[0])
    for knoop in knopen.values():
        if not knoop.takken() and knoop.aard != EVALUATIE:
            probleem(f"stap '{knoop.slug}' is een eindpunt maar geen evaluatiestap", knoop.slug)
    return problemen
