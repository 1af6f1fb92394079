"""Real concurrent requests at `live_server` for the phones of a live session: a participant and
the regisseur saving the same answer at the same moment (exactly one wins, the other is shown
the conflict with what they typed still there, nothing lost), and a room of phones saving their
own answers at once (all kept). Plain HTTP from a thread pool, as in test_gelijktijdig_http.py;
runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import secrets
import string
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.core import signing

from afspraken import deelname
from afspraken.models import Deelnemer, Inbreng, Lidrol, Sessie
from tests.afspraken.personas import maak_lid
from tests.afspraken.sessie_hulp import maak_sessie
from tests.afspraken.test_gelijktijdig_http import A, Regisseur, _GeenDoorsturen, netwerk, tegelijk

__all__ = ["netwerk"]  # the fixture, imported for this module


class Telefoon(Regisseur):
    """A participant's phone over real HTTP: the signed claim cookie of its name (as "Wie ben
    jij?" sets it) and a CSRF secret of its own; it posts as the regisseur's browser does."""

    def __init__(self, basis: str, sessie: Sessie, deelnemer: Deelnemer):
        geheim = deelname.claim(deelnemer, overnemen=True)
        claim = signing.dumps({"d": deelnemer.pk, "c": geheim}, salt=deelname.COOKIE_SALT)
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.cookie = (
            f"{deelname.cookie_naam(sessie)}={claim}; {settings.CSRF_COOKIE_NAME}={self.csrf}"
        )
        self.basis = basis
        self.opener = urllib.request.build_opener(_GeenDoorsturen)


@pytest.fixture
def sessie(netwerk) -> Sessie:
    s = maak_sessie(netwerk)
    deelname.geef_code(s)
    eerste = s.eerste_casus()
    eerste.deelnemers.set(s.deelnemers.all())
    return s


def test_a_participant_and_the_regisseur_saving_one_answer_at_once(live_server, sessie, netwerk):
    regisseur = Regisseur(live_server.url, maak_lid("regisseur_a", netwerk, Lidrol.REGISSEUR))
    sc = sessie.eerste_casus()
    ayla = sessie.deelnemers.get(naam="Ayla")
    telefoon = Telefoon(live_server.url, sessie, ayla)
    pad_telefoon = f"/doe-mee/{sessie.code}/casussen/{sc.casus.slug}/"
    pad_regie = f"/afspraken/{A}/sessies/{sessie.pk}/casussen/{sc.casus.slug}/"

    revisie = 0
    for ronde in range(6):
        van_telefoon = f"Telefoon {ronde}"
        van_regie = f"Regie {ronde}"
        # Both loaded the answer at the same revisie, and save at the same moment.
        telefoon_data = {f"c{sc.pk}-revisie": revisie, f"c{sc.pk}-duiding": van_telefoon}
        regie_data = {f"d{ayla.pk}-revisie": revisie, f"d{ayla.pk}-duiding": van_regie}
        responses = tegelijk(
            [
                lambda d=telefoon_data: telefoon.post(pad_telefoon, d),
                lambda d=regie_data: regisseur.post(pad_regie, d),
            ]
        )
        statussen = [s for s, _ in responses]
        assert sorted(statussen) == [302, 409], statussen
        a = Inbreng.objects.get(sessie=sessie, casus=sc.casus, deelnemer=ayla)
        assert a.revisie == revisie + 1  # exactly one save
        winnaar, verliezer = (
            (van_telefoon, van_regie) if statussen[0] == 302 else (van_regie, van_telefoon)
        )
        assert a.duiding == winnaar
        html = responses[statussen.index(409)][1]
        # The loser sees what was saved meanwhile and still has their own text to save again.
        assert f'value="{verliezer}"' in html
        assert winnaar in html
        assert "Intussen opgeslagen" in html
        revisie = a.revisie


def test_a_room_of_phones_saving_their_own_answers_at_once_keeps_every_one(live_server, sessie):
    sc = sessie.eerste_casus()
    deelnemers = list(sessie.deelnemers.all())
    telefoons = [Telefoon(live_server.url, sessie, d) for d in deelnemers]
    pad = f"/doe-mee/{sessie.code}/casussen/{sc.casus.slug}/"
    responses = tegelijk(
        [
            lambda t=t, d=d: t.post(
                pad,
                {
                    f"c{sc.pk}-revisie": 0,
                    f"c{sc.pk}-duiding": f"Van {d.naam}",
                    f"c{sc.pk}-partners": ["politie"],
                    f"c{sc.pk}-ingrijpen": "ja",
                },
            )
            for t, d in zip(telefoons * 2, deelnemers * 2, strict=True)
        ]
    )
    statussen = [s for s, _ in responses]
    assert 500 not in statussen
    # Each phone posted twice from revisie 0: one of its two wins, the other is a conflict.
    assert sorted(statussen) == [302] * len(deelnemers) + [409] * len(deelnemers)
    opgeslagen = Inbreng.objects.filter(sessie=sessie, casus=sc.casus)
    assert sorted((a.deelnemer.naam, a.duiding, a.revisie) for a in opgeslagen) == sorted(
        (d.naam, f"Van {d.naam}", 1) for d in deelnemers
    )
    assert all(a.partners == ["politie"] and a.partners_betrekken == "ja" for a in opgeslagen)
