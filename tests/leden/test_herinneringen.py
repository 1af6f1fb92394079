"""`manage.py stuur_herinneringen`: each regisseur gets the due evaluations and the stale contacts
of their network, each due item once per day at most; a new item is mailed the day it becomes
due, and what stays open once a week; `--dry-run` sends and records nothing."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from smtplib import SMTPException

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from afspraken.models import Lidrol
from contacten.models import Contact
from leden.models import Herinnering
from tests.afspraken.personas import maak_afspraak, maak_lid

TZ = dt.timezone(dt.timedelta(hours=1))


def op(dag: int):
    """Noon in Amsterdam on day `dag` of March 2027."""
    return time_machine.travel(dt.datetime(2027, 3, dag, 12, tzinfo=TZ), tick=False)


def draai(*args) -> str:
    uit = StringIO()
    call_command("stuur_herinneringen", *args, stdout=uit, stderr=StringIO())
    return uit.getvalue()


@pytest.fixture
def regie(netwerk_a, regisseur_a):
    regisseur_a.email = "oov@gemeente-a.example"
    regisseur_a.save()
    return regisseur_a


@pytest.fixture
def wapens(netwerk_a, regie):
    """An agreement to evaluate on 1 March 2027."""
    return maak_afspraak(
        netwerk_a, tekst="Wapens: bel direct de wijkagent.", evaluatiedatum=dt.date(2027, 3, 1)
    )


class TestStuurHerinneringen:
    def test_a_due_evaluation_is_mailed_once_per_day(self, wapens):
        with op(1):
            draai()
            assert len(mail.outbox) == 1
            bericht = mail.outbox[0]
            assert bericht.to == ["oov@gemeente-a.example"]
            assert "Gemeente A" in bericht.subject
            assert "Wapens: bel direct de wijkagent." in bericht.body
            assert f"/afspraken/gemeente-a/evaluaties/nieuw/?afspraak={wapens.pk}" in bericht.body
            assert bericht.body.count("http://testserver") == 0
            draai()
            assert len(mail.outbox) == 1
        with op(2):
            draai()
        assert len(mail.outbox) == 1

    def test_what_stays_open_is_mailed_again_a_week_later(self, wapens):
        with op(1):
            draai()
        with op(7):
            draai()
        assert len(mail.outbox) == 1
        with op(8):
            draai()
            draai()
        assert len(mail.outbox) == 2

    def test_a_newly_due_item_is_mailed_the_day_it_is_due_with_everything_open(
        self, netwerk_a, wapens
    ):
        with op(1):
            draai()
        maak_afspraak(
            netwerk_a, tekst="Drugs: meld bij het OOV.", evaluatiedatum=dt.date(2027, 3, 3)
        )
        with op(2):
            draai()
        assert len(mail.outbox) == 1
        with op(3):
            draai()
        assert len(mail.outbox) == 2
        assert "Drugs: meld bij het OOV." in mail.outbox[1].body
        assert "Wapens: bel direct de wijkagent." in mail.outbox[1].body

    def test_an_evaluated_agreement_is_no_longer_mailed(self, wapens):
        with op(1):
            draai()
        wapens.evaluatiedatum = dt.date(2027, 9, 1)
        wapens.save()
        with op(8):
            draai()
        assert len(mail.outbox) == 1

    def test_stale_contacts_are_mailed_as_the_contact_list_flags_them(self, netwerk_a, regie):
        for organisatie, functie, telefoon, gecontroleerd_op in [
            ("Politie", "jeugdagent", "0612345678", dt.date(2026, 8, 31)),
            ("Boa", "jeugdboa", "0687654321", dt.date(2026, 9, 2)),
        ]:
            Contact.objects.create(
                netwerk=netwerk_a,
                organisatie=organisatie,
                functie=functie,
                telefoon=telefoon,
                gecontroleerd_op=gecontroleerd_op,
            )
        with op(1):
            draai()
        body = mail.outbox[0].body
        assert "Politie: jeugdagent" in body and "jeugdboa" not in body
        assert "/afspraken/gemeente-a/contacten/" in body

    def test_every_regisseur_of_every_network_gets_their_own_and_partners_nothing(
        self, netwerk_a, netwerk_b, wapens, partner_a, regisseur_b
    ):
        partner_a.email = "partner@example.org"
        partner_a.save()
        tweede = maak_lid("tweede", netwerk_a, Lidrol.REGISSEUR)
        tweede.email = "tweede@gemeente-a.example"
        tweede.save()
        regisseur_b.email = "oov@gemeente-b.example"
        regisseur_b.save()
        maak_afspraak(netwerk_b, tekst="Van B.", evaluatiedatum=dt.date(2027, 2, 1))
        with op(1):
            draai()
        per_adres = {b.to[0]: b.body for b in mail.outbox}
        assert set(per_adres) == {
            "oov@gemeente-a.example",
            "tweede@gemeente-a.example",
            "oov@gemeente-b.example",
        }
        assert "Van B." not in per_adres["oov@gemeente-a.example"]
        assert "bel direct de wijkagent" not in per_adres["oov@gemeente-b.example"]

    def test_nothing_due_sends_nothing(self, netwerk_a, regie):
        maak_afspraak(netwerk_a, evaluatiedatum=dt.date(2027, 3, 2))
        with op(1):
            assert "0 herinnering(en) verstuurd." in draai()
        assert not mail.outbox and not Herinnering.objects.exists()

    def test_dry_run_prints_and_sends_and_records_nothing(self, wapens):
        with op(1):
            uit = draai("--dry-run")
            assert "Zou versturen: oov@gemeente-a.example (Gemeente A): 1 te evalueren" in uit
            assert not mail.outbox and not Herinnering.objects.exists()
            # The real run afterwards still sends.
            draai()
        assert len(mail.outbox) == 1

    def test_a_regisseur_without_an_address_is_reported(self, netwerk_a, regisseur_a):
        maak_afspraak(netwerk_a, evaluatiedatum=dt.date(2027, 3, 1))
        fout = StringIO()
        with op(1):
            call_command("stuur_herinneringen", stdout=StringIO(), stderr=fout)
        assert "regisseur_a heeft geen e-mailadres" in fout.getvalue()
        assert not mail.outbox


class TestMailserverWeigert:
    def test_a_refused_mail_is_not_logged_and_sent_on_the_next_run(self, wapens, monkeypatch):
        def weigert(*args, **kwargs):
            raise SMTPException("weg")

        monkeypatch.setattr("leden.herinneringen.send_mail", weigert)
        with op(1), pytest.raises(CommandError, match="1 herinnering"):
            draai()
        assert not Herinnering.objects.exists()
        monkeypatch.undo()
        with op(1):
            draai()
        assert len(mail.outbox) == 1 and Herinnering.objects.count() == 1
