"""Invitations to a network, and the log of reminders sent.

An invitation's link carries a random token; only its SHA-256 is stored, so a copy of the
database (a backup, the admin) never holds a usable link. Memberships themselves are
afspraken.Lidmaatschap."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from afspraken.models import Lidrol, Netwerk

# An invitation link is valid this long; resending starts the period again.
GELDIG_DAGEN = 7
# A new account's username is the invited address, and a username holds at most 150 characters.
EMAIL_MAX = 150
ORGANISATIE_MAX = 200


def token_hash(token: str) -> str:
    """What is stored of an invitation token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


class UitnodigingQuerySet(models.QuerySet):
    def van(self, netwerk: Netwerk) -> UitnodigingQuerySet:
        return self.filter(netwerk=netwerk)

    def open(self) -> UitnodigingQuerySet:
        """Neither used nor withdrawn (an expired one is still open: it can be resent)."""
        return self.filter(gebruikt_op__isnull=True, ingetrokken_op__isnull=True)

    def bij_token(self, token: str) -> Uitnodiging | None:
        return self.select_related("netwerk").filter(token_hash=token_hash(token)).first()


class Uitnodiging(models.Model):
    """An e-mail invitation to become a member of a network, with a role and an organisation."""

    class Stand(models.TextChoices):
        GELDIG = "geldig", "Geldig"
        GEBRUIKT = "gebruikt", "Gebruikt"
        INGETROKKEN = "ingetrokken", "Ingetrokken"
        VERLOPEN = "verlopen", "Verlopen"

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="uitnodigingen", verbose_name="netwerk"
    )
    email = models.EmailField("e-mailadres", max_length=EMAIL_MAX)
    rol = models.CharField("rol", max_length=20, choices=Lidrol.choices, default=Lidrol.PARTNER)
    organisatie = models.CharField("organisatie", max_length=ORGANISATIE_MAX)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uitgenodigd door",
    )
    gemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    verloopt_op = models.DateTimeField("verloopt op")
    gebruikt_op = models.DateTimeField("gebruikt op", null=True, blank=True)
    gebruikt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gebruikt door",
    )
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    # SHA-256 of the link's token (never the token itself).
    token_hash = models.CharField("token (SHA-256)", max_length=64, unique=True, editable=False)

    objects = UitnodigingQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk", "-gemaakt_op", "-pk"]
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"

    def __str__(self) -> str:
        return f"{self.email} voor {self.netwerk} ({self.get_rol_display()})"

    @staticmethod
    def nieuwe_verloopdatum():
        return timezone.now() + timedelta(days=GELDIG_DAGEN)

    @property
    def stand(self) -> str:
        """Used and withdrawn come before expired: that is what the invitee needs to hear."""
        if self.gebruikt_op is not None:
            return self.Stand.GEBRUIKT
        if self.ingetrokken_op is not None:
            return self.Stand.INGETROKKEN
        if self.verloopt_op <= timezone.now():
            return self.Stand.VERLOPEN
        return self.Stand.GELDIG

    @property
    def is_verlopen(self) -> bool:
        return self.stand == self.Stand.VERLOPEN


class Herinnering(models.Model):
    """One item mailed to one regisseur by `stuur_herinneringen` on one day: what makes the
    command idempotent and spaces its repeats (leden/herinneringen.py)."""

    class Soort(models.TextChoices):
        EVALUATIE = "evaluatie", "Evaluatie nodig"
        CONTACT = "contact", "Contact niet gecontroleerd"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="regisseur",
    )
    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="+", verbose_name="netwerk"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    # The agreement's or the contact's id (the row may be gone later; the log stays).
    object_id = models.PositiveBigIntegerField("id van de afspraak of het contact")
    verstuurd_op = models.DateField("verstuurd op")

    class Meta:
        ordering = ["-verstuurd_op", "netwerk", "user", "soort", "object_id"]
        verbose_name = "verstuurde herinnering"
        verbose_name_plural = "verstuurde herinneringen"
        indexes = [models.Index(fields=["user", "netwerk", "soort", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "netwerk", "soort", "object_id", "verstuurd_op"],
                name="herinnering_eenmaal_per_dag",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} #{self.object_id} aan {self.user} ({self.verstuurd_op})"
