"""Reading and checking the files in `content/` (see content/README.md for the format).

`lees_alles()` parses every file, renders its Markdown and checks it, including the route graph,
without touching the database; it raises `ContentFout` naming the file and the field at the first
problem. `toepassen()` writes the result into the models. `manage.py load_content` ties the two
together inside one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import models

from casussen.models import Casus, Fenomeen, Modus
from kern.markup import render, render_inline
from routekaart.models import Actie, Pagina, PartnerRol, Rol, Stap
from routekaart.route import Route, RouteFout

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.S)


class ContentFout(Exception):
    """A content file is wrong. The message names the file and the field."""

    def __init__(self, bestand: Path | str, veld: str, melding: str):
        self.bestand, self.veld, self.melding = str(bestand), veld, melding
        waar = f"{self.bestand}: veld '{veld}'" if veld else self.bestand
        super().__init__(f"{waar}: {melding}")


@dataclass
class Item:
    """One parsed file: the model's natural key and field values."""

    bestand: Path
    slug: str
    velden: dict[str, Any]


class Bestand:
    """Front matter and body of one file, with typed accessors that fail with file + field."""

    def __init__(self, locatie: Path):
        self.locatie = locatie
        self.slug = locatie.stem
        if not SLUG.match(self.slug):
            raise ContentFout(
                locatie, "bestandsnaam", "gebruik alleen kleine letters, cijfers en '-'"
            )
        try:
            tekst = locatie.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ContentFout(locatie, "", "het bestand is geen UTF-8-tekst") from exc
        match = FRONT_MATTER.match(tekst)
        if not match:
            raise ContentFout(locatie, "front matter", "het bestand begint niet met een '---'-blok")
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            plek = getattr(exc, "problem_mark", None)
            regel = f" (regel {plek.line + 2})" if plek else ""
            raise ContentFout(locatie, "front matter", f"ongeldige YAML{regel}: {exc}") from exc
        if not isinstance(meta, dict):
            raise ContentFout(locatie, "front matter", "verwacht sleutels met waarden")
        self.meta: dict[str, Any] = meta
        self.body = match.group(2).strip()
        self.gebruikt: set[str] = set()

    def fout(self, veld: str, melding: str) -> ContentFout:
        return ContentFout(self.locatie, veld, melding)

    def tekst(self, veld: str, verplicht: bool = True, standaard: str = "") -> str:
        self.gebruikt.add(veld)
        waarde = self.meta.get(veld)
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            if verplicht:
                raise self.fout(veld, "ontbreekt of is leeg")
            return standaard
        if isinstance(waarde, bool) or not isinstance(waarde, str | int | float):
            raise self.fout(veld, "moet tekst zijn")
        return str(waarde).strip()

    def getal(self, veld: str, verplicht: bool = True) -> int | None:
        self.gebruikt.add(veld)
        waarde = self.meta.get(veld)
        if waarde is None:
            if verplicht:
                raise self.fout(veld, "ontbreekt")
            return None
        if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 0:
            raise self.fout(veld, "moet een heel getal (0 of meer) zijn")
        return waarde

    def keuze(self, veld: str, opties, verplicht: bool = True) -> str:
        waarde = self.tekst(veld, verplicht)
        if waarde and waarde not in opties:
            raise self.fout(veld, f"'{waarde}' is geen van: {', '.join(opties)}")
        return waarde

    def lijst(self, veld: str, verplicht: bool = False) -> list:
        self.gebruikt.add(veld)
        waarde = self.meta.get(veld)
        if waarde is None:
            if verplicht:
                raise self.fout(veld, "ontbreekt")
            return []
        if not isinstance(waarde, list):
            raise self.fout(veld, "moet een lijst zijn")
        return waarde

    def mapping(self, veld: str) -> dict:
        self.gebruikt.add(veld)
        waarde = self.meta.get(veld)
        if waarde is None:
            return {}
        if not isinstance(waarde, dict):
            raise self.fout(veld, "moet sleutels met waarden hebben")
        return waarde

    def md(self, veld: str, verplicht: bool = True) -> str:
        return render(self.tekst(veld, verplicht))

    def body_html(self, verplicht: bool = True) -> str:
        if verplicht and not self.body:
            raise self.fout("body", "de tekst onder de front matter ontbreekt")
        return render(self.body)

    def tekst_in(self, veld: str, waarde: Any, sleutel: str, verplicht: bool = True) -> str:
        """A string inside a list item or mapping, e.g. vragen[2].tekst."""
        if not isinstance(waarde, dict):
            raise self.fout(veld, "elk item moet sleutels met waarden hebben")
        inhoud = waarde.get(sleutel)
        if inhoud is None or (isinstance(inhoud, str) and not inhoud.strip()):
            if verplicht:
                raise self.fout(f"{veld}.{sleutel}", "ontbreekt of is leeg")
            return ""
        if not isinstance(inhoud, str | int | float) or isinstance(inhoud, bool):
            raise self.fout(f"{veld}.{sleutel}", "moet tekst zijn")
        return str(inhoud).strip()


