"""The contact list of a network ("Wie bel ik?"): who the partners call, kept by the regisseur.
A contact is a versioned row (kern.bewerkbaar), as an agreement is: added with
`Contact.objects.maak`, changed only with `Contact.objects.bewaar`."""

from __future__ import annotations

import calendar
import re
from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from afspraken.models import Netwerk
from kern.bewerkbaar import Bewerkbaar, BewerkbaarQuerySet, wie_wijzigde

ORGANISATIE_MAX = 200
FUNCTIE_MAX = 100
NAAM_MAX = 200
TELEFOON_MAX = 30
EMAIL_MAX = 254
BEREIKBAAR_MAX = 300
NOTITIE_MAX = 1000
# A contact unchecked for longer than this many months is flagged on the regisseur's page.
MAANDEN_GELDIG = 6


def maanden_voor(datum: date, maanden: int) -> date:
    """`datum` minus `maanden` months (the last day of the month when that month is shorter,
    e.g. 31 August -> 28 February)."""
    maand = datum.month - maanden
    jaar = datum.year + (maand - 1) // 12
    maand = (maand - 1) % 12 + 1
    if jaar < date.min.year:
        return date.min
    return date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def controlegrens(vandaag: date | None = None) -> date:
    """A contact last checked before this date is stale."""
    return maanden_voor(vandaag or timezone.localdate(), MAANDEN_GELDIG)


class ContactQuerySet(BewerkbaarQuerySet):
    eigen = ("netwerk_id",)

    def van(self, netwerk: Netwerk) -> ContactQuerySet:
        return self.filter(netwerk=netwerk)

    def niet_gecontroleerd(self, vandaag: date | None = None) -> ContactQuerySet:
        """Never checked, or last checked more than MAANDEN_GELDIG months ago."""
        grens = controlegrens(vandaag)
        return self.filter(Q(gecontroleerd_op__isnull=True) | Q(gecontroleerd_op__lt=grens))


class Contact(Bewerkbaar):
    """Someone a partner of the network may call: an organisation's function, with a phone."""

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="contacten", verbose_name="netwerk"
    )
    organisatie = models.CharField("organisatie", max_length=ORGANISATIE_MAX)
    functie = models.CharField("functie", max_length=FUNCTIE_MAX)
    naam = models.CharField("naam", max_length=NAAM_MAX, blank=True)
    telefoon = models.CharField("telefoon", max_length=TELEFOON_MAX)
    email = models.EmailField("e-mail", max_length=EMAIL_MAX, blank=True)
    bereikbaar = models.CharField("bereikbaar", max_length=BEREIKBAAR_MAX, blank=True)
    notitie = models.TextField("notitie", max_length=NOTITIE_MAX, blank=True)
    gecontroleerd_op = models.DateField("laatst gecontroleerd op", null=True, blank=True)

    history = HistoricalRecords(verbose_name="contact (geschiedenis)", get_user=wie_wijzigde)
    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["netwerk", "organisatie", "functie", "pk"]
        verbose_name = "contact"
        verbose_name_plural = "contacten"

    def __str__(self) -> str:
        wie = f"{self.functie} ({self.naam})" if self.naam else self.functie
        return f"{self.organisatie}: {wie}"

    @property
    def tel_uri(self) -> str:
        """The phone number for a tel: link: only "+" and digits (RFC 3966 global form)."""
        return re.sub(r"[^0-9+]", "", self.telefoon)

    def is_verouderd(self, vandaag: date | None = None) -> bool:
        return self.gecontroleerd_op is None or self.gecontroleerd_op < controlegrens(vandaag)
