"""The live controls under real concurrent requests at `live_server` (two regisseurs, or one
double click): Start, Pauze and Verder at once leave one consistent timer, and many "Volgende
casus" sent from the same case move the beamer on one case. No 500, ever. Runs on SQLite (WAL,
IMMEDIATE transactions) and, with DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from afspraken.klok import klok_van
from afspraken.models import Lidrol, Netwerk, Sessie
from tests.afspraken.personas import maak_lid
from tests.afspraken.sessie_hulp import maak_sessie
from tests.afspraken.test_gelijktijdig_http import Regisseur, tegelijk

A = "gemeente-a"


@pytest.fixture
def sessie(live_content) -> Sessie:
    netwerk = Netwerk.objects.create(naam="Gemeente A", slug=A)
    return maak_sessie(netwerk)


@pytest.fixture
def regisseurs(live_server, sessie) -> list[Regisseur]:
    return [
        Regisseur(live_server.url, maak_lid(naam, sessie.netwerk, Lidrol.REGISSEUR))
        for naam in ("regisseur_a", "regisseur_a2")
    ]


def pad(sessie: Sessie, naam: str) -> str:
    return f"/afspraken/{A}/sessies/{sessie.pk}/live/{naam}/"


def test_sixteen_starts_at_once_start_the_timer_once(regisseurs, sessie):
    voor = timezone.now()
    antwoorden = tegelijk(
        [
            lambda i=i: regisseurs[i % 2].post(pad(sessie, "klok"), {"actie": "start"}, htmx=i % 3)
            for i in range(16)
        ]
    )
    assert {status for status, _ in antwoorden} == {200, 302}
    s = Sessie.objects.get(pk=sessie.pk)
    klok = klok_van(s)
    assert klok.loopt
    # One block, started once, during the requests: not sixteen blocks one after the other.
    assert s.klok_resterend == klok.totaal
    assert voor <= s.klok_gestart_op <= timezone.now()
    assert klok.eind - s.klok_gestart_op == timedelta(seconds=klok.totaal)


def test_pauses_and_resumes_at_once_leave_one_consistent_timer(regisseurs, sessie):
    regisseurs[0].post(pad(sessie, "klok"), {"actie": "start"})
    acties = ["pauze", "verder"] * 10
    antwoorden = tegelijk(
        [
            lambda i=i, a=a: regisseurs[i % 2].post(pad(sessie, "klok"), {"actie": a})
            for i, a in enumerate(acties)
        ]
    )
    assert {status for status, _ in antwoorden} == {302}
    s = Sessie.objects.get(pk=sessie.pk)
    klok = klok_van(s)
    # Running or paused, never both or neither, and never more time than the block.
    assert klok.loopt != klok.gepauzeerd
    assert 0 < klok.resterend <= klok.totaal
    assert s.klok_resterend is not None and s.klok_resterend <= klok.totaal


def test_many_volgende_casus_from_the_same_case_move_on_one_case(regisseurs, sessie):
    eerste, tweede = list(sessie.casussen.all())[:2]
    antwoorden = tegelijk(
        [
            lambda i=i: regisseurs[i % 2].post(
                pad(sessie, "beamer/casus"), {"volgende": "1", "van": eerste.pk}
            )
            for i in range(12)
        ]
    )
    assert {status for status, _ in antwoorden} == {302}
    assert Sessie.objects.get(pk=sessie.pk).huidige_casus_id == tweede.pk


def test_toon_verschillen_and_volgende_casus_at_once_never_fail(regisseurs, sessie):
    casussen = list(sessie.casussen.all())
    taken = []
    for i in range(16):
        if i % 2:
            taken.append(
                lambda i=i: regisseurs[i % 2].post(
                    pad(sessie, "beamer/verschillen"), {"tonen": "ja"}
                )
            )
        else:
            van = casussen[(i // 2) % 3]
            taken.append(
                lambda i=i, van=van: regisseurs[i % 2].post(
                    pad(sessie, "beamer/casus"), {"volgende": "1", "van": van.pk}
                )
            )
    antwoorden = tegelijk(taken)
    assert {status for status, _ in antwoorden} == {302}
    s = Sessie.objects.get(pk=sessie.pk)
    assert s.huidige_casus_id in {c.pk for c in casussen[1:4]}
