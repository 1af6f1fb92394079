"""The OOV area: networks, memberships, the agreements table with its history, and the
published (frozen) versions of that table."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from casussen.models import Fenomeen

ALGEMEEN = "Algemeen"
# Path segments under /afspraken/ that are not networks (see afspraken/urls.py).
GERESERVEERDE_SLUGS = {"pdf"}
TEKST_MAX = 2000
WIE_MAX = 500
SOORT_MAX = 100


def _geen_gereserveerde_slug(slug: str) -> None:
    if slug in GERESERVEERDE_SLUGS:
        raise ValidationError(f"De naam '{slug}' is gereserveerd; kies een andere.")


class Rol(models.TextChoices):
    REGISSEUR = "regisseur", "Regisseur (OOV)"
    PARTNER = "partner", "Partner"


class NetwerkQuerySet(models.QuerySet):
    def van(self, user) -> NetwerkQuerySet:
        """The networks this user is a member of (any role)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(lidmaatschappen__user=user)


class Netwerk(models.Model):
    """A gemeente or region: owns its case types, agreements and publications."""

    naam = models.CharField("naam", max_length=200)
    slug = models.SlugField(
        "korte naam in de URL", unique=True, validators=[_geen_gereserveerde_slug]
    )

    objects = NetwerkQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = "netwerk"
        verbose_name_plural = "netwerken"

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs) -> None:
        nieuw = self._state.adding
        super().save(*args, **kwargs)
        if nieuw:
            self.maak_standaardsoorten()

    def maak_standaardsoorten(self) -> None:
        """Every network starts with the eight phenomena and "Algemeen" as case types."""
        for i, fenomeen in enumerate(Fenomeen.objects.all()):
            SoortCasus.objects.get_or_create(
                netwerk=self, naam=fenomeen.kort, defaults={"fenomeen": fenomeen, "volgorde": i}
            )
        SoortCasus.objects.get_or_create(netwerk=self, naam=ALGEMEEN, defaults={"volgorde": 900})


class Lidmaatschap(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name="gebruiker",
    )
    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name="netwerk"
    )
    rol = models.CharField("rol", max_length=20, choices=Rol.choices, default=Rol.PARTNER)
    organisatie = models.CharField("organisatie", max_length=200, blank=True)

    class Meta:
        ordering = ["netwerk", "user__username"]
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        constraints = [
            models.UniqueConstraint(fields=["user", "netwerk"], name="uniek_lidmaatschap"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.netwerk} ({self.get_rol_display()})"

    @property
    def is_regisseur(self) -> bool:
        return self.rol == Rol.REGISSEUR


class SoortCasus(models.Model):
    """A case type of one network: a phenomenon, or one of its own (Wapens, Drugs, Algemeen)."""

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="soorten", verbose_name="netwerk"
    )
    naam = models.CharField("naam", max_length=SOORT_MAX)
    fenomeen = models.ForeignKey(
        Fenomeen,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="fenomeen",
    )
    volgorde = models.PositiveIntegerField("volgorde", default=500)

    class Meta:
        ordering = ["netwerk", "volgorde", "naam", "pk"]
        verbose_name = "soort casus"
        verbose_name_plural = "soorten casus"
        constraints = [
            models.UniqueConstraint(fields=["netwerk", "naam"], name="unieke_soort_per_netwerk"),
        ]

    def __str__(self) -> str:
        return self.naam


class AfspraakQuerySet(models.QuerySet):
    def van(self, netwerk: Netwerk) -> AfspraakQuerySet:
        return self.filter(netwerk=netwerk).select_related("soort", "gewijzigd_door")

    def vastgesteld(self) -> AfspraakQuerySet:
        return self.filter(status=Afspraak.Status.VASTGESTELD)