# -- one reader per folder ----------------------------------------------------------------------

# The conditions a hint may name, with their valid values; a phenomenon is checked against the
# files in fenomenen/ once every folder is read (_controleer_verwijzingen).
HINT_VOORWAARDEN: dict[str, tuple[str, ...] | None] = {
    "rol": tuple(Rol.values),
    "modus": tuple(Modus.values),
    "fenomeen": None,
}


def _voorwaarden(b: Bestand, veld: str, hint: Any) -> dict[str, str]:
    """A hint's conditions: one to three of rol, modus and fenomeen, each with a valid value. The
    step shows the hint only when every condition it names matches the walker's choices."""
    if not isinstance(hint, dict):
        raise b.fout(veld, "elk item moet sleutels met waarden hebben")
    onbekend = sorted(str(k) for k in hint if k not in HINT_VOORWAARDEN and k != "tekst")
    if onbekend:
        raise b.fout(f"{veld}.{onbekend[0]}", "onbekend veld (alleen rol, modus, fenomeen, tekst)")
    voorwaarden = {}
    for sleutel, geldig in HINT_VOORWAARDEN.items():
        if sleutel not in hint:
            continue
        waarde = b.tekst_in(veld, hint, sleutel)
        if geldig is not None and waarde not in geldig:
            raise b.fout(f"{veld}.{sleutel}", f"'{waarde}' is geen van: {', '.join(geldig)}")
        voorwaarden[sleutel] = waarde
    if not voorwaarden:
        raise b.fout(veld, "noem minstens één van rol, modus of fenomeen")
    return voorwaarden


def _stap(b: Bestand) -> dict[str, Any]:
    aard = b.keuze("aard", Stap.Aard.values)
    vragen = []
    for i, vraag in enumerate(b.lijst("vragen", verplicht=aard != Stap.Aard.START)):
        veld = f"vragen[{i + 1}]"
        if isinstance(vraag, str):
            vraag = {"tekst": vraag}
        vragen.append(
            {
                "tekst": render_inline(b.tekst_in(veld, vraag, "tekst")),
                "uitleg": render(b.tekst_in(veld, vraag, "uitleg", verplicht=False)),
            }
        )
    if aard != Stap.Aard.START and not vragen:
        raise b.fout("vragen", "een stap heeft minstens één richtvraag")
    hints = []
    for i, hint in enumerate(b.lijst("hints")):
        veld = f"hints[{i + 1}]"
        voorwaarden = _voorwaarden(b, veld, hint)
        hints.append({**voorwaarden, "tekst": render(b.tekst_in(veld, hint, "tekst"))})
    alarm = b.mapping("alarm")
    if alarm:
        alarm = {
            "vraag": render_inline(b.tekst_in("alarm", alarm, "vraag")),
            "actie": render_inline(b.tekst_in("alarm", alarm, "actie")),
        }
    beslissing = aard == Stap.Aard.BESLISSING
    vlaggen = {}
    for vlag in ("toon_acties", "terugblik"):
        b.gebruikt.add(vlag)
        vlaggen[vlag] = b.meta.get(vlag, False)
        if not isinstance(vlaggen[vlag], bool):
            raise b.fout(vlag, "moet true of false zijn")
    return {
        "titel": b.tekst("titel"),
        "aard": aard,
        "nummer": b.getal("nummer", verplicht=aard != Stap.Aard.START),
        "kaartlabel": b.tekst("kaartlabel", verplicht=False),
        "volgende": b.tekst("volgende", verplicht=False),
        "ja": b.tekst("ja", verplicht=False),
        "nee": b.tekst("nee", verplicht=False),
        "sleutel": b.tekst("sleutel", verplicht=beslissing),
        "beslisvraag": b.tekst("beslisvraag", verplicht=beslissing),
        "ja_uitleg_html": b.md("ja_uitleg", verplicht=False),
        "nee_uitleg_html": b.md("nee_uitleg", verplicht=False),
        "intro_html": b.md("intro"),
        "body_html": b.body_html(verplicht=aard != Stap.Aard.START),
        "aandachtspunten": [render_inline(str(p)) for p in b.lijst("aandachtspunten")],
        "vragen": vragen,
        "hints": hints,
        "alarm": alarm,
        **vlaggen,
    }


