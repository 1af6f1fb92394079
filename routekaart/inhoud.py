"""The loaded content, kept in each process's memory and checked with one cheap query per request.

Content changes only when the publisher runs `manage.py load_content` (the admin is read-only),
yet every page of the route needs all of it: the steps to build and validate the graph, the
phenomena, the cases, the actions. `huidige()` returns an immutable snapshot of it all (the
validated `Route`, its map layout, the rows by slug) and rebuilds it only when the token in the
single `ContentVersie` row differs from the one the snapshot was built from. `load_content` gives
that row a new token inside its own transaction when something changed, so every worker of every
server sees a reload at its next request — no time-to-live, no stale page.

A snapshot also memoizes HTML rendered from content alone (`Inhoud.html`): the route map, the
parts of a step that depend only on the step and the choices in its URL. It dies with its
snapshot, so a reload invalidates it too. Nothing from a session or a user may go in: no
ticked questions, no notes, no CSRF token, no agreements of a network.

The model instances in a snapshot are shared by every request of the process: read them, never
change them.
"""

from __future__ import annotations

import contextvars
import functools
import threading
import uuid
from collections.abc import Callable, Hashable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from types import MappingProxyType
from typing import TypeVar

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from casussen.models import Casus, Fenomeen
from routekaart.models import Actie, ContentVersie, Pagina, PartnerRol, Stap
from routekaart.route import EVALUATIE, START, Kaart, Route

T = TypeVar("T")

# Enough for every step x path on the map and the common choices; a full memo is emptied.
MAX_HTML = 2000


@dataclass(frozen=True)
class Inhoud:
    """Everything `load_content` wrote, as one process sees it at one content version."""

    token: uuid.UUID | None
    route: Route | None
    kaart: Kaart | None
    stappen: Mapping[str, Stap]
    fenomenen: Mapping[str, Fenomeen]
    casussen: Mapping[str, Casus]
    acties: tuple[Actie, ...]
    partners: Mapping[str, PartnerRol]
    paginas: Mapping[str, Pagina]
    alarmstappen: tuple[str, ...]
    _html: dict = field(default_factory=dict, compare=False, repr=False)
    _queries: dict = field(default_factory=dict, compare=False, repr=False)
    _slot: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    @functools.cached_property
    def fenomeen_namen(self) -> Mapping[str, str]:
        return MappingProxyType({slug: f.kort for slug, f in self.fenomenen.items()})

    # -- what other apps read of the content (one API: never the ORM or the files) --

    def vragen_per_stap(self) -> list[dict]:
        """The guiding questions of the route's steps in route order, as {nummer, titel,
        vragen: [html, …]}: every step after the start except the evaluation (the session's
        handouts; the evaluation is its step 6, done later)."""
        if self.route is None:
            return []
        return [
            {
                "nummer": self.stappen[slug].nummer,
                "titel": self.stappen[slug].titel,
                "vragen": [v["tekst"] for v in self.stappen[slug].vragen],
            }
            for slug in self.route.volgorde
            if self.stappen[slug].soort not in (START, EVALUATIE)
        ]

    def evaluatievragen(self) -> list[str]:
        """The questions of the route's evaluation step, as plain text (form labels)."""
        if self.route is None:
            return []
        for slug in self.route.volgorde:
            if self.stappen[slug].soort == EVALUATIE:
                return [unescape(strip_tags(v["tekst"])).strip() for v in self.stappen[slug].vragen]
        return []

    def procedure(self) -> list[str]:
        """The six steps of "Afspraken maken" (content/paginas/afspraken-maken.md)."""
        pagina = self.paginas.get("afspraken-maken")
        return list(pagina.extra.get("stappen", [])) if pagina else []

    def html(self, sleutel: tuple[Hashable, ...], maak: Callable[[], T]) -> T:
        """HTML (or what a page derives from the content and its URL) made once per snapshot by
        `maak()`. Only for what follows from the content and `sleutel` alone: never from the
        session, the user or the request. Nothing is kept when `maak()` raises (a 404)."""
        return self._onthoud(self._html, sleutel, maak)

    def query(self, query_string: str, lees: Callable[[], tuple[T, str]]) -> T:
        """What a route URL's query string means (the parsed, checked choices), once per
        snapshot. `lees()` returns that and the query string's normal form; only a query string
        already in normal form (as the site's own links write it) is kept, so the keys are
        choices of the route and never whatever else a visitor typed into the address bar. Apart
        from `html()`, so no query string can push the rendered HTML out."""
        try:
            return self._queries[query_string]
        except KeyError:
            pass
        waarde, normaal = lees()
        if normaal == query_string:
            self._onthoud(self._queries, query_string, lambda: waarde)
        return waarde

    def _onthoud(self, tabel: dict, sleutel: Hashable, maak: Callable[[], T]) -> T:
        try:
            return tabel[sleutel]
        except KeyError:
            pass
        waarde = maak()
        with self._slot:
            if len(tabel) >= MAX_HTML:
                tabel.clear()
            tabel[sleutel] = waarde
        return waarde


