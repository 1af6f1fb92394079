"""A versioned row: a row that several people edit, kept safe with optimistic locking.

`Bewerkbaar` is the abstract model (afspraken.Afspraak and contacten.Contact inherit it): its
`revisie` goes up by one on every change, and `gewijzigd_op`/`gewijzigd_door` say when and by
whom. Its queryset owns the two ways such a row is written, `maak` (add one) and `bewaar` (the
compare-and-update); no caller touches `revisie` itself. An edit form carries the revisie it was
loaded with, and a save against an older revisie is refused.

Each concrete model declares its own django-simple-history record
(`history = HistoricalRecords(..., get_user=wie_wijzigde)`), so that every record names who
acted: the logged-in user of the request (HistoryRequestMiddleware), or, outside a request (a
command such as maak_demo), the user the row itself names.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

# simple_history keeps a change's reason in 100 characters.
REDEN_MAX = 100


def korte_reden(reden: str) -> str:
    """A history record's reason, cut to fit (a session's place may be long)."""
    return reden if len(reden) <= REDEN_MAX else reden[: REDEN_MAX - 1] + "…"


def wie_wijzigde(instance, request=None, **kwargs):
    """Who a history record of a versioned row names (simple_history's `get_user`): the
    request's logged-in user, as HistoryRequestMiddleware passes it; without one, the row's own
    `gewijzigd_door`, so the history never says "onbekend" where the row names someone."""
    if request is not None:
        return request.user
    return instance.gewijzigd_door


class BewerkbaarQuerySet(models.QuerySet):
    """The one way to add (`maak`) and to change (`bewaar`) a versioned row. `lees_mee`: the
    relations read back with the saved row; `eigen`: the fields a stored row must share with the
    row passed to `bewaar` (e.g. its network), so that a row is only ever changed through its
    owner."""

    lees_mee: tuple[str, ...] = ("gewijzigd_door",)
    eigen: tuple[str, ...] = ()

    def maak(self, rij, *, door, reden: str = ""):
        """Add the new (unsaved) `rij` at revisie 1, made by `door`, with one history record
        (with `reden`, cut to fit, as its reason when given). Returns the saved row."""
        rij.gewijzigd_door = door
        if reden:
            rij._change_reason = korte_reden(reden)
        rij.save(force_insert=True, using=self.db)
        return rij

    def bewaar(self, rij, geladen_revisie: int | None, *, door, reden: str = "", **velden):
        """The one way to change such a row: write `velden` only while the row is still at
        `geladen_revisie`, raise its revisie by one and add exactly one history record (with
        `reden`, cut to fit, as its reason when given).

        One conditional UPDATE compares and writes at once, so two saves of the same revisie
        can never both win (on PostgreSQL the second waits for the first to commit, then finds
        the revisie changed). Only the named fields are written: a concurrent change of any
        other field stays. Returns the row as saved, or None when someone else saved first (or
        the row was removed meanwhile). A caller that changes a row without a form locks and
        reads it first (`select_for_update`) and passes the revisie it read."""
        if geladen_revisie is None:
            return None
        with transaction.atomic():
            zelfde = {veld: getattr(rij, veld) for veld in self.eigen}
            geclaimd = self.filter(pk=rij.pk, revisie=geladen_revisie, **zelfde).update(
                **velden,
                revisie=F("revisie") + 1,
                gewijzigd_door=door,
                gewijzigd_op=timezone.now(),
            )
            if not geclaimd:
                return None
            # Read back inside the transaction: the UPDATE holds the row until the commit.
            opgeslagen = self.model.objects.select_related(*self.lees_mee).get(pk=rij.pk)
            self.model.history.bulk_history_create(
                [opgeslagen],
                update=True,
                default_user=door,
                default_change_reason=korte_reden(reden) if reden else None,
            )
        return opgeslagen


class Bewerkbaar(models.Model):
    """A row several people edit: `revisie` is its optimistic lock, changed only by
    `BewerkbaarQuerySet` (see the module docstring)."""

    gewijzigd_op = models.DateTimeField("laatst gewijzigd", auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gewijzigd door",
    )
    revisie = models.PositiveIntegerField("revisie", default=1)

    objects = BewerkbaarQuerySet.as_manager()

    class Meta:
        abstract = True