class Afspraak(models.Model):
    """One row of the agreements table. `versie` goes up on every save: an edit form carries the
    versie it was loaded with, and a save against an older versie is refused (optimistic locking)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        VASTGESTELD = "vastgesteld", "Vastgesteld"

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="afspraken", verbose_name="netwerk"
    )
    soort = models.ForeignKey(
        SoortCasus, on_delete=models.PROTECT, related_name="afspraken", verbose_name="soort casus"
    )
    tekst = models.TextField("afspraak", max_length=TEKST_MAX)
    wie = models.CharField("wie zijn betrokken", max_length=WIE_MAX)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    volgorde = models.PositiveIntegerField("volgorde", default=0)
    # The vredestijd session this row came from arrives with the Sessie model (a later issue);
    # until then there is no field rather than a dangling one.
    evaluatiedatum = models.DateField("evaluatiedatum", null=True, blank=True)
    gewijzigd_op = models.DateTimeField("laatst gewijzigd", auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gewijzigd door",
    )
    versie = models.PositiveIntegerField("versie", default=1)

    history = HistoricalRecords(verbose_name="afspraak (geschiedenis)")
    objects = AfspraakQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk", "volgorde", "pk"]
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"

    def __str__(self) -> str:
        tekst = self.tekst if len(self.tekst) <= 60 else self.tekst[:57] + "…"
        return f"{self.soort}: {tekst}"

    def als_rij(self) -> dict:
        """The frozen form of this row inside a Publicatie."""
        return {
            "afspraak_id": self.pk,
            "soort": self.soort.naam,
            "fenomeen": self.soort.fenomeen.slug if self.soort.fenomeen else "",
            "tekst": self.tekst,
            "wie": self.wie,
        }


class PublicatieQuerySet(models.QuerySet):
    def zonder_pdf(self) -> PublicatieQuerySet:
        """Lists never need the cached PDF bytes."""
        return self.defer("pdf")

    def laatste_per_netwerk(self, netwerken) -> list[Publicatie]:
        laatste: dict[int, Publicatie] = {}
        for p in self.filter(netwerk__in=netwerken).select_related("netwerk").zonder_pdf():
            if p.netwerk_id not in laatste or p.nummer > laatste[p.netwerk_id].nummer:
                laatste[p.netwerk_id] = p
        return list(laatste.values())


class Publicatie(models.Model):
    """A published, frozen version of a network's agreements table: `rijen` is a snapshot
    [{afspraak_id, soort, fenomeen, tekst, wie}] so later edits never change it."""

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="publicaties", verbose_name="netwerk"
    )
    nummer = models.PositiveIntegerField("versie")
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gepubliceerd door",
    )
    notitie = models.CharField("notitie", max_length=500, blank=True)
    rijen = models.JSONField("rijen", default=list)
    # Filled on the first download: a version never changes, so neither does its PDF.
    pdf = models.BinaryField("PDF (cache)", null=True, blank=True, editable=False)

    objects = PublicatieQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk", "-nummer"]
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"
        constraints = [
            models.UniqueConstraint(fields=["netwerk", "nummer"], name="uniek_versienummer"),
        ]

    def __str__(self) -> str:
        return f"{self.netwerk}, versie {self.nummer}"

    def vorige(self) -> Publicatie | None:
        return (
            Publicatie.objects.filter(netwerk_id=self.netwerk_id, nummer__lt=self.nummer)
            .zonder_pdf()
            .order_by("-nummer")
            .first()
        )

    def wijzigingen(self) -> dict | None:
        """What changed since the previous version, matched by afspraak_id; None for version 1."""
        vorige = self.vorige()
        if vorige is None:
            return None
        oud = {r["afspraak_id"]: r for r in vorige.rijen}
        nieuw = {r["afspraak_id"]: r for r in self.rijen}
        velden = ("soort", "tekst", "wie")
        return {
            "vorige": vorige,
            "toegevoegd": [r for i, r in nieuw.items() if i not in oud],
            "gewijzigd": [
                {"oud": oud[i], "nieuw": r}
                for i, r in nieuw.items()
                if i in oud and any(oud[i].get(v) != r.get(v) for v in velden)
            ],
            "verwijderd": [r for i, r in oud.items() if i not in nieuw],
        }
