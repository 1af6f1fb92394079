"""The daily reminder mail to each regisseur: the network's agreements whose evaluation is due
(Afspraak.objects.te_evalueren, the same list as "Evaluatie nodig" on the network page) and its
contacts not checked for six months (Contact.objects.niet_gecontroleerd, as on the contact list).

What a regisseur gets: a mail when something became due that they were not told about in the
last HERHAAL_NA_DAGEN days, and otherwise one reminder a week while anything stays open. Each
mail lists everything that is open in that network, so it never looks as if the rest was done.
Every item mailed is logged (leden.Herinnering) with the day, so a second run on the same day
sends nothing, and a run that fails to send records nothing (the next run tries again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from afspraken.models import Afspraak, Lidrol, Netwerk
from contacten.models import Contact
from leden.models import Herinnering

HERHAAL_NA_DAGEN = 7
Soort = Herinnering.Soort


@dataclass
class Mail:
    """One reminder: to one regisseur, about one network."""

    user: object
    netwerk: Netwerk
    evaluaties: list[Afspraak]
    contacten: list[Contact]

    def items(self) -> list[tuple[str, int]]:
        return [(Soort.EVALUATIE, a.pk) for a in self.evaluaties] + [
            (Soort.CONTACT, c.pk) for c in self.contacten
        ]


def _open_items(netwerk: Netwerk, vandaag: date) -> tuple[list[Afspraak], list[Contact]]:
    return (
        list(Afspraak.objects.te_evalueren(netwerk)),
        list(Contact.objects.van(netwerk).niet_gecontroleerd(vandaag)),
    )


def _regisseurs(netwerk: Netwerk):
    return [
        lid.user
        for lid in netwerk.lidmaatschappen.filter(
            rol=Lidrol.REGISSEUR, user__is_active=True
        ).select_related("user")
    ]


def mails_voor(netwerk: Netwerk, vandaag: date) -> tuple[list[Mail], list]:
    """The mails due today for this network's regisseurs, and the regisseurs skipped because
    they have no e-mail address."""
    evaluaties, contacten = _open_items(netwerk, vandaag)
    if not evaluaties and not contacten:
        return [], []
    open_items = {(Soort.EVALUATIE, a.pk) for a in evaluaties} | {
        (Soort.CONTACT, c.pk) for c in contacten
    }
    grens = vandaag - timedelta(days=HERHAAL_NA_DAGEN)
    mails, zonder_adres = [], []
    for user in _regisseurs(netwerk):
        recent = set(
            Herinnering.objects.filter(
                user=user, netwerk=netwerk, verstuurd_op__gt=grens
            ).values_list("soort", "object_id")
        )
        if not open_items - recent:
            continue
        if not user.email:
            zonder_adres.append(user)
            continue
        mails.append(Mail(user, netwerk, evaluaties, contacten))
    return mails, zonder_adres


def tekst(mail: Mail) -> tuple[str, str]:
    """Subject and body."""
    netwerk = mail.netwerk
    basis = settings.SITE_URL
    ctx = {
        "mail": mail,
        "netwerk": netwerk,
        "naam": mail.user.get_full_name() or mail.user.get_username(),
        "evaluaties": [
            (
                a,
                basis
                + reverse("afspraken:evaluatie-nieuw", args=[netwerk.slug])
                + f"?afspraak={a.pk}",
            )
            for a in mail.evaluaties
        ],
        "contacten": mail.contacten,
        "netwerk_link": basis + reverse("afspraken:netwerk", args=[netwerk.slug]),
        "contacten_link": basis + reverse("contacten:lijst", args=[netwerk.slug]),
        "account_link": basis + reverse("leden:account"),
    }
    onderwerp = f"Herinnering: afspraken en contacten van {netwerk.naam}"
    return onderwerp, render_to_string("leden/mail/herinnering.txt", ctx)


def stuur(vandaag: date, *, netwerken=None) -> tuple[list[Mail], list, list[Mail]]:
    """Send today's reminders, network by network. Each network's row is locked while its mails
    are sent and logged, so two runs at once send each mail once. A mail the mail server refuses
    is not logged (the next run tries again) and does not stop the others. Returns (sent,
    skipped for want of an address, failed)."""
    verstuurd, overgeslagen, mislukt = [], [], []
    for pk in (netwerken or Netwerk.objects.all()).values_list("pk", flat=True):
        with transaction.atomic():
            netwerk = Netwerk.objects.select_for_update().get(pk=pk)
            mails, zonder_adres = mails_voor(netwerk, vandaag)
            for mail in list(mails):
                onderwerp, body = tekst(mail)
                try:
                    send_mail(onderwerp, body, None, [mail.user.email])
                except (SMTPException, OSError):
                    mails.remove(mail)
                    mislukt.append(mail)
                    continue
                Herinnering.objects.bulk_create(
                    [
                        Herinnering(
                            user=mail.user,
                            netwerk=netwerk,
                            soort=soort,
                            object_id=object_id,
                            verstuurd_op=vandaag,
                        )
                        for soort, object_id in mail.items()
                    ],
                    ignore_conflicts=True,
                )
            verstuurd += mails
            overgeslagen += zonder_adres
    return verstuurd, overgeslagen, mislukt


def te_sturen(vandaag: date) -> tuple[list[Mail], list]:
    """What `stuur` would send today, without sending or recording anything (--dry-run)."""
    alles, overgeslagen = [], []
    for netwerk in Netwerk.objects.all():
        mails, zonder_adres = mails_voor(netwerk, vandaag)
        alles += mails
        overgeslagen += zonder_adres
    return alles, overgeslagen