def _partner(b: Bestand) -> dict[str, Any]:
    if b.slug not in Rol.values:
        raise b.fout("bestandsnaam", f"een partner heet naar zijn rol: {', '.join(Rol.values)}")
    return {
        "titel": b.tekst("titel"),
        "volgorde": b.getal("volgorde"),
        "kort": b.tekst("kort", verplicht=False),
        "rol_algemeen_html": b.md("rol_algemeen"),
        "toepassing_online_html": b.md("toepassing_online"),
        "voetnoot_html": b.md("voetnoot", verplicht=False),
    }


def _fenomeen(b: Bestand) -> dict[str, Any]:
    return {
        "titel": b.tekst("titel"),
        "kort": b.tekst("kort"),
        "volgorde": b.getal("volgorde"),
        "body_html": b.body_html(),
    }


def _casus(b: Bestand) -> dict[str, Any]:
    bericht = b.mapping("bericht")
    if not bericht:
        raise b.fout("bericht", "ontbreekt: elke casus heeft een voorbeeldbericht")
    reacties = bericht.get("reacties") or []
    if not isinstance(reacties, list):
        raise b.fout("bericht.reacties", "moet een lijst zijn")
    return {
        "titel": b.tekst("titel"),
        "fenomeen": b.tekst("fenomeen"),  # resolved to a Fenomeen after all files are read
        "modus": b.keuze("modus", Modus.values),
        "platform": b.tekst("platform"),
        "berichtsoort": b.keuze("berichtsoort", Casus.Berichtsoort.values),
        "zichtbaarheid": b.keuze("zichtbaarheid", Casus.Zichtbaarheid.values),
        "volgorde": b.getal("volgorde"),
        "doorgestuurd_via": b.tekst("doorgestuurd_via", verplicht=False),
        "bericht": {
            "afzender": b.tekst_in("bericht", bericht, "afzender"),
            "tekst": b.tekst_in("bericht", bericht, "tekst"),
            "tijd": b.tekst_in("bericht", bericht, "tijd", verplicht=False),
            "bereik": b.tekst_in("bericht", bericht, "bereik", verplicht=False),
            "reacties": [str(r) for r in reacties],
        },
        "situatie_html": b.body_html(),
    }


def _actie(b: Bestand) -> dict[str, Any]:
    rollen = [str(r) for r in b.lijst("rollen")]
    for rol in rollen:
        if rol not in Rol.values:
            raise b.fout("rollen", f"'{rol}' is geen van: {', '.join(Rol.values)}")
    b.gebruikt.add("netwerk")
    netwerk = b.meta.get("netwerk", False)
    if not isinstance(netwerk, bool):
        raise b.fout("netwerk", "moet true of false zijn")
    return {
        "titel": b.tekst("titel"),
        "modus": b.keuze("modus", Modus.values),
        "volgorde": b.getal("volgorde"),
        "rollen": rollen,
        "netwerk": netwerk,
        "body_html": b.body_html(),
    }


def _pagina(b: Bestand) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for sleutel, waarde in b.meta.items():
        if sleutel in ("titel", "samenvatting"):
            continue
        if not isinstance(waarde, list):
            raise b.fout(sleutel, "onbekend veld (alleen titel, samenvatting en lijsten)")
        items = []
        for i, item in enumerate(waarde):
            if isinstance(item, dict):
                items.append({str(k): render_inline(str(v)) for k, v in item.items()})
            elif isinstance(item, str | int | float):
                items.append(render_inline(str(item)))
            else:
                raise b.fout(f"{sleutel}[{i + 1}]", "moet tekst of sleutels met tekst zijn")
        extra[sleutel] = items
    return {
        "titel": b.tekst("titel"),
        "samenvatting": b.tekst("samenvatting", verplicht=False),
        "body_html": b.body_html(verplicht=False),
        "extra": extra,
    }


@dataclass(frozen=True)
class Onderdeel:
    """One folder of `content/`: the model its files load into and the function that reads one."""

    map: str
    model: type[models.Model]
    lees: Callable[[Bestand], dict[str, Any]]


