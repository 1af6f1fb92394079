"""The loaded content, kept in each process's memory and checked with one cheap query per request.

Content changes only when the publisher runs `manage.py load_content` (the admin is read-only),
yet every page of the route needs all of it: the steps to build and validate the graph, the
phenomena, the cases, the actions. `huidige()` returns an immutable snapshot of it all (the
validated `Route`, its map layout, the rows by slug) and rebuilds it only when the token in the
single `Inhoudsstand` row differs from the one the snapshot was built from. `load_content` gives
that row a new token inside its own transaction when something changed, so every worker of every
server sees a reload at its next request — no time-to-live, no stale page. The same token keys
the `{% cache %}` blocks of the templates (`Inhoud.token`), so a reload makes them stale too.

This module is the one way to read content: views and other apps ask the snapshot, never the
ORM or the files. The model instances in a snapshot are shared by every request of the process:
read them, never change them.
"""

from __future__ import annotations

import contextvars
import functools
import threading
import uuid
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from types import MappingProxyType

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from casussen.models import Casus, Fenomeen, Modus
from routekaart.models import Actie, Inhoudsstand, Pagina, PartnerRol, Stap
from routekaart.route import EVALUATIE, START, Kaart, Route
from routekaart.wandeling import ONBEKEND


@dataclass(frozen=True)
class Inhoud:
    """Everything `load_content` wrote, as one process sees it at one content state (token)."""

    token: uuid.UUID | None
    route: Route | None
    kaart: Kaart | None
    stappen: Mapping[str, Stap]
    fenomenen: Mapping[str, Fenomeen]
    casussen: Mapping[str, Casus]
    acties: tuple[Actie, ...]
    partners: Mapping[str, PartnerRol]
    paginas: Mapping[str, Pagina]

    @functools.cached_property
    def fenomeen_keuzes(self) -> tuple[tuple[str, str], ...]:
        """The answers to "Welk fenomeen lijkt het?": (slug, short name) of each phenomenon,
        then "Weet ik nog niet"."""
        return (
            *((slug, f.kort) for slug, f in self.fenomenen.items()),
            (ONBEKEND, "Weet ik nog niet"),
        )

    def acties_per_modus(self, rol: str = "") -> list[dict]:
        """The actions of step 5 in two groups, online then offline, as {modus, titel, acties};
        within a group those that name `rol` first (stable otherwise)."""
        acties = sorted(self.acties, key=lambda a: (rol not in a.rollen, a.volgorde))
        return [
            {"modus": m, "titel": f"{label} acties", "acties": [a for a in acties if a.modus == m]}
            for m, label in Modus.choices
        ]

    def casussen_bij(self, fenomeen: str = "", modus: str = "") -> list[Casus]:
        """The example cases, in their order; only those of this phenomenon and mode when given."""
        return [
            c
            for c in self.casussen.values()
            if (not fenomeen or c.fenomeen.slug == fenomeen) and (not modus or c.modus == modus)
        ]

    # -- what the afspraken app reads of the content --

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
            if self.stappen[slug].aard not in (START, EVALUATIE)
        ]

    def evaluatievragen(self) -> list[str]:
        """The questions of the route's evaluation step, as plain text (form labels)."""
        if self.route is None:
            return []
        for slug in self.route.volgorde:
            if self.stappen[slug].aard == EVALUATIE:
                return [unescape(strip_tags(v["tekst"])).strip() for v in self.stappen[slug].vragen]
        return []

    def procedure(self) -> list[str]:
        """The six steps of "Afspraken maken" (content/paginas/afspraken-maken.md)."""
        pagina = self.paginas.get("afspraken-maken")
        return list(pagina.extra.get("stappen", [])) if pagina else []


_snapshot: Inhoud | None = None
_bouwslot = threading.Lock()


def _lees_token() -> uuid.UUID | None:
    """The current content token: the one query every request pays."""
    sql, params = _tokenvraag()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rij = cursor.fetchone()
    # to_python: the UUID the ORM would give (SQLite hands back the stored hex string)
    return Inhoudsstand._meta.get_field("token").to_python(rij[0]) if rij else None


# The token query, compiled by the ORM once per process. Building a queryset and its SQL costs
# about ten times running it (some 700 Python calls against one indexed lookup), and every
# request of every page pays this query; the SQL and its parameters never change.
@functools.cache
def _tokenvraag() -> tuple[str, tuple]:
    return Inhoudsstand.objects.filter(pk=1).values_list("token", flat=True).query.sql_with_params()


def _bouw(token: uuid.UUID | None) -> Inhoud:
    stappen = {s.slug: s for s in Stap.objects.all()}
    route = Route.uit_stappen(stappen.values()) if stappen else None
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


# -- marking a change ---------------------------------------------------------------------------

_in_lading: contextvars.ContextVar[bool] = contextvars.ContextVar("in_lading", default=False)


def markeer_gewijzigd() -> None:
    """Give the content a new token. Call inside the transaction that changed the content, so
    the new token and the new content become visible together."""
    Inhoudsstand.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})


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
