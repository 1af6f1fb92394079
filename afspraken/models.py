"""The OOV area: networks, memberships, the agreements table with its history, and the
published (frozen) versions of that table."""

from __future__ import annotations

import calendar
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.models import HistoricalRecords

from casussen.models import Casus, Fenomeen
from kern.bewerkbaar import Bewerkbaar, BewerkbaarQuerySet, wie_wijzigde
from routekaart import inhoud
from routekaart.models import Partner

ALGEMEEN = "Algemeen"
# Path segments under /afspraken/ that are not networks (see afspraken/urls.py).
GERESERVEERDE_SLUGS = {"pdf"}
TEKST_MAX = 2000
WIE_MAX = 500
SOORT_MAX = 100
# Participants in one vredestijd session: the form's rows and what "Meer deelnemers" offers.
MAX_DEELNEMERS = 30


def _geen_gereserveerde_slug(slug: str) -> None:
    if slug in GERESERVEERDE_SLUGS:
        raise ValidationError(f"De naam '{slug}' is gereserveerd; kies een andere.")


class Lidrol(models.TextChoices):
    """A member's role in a network (not what a partner organisation does in the route)."""

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
        for i, fenomeen in enumerate(inhoud.huidige().fenomenen.values()):
            soort, nieuw = SoortCasus.objects.get_or_create(
                netwerk=self, naam=fenomeen.kort, defaults={"fenomeen": fenomeen, "volgorde": i}
            )
            if nieuw:
                soort.fenomenen.add(fenomeen)
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
    rol = models.CharField("rol", max_length=20, choices=Lidrol.choices, default=Lidrol.PARTNER)
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
        return self.rol == Lidrol.REGISSEUR