# In load order: a case refers to a phenomenon, so phenomena come first.
ONDERDELEN = (
    Onderdeel("route", Stap, _stap),
    Onderdeel("partners", PartnerRol, _partner),
    Onderdeel("fenomenen", Fenomeen, _fenomeen),
    Onderdeel("casussen", Casus, _casus),
    Onderdeel("acties", Actie, _actie),
    Onderdeel("paginas", Pagina, _pagina),
)


def lees_alles(map_: Path) -> dict[str, list[Item]]:
    """Parse and check every content file below `map_`; raises ContentFout on the first problem."""
    alles: dict[str, list[Item]] = {}
    for onderdeel in ONDERDELEN:
        submap = map_ / onderdeel.map
        if not submap.is_dir():
            raise ContentFout(submap, "", "deze map ontbreekt")
        items = []
        for locatie in sorted(submap.glob("*.md")):
            if locatie.name.lower() == "readme.md":
                continue
            bestand = Bestand(locatie)
            items.append(Item(locatie, bestand.slug, onderdeel.lees(bestand)))
        alles[onderdeel.map] = items
    _controleer_verwijzingen(alles, map_)
    return alles


def _controleer_verwijzingen(alles: dict[str, list[Item]], map_: Path) -> None:
    fenomenen = {i.slug for i in alles["fenomenen"]}
    for item in alles["casussen"]:
        if item.velden["fenomeen"] not in fenomenen:
            raise ContentFout(
                item.bestand, "fenomeen", f"onbekend fenomeen '{item.velden['fenomeen']}'"
            )
    stappen = {i.slug: i for i in alles["route"]}
    for item in alles["route"]:
        for veld in ("volgende", "ja", "nee"):
            doel = item.velden[veld]
            if doel and doel not in stappen:
                raise ContentFout(item.bestand, veld, f"onbekende stap '{doel}'")
        for i, hint in enumerate(item.velden["hints"]):
            if "fenomeen" in hint and hint["fenomeen"] not in fenomenen:
                raise ContentFout(
                    item.bestand,
                    f"hints[{i + 1}].fenomeen",
                    f"onbekend fenomeen '{hint['fenomeen']}'",
                )
    try:
        Route.uit_stappen(_Rij(i.slug, i.velden) for i in alles["route"])
    except RouteFout as exc:
        # Name the file and field of the first problem; a problem about the graph as a whole
        # (no start at all) names the route folder.
        eerste = exc.problemen[0]
        bestand = next((i.bestand for i in alles["route"] if i.slug == eerste.slug), map_ / "route")
        raise ContentFout(bestand, eerste.veld or "route", "; ".join(exc.problemen)) from exc


class _Rij:
    """Looks like a Stap row to Route.uit_stappen, before anything is in the database."""

    def __init__(self, slug: str, velden: dict[str, Any]):
        self.slug = slug
        self.__dict__.update(velden)


@dataclass
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    verwijderd: int = 0

    @property
    def veranderd(self) -> bool:
        return bool(self.nieuw or self.gewijzigd or self.verwijderd)


def toepassen(alles: dict[str, list[Item]]) -> dict[str, Telling]:
    """Create, update and delete rows so that the database matches the files. Call inside
    transaction.atomic(); rows are only written when a field really changed."""
    tellingen = {onderdeel.map: Telling() for onderdeel in ONDERDELEN}
    fenomenen: dict[str, Fenomeen] = {}
    # Remove stale rows of dependants first (a vanished phenomenon takes its cases with it).
    for onderdeel in reversed(ONDERDELEN):
        slugs = {i.slug for i in alles[onderdeel.map]}
        weg = onderdeel.model.objects.exclude(slug__in=slugs)
        tellingen[onderdeel.map].verwijderd = weg.count()
        weg.delete()
    for onderdeel in ONDERDELEN:
        telling = tellingen[onderdeel.map]
        bestaand = {obj.slug: obj for obj in onderdeel.model.objects.all()}
        for item in alles[onderdeel.map]:
            velden = dict(item.velden)
            if onderdeel.model is Casus:
                velden["fenomeen"] = fenomenen[velden["fenomeen"]]
            obj = bestaand.get(item.slug)
            if obj is None:
                obj = onderdeel.model.objects.create(slug=item.slug, **velden)
                telling.nieuw += 1
            elif any(getattr(obj, k) != v for k, v in velden.items()):
                for k, v in velden.items():
                    setattr(obj, k, v)
                obj.save()
                telling.gewijzigd += 1
            else:
                telling.ongewijzigd += 1
            if onderdeel.model is Fenomeen:
                fenomenen[item.slug] = obj
    return tellingen
