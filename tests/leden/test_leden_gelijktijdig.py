"""Read-modify-writes of accounts and members, over real HTTP at live_server. Two regisseurs
removing (or demoting) each other at the same moment: exactly one of them goes, and the network
keeps a regisseur (without the lock in leden.diensten both read "two regisseurs" and both go).
One invitation link posted twice at once: one account, the other request told it was used."""

from __future__ import annotations

import secrets
import string
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache

from afspraken.models import Lidmaatschap, Lidrol, Netwerk
from leden import uitnodigingen
from tests.afspraken.personas import maak_lid
from tests.afspraken.test_gelijktijdig_http import Regisseur, _GeenDoorsturen, tegelijk

RONDES = 3


@pytest.fixture
def netwerk(transactional_db):
    return Netwerk.objects.create(naam="Gemeente A", slug="gemeente-a")


@pytest.mark.parametrize("actie", ["verwijderen", "rol"])
def test_two_regisseurs_removing_each_other_at_once_leave_one(live_server, netwerk, actie):
    for ronde in range(RONDES):
        een = maak_lid(f"een{ronde}", netwerk, Lidrol.REGISSEUR)
        twee = maak_lid(f"twee{ronde}", netwerk, Lidrol.REGISSEUR)
        lid_een, lid_twee = (Lidmaatschap.objects.get(user=u) for u in (een, twee))

        def doe(door, ander):
            pad = f"/afspraken/gemeente-a/leden/{ander.pk}/{actie}/"
            data = {"rol": "partner"} if actie == "rol" else {}
            browser = Regisseur(live_server.url, door)
            return lambda: browser.post(pad, data)

        responses = tegelijk([doe(een, lid_twee), doe(twee, lid_een)])
        statussen = sorted(status for status, _ in responses)
        # Both are answered (the refused one with a message), or the second comes in when its
        # sender is no longer a member (404) or no longer a regisseur (403); never a 500.
        assert statussen in ([302, 302], [302, 403], [302, 404]), statussen
        regisseurs = Lidmaatschap.objects.filter(netwerk=netwerk, rol=Lidrol.REGISSEUR)
        assert regisseurs.count() == 1, f"ronde {ronde}: {list(regisseurs)}"
        # Clean up for the next round: no regisseur from this round stays.
        Lidmaatschap.objects.filter(netwerk=netwerk).delete()


def _anoniem_post(basis: str, pad: str, data: dict) -> tuple[int, str]:
    """A POST from a browser without a login: its own CSRF secret in cookie and form."""
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    body = urlencode(data | {"csrfmiddlewaretoken": csrf}).encode()
    headers = {
        "Cookie": f"{settings.CSRF_COOKIE_NAME}={csrf}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    verzoek = urllib.request.Request(basis + pad, data=body, headers=headers)
    try:
        with urllib.request.build_opener(_GeenDoorsturen).open(verzoek, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode()


def test_one_invitation_posted_twice_at_once_makes_one_account(live_server, netwerk):
    cache.clear()
    wachtwoord = "rode-tulp-2027-lang"
    for ronde in range(RONDES):
        email = f"sam{ronde}@politie.example"
        u, token = uitnodigingen.maak(
            netwerk, email=email, rol=Lidrol.PARTNER, organisatie="Politie", door=None
        )
        pad = f"/uitnodiging/{token}/"
        data = {"naam": "Sam", "wachtwoord1": wachtwoord, "wachtwoord2": wachtwoord}
        responses = tegelijk([lambda p=pad, d=data: _anoniem_post(live_server.url, p, d)] * 2)
        statussen = sorted(status for status, _ in responses)
        assert statussen == [302, 410], statussen
        assert "Deze uitnodiging is al gebruikt" in next(t for s, t in responses if s == 410)
        user = get_user_model().objects.get(email=email)
        u.refresh_from_db()
        assert u.gebruikt_door == user
        assert Lidmaatschap.objects.filter(user=user, netwerk=netwerk).count() == 1
    cache.clear()
