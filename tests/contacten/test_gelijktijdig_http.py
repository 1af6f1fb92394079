"""Real concurrent requests at `live_server` on the contact list: no 500, no lost write, and of
several saves of the same revisie exactly one wins (the others see the conflict)."""

from __future__ import annotations

import pytest

from afspraken.models import Lidrol, Netwerk
from contacten.models import Contact
from tests.afspraken.personas import maak_lid
from tests.afspraken.test_gelijktijdig_http import A, Regisseur, tegelijk
from tests.contacten.conftest import maak_contact, velden


@pytest.fixture
def netwerk(live_content) -> Netwerk:
    return Netwerk.objects.create(naam="Gemeente A", slug=A)


def _regisseurs(live_server, netwerk) -> list[Regisseur]:
    return [
        Regisseur(live_server.url, maak_lid(naam, netwerk, Lidrol.REGISSEUR))
        for naam in ("regisseur_a", "regisseur_a2")
    ]


def test_of_sixteen_saves_of_one_revisie_exactly_one_wins(live_server, netwerk):
    regisseurs = _regisseurs(live_server, netwerk)
    contact = maak_contact(netwerk)
    pad = f"/afspraken/{A}/contacten/{contact.pk}/wijzigen/"
    taken = [
        (lambda i=i: regisseurs[i % 2].post(pad, velden(contact, functie=f"Functie {i}")))
        for i in range(16)
    ]
    responses = tegelijk(taken)
    statussen = sorted(s for s, _ in responses)
    assert statussen == [302] + [409] * 15
    winnaar = next(i for i, (s, _) in enumerate(responses) if s == 302)
    contact.refresh_from_db()
    assert (contact.functie, contact.revisie) == (f"Functie {winnaar}", 2)
    assert contact.history.count() == 2


def test_twenty_additions_and_checks_at_once_lose_nothing(live_server, netwerk):
    regisseurs = _regisseurs(live_server, netwerk)
    bestaand = maak_contact(netwerk, organisatie="Bestaand")
    taken = [
        (
            lambda i=i: regisseurs[i % 2].post(
                f"/afspraken/{A}/contacten/nieuw/", velden(organisatie=f"Org {i}")
            )
        )
        for i in range(20)
    ]
    taken += [
        (
            lambda i=i: regisseurs[i % 2].post(
                f"/afspraken/{A}/contacten/{bestaand.pk}/gecontroleerd/",
                {"revisie": "1"},
                htmx=True,
            )
        )
        for i in range(4)
    ]
    responses = tegelijk(taken)
    assert all(s in (200, 302) for s, _ in responses), [s for s, _ in responses]
    assert Contact.objects.filter(organisatie__startswith="Org ").count() == 20
    bestaand.refresh_from_db()
    assert bestaand.revisie == 2  # one "Gecontroleerd" of revisie 1 won
    assert bestaand.gecontroleerd_op is not None
    assert sum("intussen gewijzigd" in html for _, html in responses[20:]) == 3