class SoortCasus(models.Model):
    """A case type of one network: a phenomenon, or one of its own (Wapens, Drugs, Algemeen).

    `fenomeen` is the phenomenon this case type stands for (the eight standard types; a
    session's case finds its type by it). `fenomenen` are the phenomena the regisseur linked it
    to: the route shows its agreements for those. A standard type starts linked to its own."""

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
    fenomenen = models.ManyToManyField(
        Fenomeen, blank=True, related_name="+", verbose_name="gekoppelde fenomenen"
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

    def fenomeen_slugs(self) -> list[str]:
        """The slugs of the linked phenomena, in the content's order (what a published row keeps)."""
        return [f.slug for f in self.fenomenen.all()]


class AfspraakQuerySet(BewerkbaarQuerySet):
    eigen = ("netwerk_id",)
    lees_mee = ("soort", "gewijzigd_door")

    def van(self, netwerk: Netwerk) -> AfspraakQuerySet:
        return self.filter(netwerk=netwerk).select_related("soort", "gewijzigd_door")

    def vastgesteld(self) -> AfspraakQuerySet:
        return self.filter(status=Afspraak.Status.VASTGESTELD)

    def te_evalueren(self, netwerk: Netwerk) -> AfspraakQuerySet:
        """The agreements whose evaluation date is today or earlier, the longest overdue first."""
        return (
            self.van(netwerk)
            .filter(evaluatiedatum__lte=timezone.localdate())
            .order_by("evaluatiedatum", "volgorde", "pk")
        )


class Afspraak(Bewerkbaar):
    """One row of the agreements table: a versioned row (kern.bewerkbaar), added with
    `Afspraak.objects.maak` and changed only with `Afspraak.objects.bewaar`."""

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
    # The vredestijd session and the example case this row came from (step 4 of the session).
    sessie = models.ForeignKey(
        "Sessie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afspraken",
        verbose_name="sessie",
    )
    casus = models.ForeignKey(
        Casus,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="casus",
    )
    evaluatiedatum = models.DateField("evaluatiedatum", null=True, blank=True)

    history = HistoricalRecords(verbose_name="afspraak (geschiedenis)", get_user=wie_wijzigde)
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
            "fenomenen": self.soort.fenomeen_slugs(),
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
    [{afspraak_id, soort, fenomeen, fenomenen, tekst, wie}] so later edits never change it
    (`fenomenen`: the case type's linked phenomena then; rows published before they existed
    have only `fenomeen`)."""

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


# -- Vredestijd session


def half_jaar_na(datum: date) -> date:
    """The default evaluation date: six months after `datum` (the last day of the month when
    that month is shorter, e.g. 31 August -> 28 February). The forms keep dates within ten
    years of today; a date stored otherwise never makes this fail (the last date there is)."""
    maand = datum.month + 6
    jaar = datum.year + (maand - 1) // 12
    if jaar > date.max.year:
        return date.max
    maand = (maand - 1) % 12 + 1
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


class SessieQuerySet(models.QuerySet):
    def van(self, netwerk: Netwerk) -> SessieQuerySet:
        return self.filter(netwerk=netwerk)

    def niet_afgerond(self) -> SessieQuerySet:
        return self.exclude(status=Sessie.Status.AFGEROND)


class Sessie(models.Model):
    """A vredestijd meeting of a network's partners: the example cases dealt over the
    participants, discussed per case, and the agreements that came out of it."""

    class Status(models.TextChoices):
        VOORBEREIDING = "voorbereiding", "In voorbereiding"
        BEZIG = "bezig", "Bezig"
        AFGEROND = "afgerond", "Afgerond"

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="sessies", verbose_name="netwerk"
    )
    datum = models.DateField("datum")
    plaats = models.CharField("plaats", max_length=200, blank=True)
    minuten_per_casus = models.PositiveSmallIntegerField("minuten per casus", default=10)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.VOORBEREIDING
    )
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangemaakt door",
    )
    gemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("laatst gewijzigd", auto_now=True)
    # The live meeting (issue 11). The join code lets participants in on their own phones while
    # the session is open; a new code replaces the old one, NULL: nobody can join.
    code = models.CharField("sessiecode", max_length=8, unique=True, null=True, blank=True)
    # What the beamer shows: the case being discussed, and whether its differences are shown.
    huidige_casus = models.ForeignKey(
        "SessieCasus",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="huidige casus",
    )
    verschillen_tonen = models.BooleanField("verschillen tonen", default=False)
    # The reflection timer, kept on the server so that every screen shows the same end time and a
    # paused timer survives a reload. Running: ends at klok_gestart_op + klok_resterend seconds.
    # Paused: klok_gestart_op is NULL and klok_resterend holds the seconds left. Both NULL: not
    # started.
    klok_gestart_op = models.DateTimeField("klok gestart op", null=True, blank=True)
    klok_resterend = models.PositiveIntegerField("seconden over", null=True, blank=True)

    objects = SessieQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk", "-datum", "-pk"]
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    def __str__(self) -> str:
        datum = date_format(self.datum, "j F Y")
        return f"{datum}, {self.plaats}" if self.plaats else datum

    @property
    def is_afgerond(self) -> bool:
        return self.status == self.Status.AFGEROND

    def eerste_casus(self) -> SessieCasus | None:
        return self.casussen.select_related("casus").first()


class Deelnemer(models.Model):
    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="deelnemers", verbose_name="sessie"
    )
    naam = models.CharField("naam", max_length=200)
    organisatie = models.CharField("organisatie", max_length=200, blank=True)
    werkt_online = models.BooleanField("werkt online met een professioneel profiel", default=False)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    # Who answers on their own phone: a random secret of the device that claimed this name (its
    # signed cookie carries it), empty while nobody has. The regisseur can release it.
    claim = models.CharField("claim", max_length=64, blank=True, editable=False)
    geclaimd_op = models.DateTimeField("geclaimd op", null=True, blank=True)

    class Meta:
        ordering = ["sessie", "volgorde", "pk"]
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})" if self.organisatie else self.naam


class SessieCasus(models.Model):
    """An example case chosen for a session, and the participants it was dealt to."""

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="casussen", verbose_name="sessie"
    )
    casus = models.ForeignKey(
        Casus, on_delete=models.CASCADE, related_name="+", verbose_name="casus"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    deelnemers = models.ManyToManyField(
        Deelnemer, blank=True, related_name="sessiecasussen", verbose_name="toegewezen aan"
    )
    # Set when the regisseur closes the case in the plenary: from then on a participant's change
    # is refused.
    gesloten_op = models.DateTimeField("gesloten op", null=True, blank=True)

    class Meta:
        ordering = ["sessie", "volgorde", "pk"]
        verbose_name = "casus in een sessie"
        verbose_name_plural = "casussen in een sessie"
        constraints = [
            models.UniqueConstraint(fields=["sessie", "casus"], name="casus_eenmaal_per_sessie"),
        ]

    def __str__(self) -> str:
        return f"{self.casus} ({self.sessie})"


class Keuze(models.TextChoices):
    JA = "ja", "Ja"
    NEE = "nee", "Nee"


# The partners a participant can tick for "Partners betrekken? Ja: welke?" (Inbreng.partners
# holds the keys): the one partner list (routekaart.models.Partner), plus another partner, stored
# as "anders".
PARTNER_KEUZES = [*Partner.choices, ("anders", "Anders")]

PARTNER_LABELS = dict(PARTNER_KEUZES)
# "Welke actie?": a step 5 action's slug, or this for an action of one's own (Inbreng.actie_anders).
ANDERS = "anders"

# What a participant gives per case (their inbreng), as Inbreng.objects.bewaar writes it and
# afspraken.vredestijd.verschillen reads it (Inbreng.als_dict).
INBRENG_VELDEN = (
    "duiding",
    "partners_betrekken",
    "partners",
    "ingrijpen",
    "actie",
    "actie_anders",
)


class InbrengQuerySet(models.QuerySet):
    def bewaar(
        self, *, sessie: Sessie, casus: Casus, deelnemer: Deelnemer, geladen_revisie: int, **velden
    ) -> Inbreng | None:
        """Upsert one participant's inbreng, only while it is still at `geladen_revisie` (0: there
        was none when the form was loaded). The row is first inserted if missing
        (INSERT … ON CONFLICT DO NOTHING, so simultaneous first saves never violate the unique
        constraint), then compared and updated in one UPDATE. None when someone else saved first;
        the savepoint then also takes back a row inserted here."""
        sleutel = {"sessie": sessie, "casus": casus, "deelnemer": deelnemer}
        try:
            with transaction.atomic():
                self.bulk_create([Inbreng(**sleutel, revisie=0)], ignore_conflicts=True)
                geclaimd = self.filter(**sleutel, revisie=geladen_revisie).update(
                    **velden, revisie=F("revisie") + 1
                )
                if not geclaimd:
                    raise _AlOpgeslagen
        except _AlOpgeslagen:
            return None
        return self.get(**sleutel)


class _AlOpgeslagen(Exception):
    """Raised inside InbrengQuerySet.bewaar's savepoint to roll it back."""


