"""Two regisseurs removing (or demoting) each other at the same moment, over real HTTP at
live_server: exactly one of them goes, and the network keeps a regisseur. Without the lock in
leden.diensten both would read "two regisseurs" and both would go."""

from __future__ import annotations

import pytest

from afspraken.models import Lidmaatschap, Lidrol, Netwerk
from tests.afspraken.personas import maak_lid
from tests.afspraken.test_gelijktijdig_http import Regisseur, tegelijk

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

        antwoorden = tegelijk([doe(een, lid_twee), doe(twee, lid_een)])
        statussen = sorted(status for status, _ in antwoorden)
        # Both are answered (the refused one with a message), or the second comes in when its
        # sender is no longer a member (404) or no longer a regisseur (403); never a 500.
        assert statussen in ([302, 302], [302, 403], [302, 404]), statussen
        regisseurs = Lidmaatschap.objects.filter(netwerk=netwerk, rol=Lidrol.REGISSEUR)
        assert regisseurs.count() == 1, f"ronde {ronde}: {list(regisseurs)}"
        # Clean up for the next round: no regisseur from this round stays.
        Lidmaatschap.objects.filter(netwerk=netwerk).delete()