_snapshot: Inhoud | None = None
_bouwslot = threading.Lock()


def _lees_token() -> uuid.UUID | None:
    """The current content token: the one query every request pays."""
    # A plain SELECT by primary key: an ORM queryset costs more to build than to run here.
    tabel = connection.ops.quote_name(ContentVersie._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {tabel} WHERE id = 1")  # noqa: S608
        rij = cursor.fetchone()
    if rij is None:
        return None
    # SQLite stores the UUID as 32 hex digits, PostgreSQL returns a UUID.
    return rij[0] if isinstance(rij[0], uuid.UUID) else uuid.UUID(rij[0])


def _bouw(token: uuid.UUID | None) -> Inhoud:
    stappen = {s.slug: s for s in Stap.objects.all()}
    route = Route.from_stappen(stappen.values()) if stappen else None
    fenomenen = {f.slug: f for f in Fenomeen.objects.all()}
    casussen = {c.slug: c for c in Casus.objects.select_related("fenomeen")}
    return Inhoud(
        token=token,
        route=route,
        kaart=route.kaart() if route else None,
        stappen=MappingProxyType(stappen),
        fenomenen=MappingProxyType(fenomenen),
        casussen=MappingProxyType(casussen),
        acties=tuple(Actie.objects.all()),
        partners=MappingProxyType({p.slug: p for p in PartnerRol.objects.all()}),
        paginas=MappingProxyType({p.slug: p for p in Pagina.objects.all()}),
        alarmstappen=tuple(s.slug for s in stappen.values() if s.alarm),
    )


def huidige() -> Inhoud:
    """The content as it is now: this process's snapshot if its token is still current, else a
    new one (built once, then shared by every request until the content changes)."""
    global _snapshot
    token = _lees_token()
    snapshot = _snapshot
    if token is not None and snapshot is not None and snapshot.token == token:
        return snapshot
    with _bouwslot:
        snapshot = _snapshot
        if token is not None and snapshot is not None and snapshot.token == token:
            return snapshot  # another thread built it meanwhile
        # The token is read before the rows: should a reload commit in between, the snapshot
        # carries the older token and the next request simply builds it again.
        with transaction.atomic():
            token = _lees_token()
            snapshot = _bouw(token)
        if token is not None:
            # Without a token row (a flushed test database) nothing says when to rebuild:
            # then every request reads the content afresh.
            _snapshot = snapshot
        return snapshot


def vergeet() -> None:
    """Drop this process's snapshot (the next request rebuilds it)."""
    global _snapshot
    _snapshot = None


# -- marking a change ---------------------------------------------------------------------------

_in_lading: contextvars.ContextVar[bool] = contextvars.ContextVar("in_lading", default=False)


def markeer_gewijzigd() -> None:
    """Give the content a new token. Call inside the transaction that changed the content, so
    the new token and the new content become visible together."""
    ContentVersie.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})


@contextmanager
def lading():
    """While `load_content` writes: one new token at the end (by the command), not one per row."""
    vorige = _in_lading.set(True)
    try:
        yield
    finally:
        _in_lading.reset(vorige)


def _na_wijziging(sender, **kwargs) -> None:
    if not _in_lading.get():
        markeer_gewijzigd()


def verbind_signalen() -> None:
    """Any other write to a content row (a shell, a test factory) also makes snapshots stale.
    (`QuerySet.update()` sends no signal: call `markeer_gewijzigd()` after one.)"""
    for model in (Stap, Fenomeen, Casus, Actie, PartnerRol, Pagina):
        naam = model.__name__
        post_save.connect(_na_wijziging, sender=model, dispatch_uid=f"inhoud-{naam}-save")
        post_delete.connect(_na_wijziging, sender=model, dispatch_uid=f"inhoud-{naam}-delete")