class Inbreng(models.Model):
    """What one participant would do with one case, as told in the plenary (step 3): their
    inbreng. `revisie` goes up on every save (InbrengQuerySet.bewaar), as an agreement's does."""

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="inbreng", verbose_name="sessie"
    )
    casus = models.ForeignKey(
        Casus, on_delete=models.CASCADE, related_name="+", verbose_name="casus"
    )
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="inbreng", verbose_name="deelnemer"
    )
    duiding = models.CharField("duiding in één zin", max_length=300, blank=True)
    partners_betrekken = models.CharField(
        "partners betrekken?", max_length=3, choices=Keuze.choices, blank=True
    )
    # The partners ticked, as a list of keys of PARTNER_KEUZES, and the action as a step 5
    # action's slug or "anders" with its own text (migration 0006 converted the free text of
    # before).
    partners = models.JSONField("welke partners", default=list, blank=True)
    ingrijpen = models.CharField("ingrijpen?", max_length=3, choices=Keuze.choices, blank=True)
    actie = models.CharField("welke actie", max_length=300, blank=True)
    actie_anders = models.CharField("andere actie", max_length=300, blank=True)
    revisie = models.PositiveIntegerField("revisie", default=0)

    objects = InbrengQuerySet.as_manager()

    class Meta:
        ordering = ["sessie", "casus", "deelnemer__volgorde", "deelnemer__pk"]
        verbose_name = "inbreng"
        verbose_name_plural = "inbreng"
        constraints = [
            models.UniqueConstraint(
                fields=["sessie", "casus", "deelnemer"], name="een_inbreng_per_deelnemer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deelnemer.naam} over {self.casus}"

    def als_dict(self) -> dict:
        """The input of afspraken.vredestijd.verschillen: the fields of INBRENG_VELDEN, the
        participant's name and, for display only, the chosen action's title."""
        return (
            {"naam": self.deelnemer.naam}
            | {v: getattr(self, v) for v in INBRENG_VELDEN}
            | {"actie_titel": self.actie_titel}
        )

    @property
    def partner_labels(self) -> list[str]:
        """The ticked partners as shown ("Politie", "Boa", ...), in the order of PARTNER_KEUZES."""
        return [label for sleutel, label in PARTNER_KEUZES if sleutel in (self.partners or [])]

    @property
    def actie_titel(self) -> str:
        """The chosen action as shown: its title, the participant's own words for "anders", ""
        for none (a slug the content no longer has is shown as it is)."""
        if not self.actie:
            return ""  # no content lookup: the polled screens list much inbreng
        if self.actie == ANDERS:
            return self.actie_anders
        return next((a.titel for a in inhoud.huidige().acties if a.slug == self.actie), self.actie)


class EvaluatieQuerySet(models.QuerySet):
    def van(self, netwerk: Netwerk) -> EvaluatieQuerySet:
        return self.filter(netwerk=netwerk)


class Evaluatie(models.Model):
    """A later look back at agreements (step 6). `antwoorden` keeps each evaluation question
    with its text, {"0": {"vraag": ..., "antwoord": ...}}, so a later change to the questions
    in content/ does not change what was answered."""

    class Conclusie(models.TextChoices):
        BLIJFT = "blijft", "Afspraak blijft"
        AANPASSEN = "aanpassen", "Afspraak aanpassen"
        VERVALT = "vervalt", "Afspraak vervalt"

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="evaluaties", verbose_name="netwerk"
    )
    sessie = models.ForeignKey(
        Sessie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluaties",
        verbose_name="sessie",
    )
    datum = models.DateField("datum")
    deelnemers = models.TextField("deelnemers", blank=True)
    antwoorden = models.JSONField("antwoorden", default=dict, blank=True)
    conclusie = models.CharField("conclusie", max_length=20, choices=Conclusie.choices)
    afspraken = models.ManyToManyField(
        "Afspraak", blank=True, related_name="evaluaties", verbose_name="afspraken"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    gemaakt_op = models.DateTimeField("vastgelegd op", auto_now_add=True)

    objects = EvaluatieQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk", "-datum", "-pk"]
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"

    def __str__(self) -> str:
        return f"Evaluatie van {date_format(self.datum, 'j F Y')}"

    def vragen_en_antwoorden(self) -> list[dict]:
        return [self.antwoorden[k] for k in sorted(self.antwoorden, key=int)]
