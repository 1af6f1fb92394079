"""Real concurrent requests at `live_server`: regisseurs writing at once never get a 500, and no
acknowledged write is lost. Each test fires its requests from a small thread pool over plain
HTTP (urllib) and then counts what is in the database. Runs on SQLite (WAL, IMMEDIATE
transactions) and, with DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import secrets
import string
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client

from afspraken.models import Afspraak, Inbreng, Lidrol, Netwerk, Publicatie, Sessie, half_jaar_na
from tests.afspraken.personas import maak_afspraak, maak_lid
from tests.afspraken.sessie_hulp import maak_sessie

A = "gemeente-a"
WERKERS = 8


class _GeenDoorsturen(urllib.request.HTTPRedirectHandler):
    """Keep a 302 as the answer: it is what acknowledges a write."""

    def redirect_request(self, *args, **kwargs):
        return None


class Regisseur:
    """One logged-in browser, over real HTTP: the session cookie of a force_login, and a CSRF
    secret of its own in both the cookie and the form."""

    def __init__(self, basis: str, user):
        client = Client()
        client.force_login(user)
        sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.cookie = (
            f"{settings.SESSION_COOKIE_NAME}={sessie}; {settings.CSRF_COOKIE_NAME}={self.csrf}"
        )
        self.basis = basis
        self.opener = urllib.request.build_opener(_GeenDoorsturen)

    def post(self, pad: str, data: dict, htmx: bool = False) -> tuple[int, str]:
        body = urlencode(data | {"csrfmiddlewaretoken": self.csrf}, doseq=True).encode()
        headers = {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"}
        if htmx:
            headers["HX-Request"] = "true"
        verzoek = urllib.request.Request(self.basis + pad, data=body, headers=headers)
        try:
            with self.opener.open(verzoek, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as fout:
            return fout.code, fout.read().decode()


def tegelijk(taken: list) -> list[tuple[int, str]]:
    """Run the callables from a pool of WERKERS threads; the first WERKERS start together (at a
    barrier), the rest as soon as a thread is free. Their responses, in order."""
    start = threading.Barrier(min(len(taken), WERKERS))

    def doe(nummer_en_taak):
        nummer, taak = nummer_en_taak
        if nummer < start.parties:
            start.wait(timeout=10)
        return taak()

    with ThreadPoolExecutor(max_workers=WERKERS) as pool:
        return list(pool.map(doe, enumerate(taken)))


def wijzig_data(afspraak: Afspraak, revisie: int, tekst: str, **extra) -> dict:
    p = f"a{afspraak.pk}"
    data = {
        f"{p}-soort": afspraak.soort_id,
        f"{p}-tekst": tekst,
        f"{p}-wie": afspraak.wie,
        f"{p}-status": afspraak.status,
        f"{p}-revisie": revisie,
    }
    if afspraak.evaluatiedatum:
        data[f"{p}-evaluatiedatum"] = afspraak.evaluatiedatum.isoformat()
    return data | extra


def nieuw_data(soort_pk: int, tekst: str) -> dict:
    return {
        "nieuw-soort": soort_pk,
        "nieuw-tekst": tekst,
        "nieuw-wie": "Politie",
        "nieuw-status": "vastgesteld",
    }


@pytest.fixture
def netwerk(live_content) -> Netwerk:
    return Netwerk.objects.create(naam="Gemeente A", slug=A)


@pytest.fixture
def regisseurs(live_server, netwerk) -> list[Regisseur]:
    """Two regisseurs of network A, each with their own browser."""
    return [
        Regisseur(live_server.url, maak_lid(naam, netwerk, Lidrol.REGISSEUR))
        for naam in ("regisseur_a", "regisseur_a2")
    ]


def test_fifty_mixed_writes_at_once_give_no_500_and_lose_nothing(regisseurs, netwerk):
    rijen = [maak_afspraak(netwerk, tekst=f"Rij {i}") for i in range(6)]
    sessie = maak_sessie(netwerk, casussen=[], deelnemers=[])
    uit_sessie = [
        maak_afspraak(netwerk, tekst=f"Sessie {i}", sessie=sessie, status="concept")
        for i in range(2)
    ]
    soort = rijen[0].soort_id
    taken, soorten = [], []
    for i in range(50):
        r = regisseurs[i % 2]
        soort_taak = ("nieuw", "verplaatsen", "wijzigen", "publiceren", "afronden")[i % 5]
        if soort_taak == "nieuw":
            taak = (r, f"/afspraken/{A}/nieuw/", nieuw_data(soort, f"Nieuw {i}"))
        elif soort_taak == "verplaatsen":
            rij = rijen[i % len(rijen)]
            richting = "op" if i % 2 else "neer"
            taak = (r, f"/afspraken/{A}/{rij.pk}/verplaatsen/", {"richting": richting})
        elif soort_taak == "wijzigen":
            rij = rijen[i % len(rijen)]
            taak = (r, f"/afspraken/{A}/{rij.pk}/wijzigen/", wijzig_data(rij, 1, f"Edit {i}"))
        elif soort_taak == "publiceren":
            taak = (r, f"/afspraken/{A}/publiceren/", {"notitie": f"Versie {i}"})
        else:
            taak = (r, f"/afspraken/{A}/sessies/{sessie.pk}/afronden/", {"bevestigd": "ja"})
        taken.append(taak)
        soorten.append((soort_taak, taak[2]))

    responses = tegelijk([lambda t=t: t[0].post(t[1], t[2]) for t in taken])

    statussen = [status for status, _ in responses]
    assert 500 not in statussen
    assert set(statussen) <= {302, 409}
    for (soort_taak, data), (status, _) in zip(soorten, responses, strict=True):
        if status != 302:
            assert soort_taak == "wijzigen"  # only a stale edit may be refused
            continue
        if soort_taak == "nieuw":
            assert Afspraak.objects.filter(tekst=data["nieuw-tekst"]).count() == 1
        elif soort_taak == "wijzigen":
            tekst = next(v for k, v in data.items() if k.endswith("-tekst"))
            assert Afspraak.history.filter(tekst=tekst).exists()
        elif soort_taak == "publiceren":
            assert Publicatie.objects.filter(notitie=data["notitie"]).count() == 1
    # Each row had six edits of revisie 1 between the other writes: exactly one per row won.
    for rij in rijen:
        gewonnen = [
            s
            for (t, d), (s, _) in zip(soorten, responses, strict=True)
            if t == "wijzigen" and f"a{rij.pk}-tekst" in d and s == 302
        ]
        assert len(gewonnen) <= 1
    gepubliceerd = sum(
        t == "publiceren" and s == 302 for (t, _), (s, _) in zip(soorten, responses, strict=True)
    )
    nummers = sorted(Publicatie.objects.filter(netwerk=netwerk).values_list("nummer", flat=True))
    assert nummers == list(range(1, gepubliceerd + 1))
    volgordes = list(Afspraak.objects.filter(netwerk=netwerk).values_list("volgorde", flat=True))
    assert len(volgordes) == len(set(volgordes))
    sessie.refresh_from_db()
    assert sessie.status == Sessie.Status.AFGEROND
    for a in uit_sessie:
        a.refresh_from_db()
        assert a.status == Afspraak.Status.VASTGESTELD
        assert a.evaluatiedatum == half_jaar_na(sessie.datum)


def test_two_saves_of_the_same_version_one_wins_one_sees_the_conflict(regisseurs, netwerk):
    for ronde in range(4):
        afspraak = maak_afspraak(netwerk, tekst=f"Ronde {ronde}")
        teksten = [f"Eerste {ronde}", f"Tweede {ronde}"]
        pad = f"/afspraken/{A}/{afspraak.pk}/wijzigen/"
        responses = tegelijk(
            [
                lambda r=r, t=t, pad=pad, a=afspraak: r.post(pad, wijzig_data(a, 1, t))
                for r, t in zip(regisseurs, teksten, strict=True)
            ]
        )
        assert sorted(s for s, _ in responses) == [302, 409]
        winnaar = teksten[[s for s, _ in responses].index(302)]
        verliezer, (_, html) = next(
            (t, a) for t, a in zip(teksten, responses, strict=True) if a[0] == 409
        )
        afspraak.refresh_from_db()
        assert (afspraak.tekst, afspraak.revisie) == (winnaar, 2)
        assert afspraak.history.count() == 2  # created, and the one winning save
        assert f"{verliezer}</textarea>" in html
        assert "Jouw versie (niet opgeslagen)" in html


def test_evaluation_blijft_racing_an_edit_never_loses_the_edit(regisseurs, netwerk):
    eva, edit = regisseurs
    for ronde in range(6):
        afspraak = maak_afspraak(netwerk, tekst=f"Ronde {ronde}", evaluatiedatum=date(2026, 9, 12))
        tekst = f"Edit in ronde {ronde}"
        evaluatie = {"datum": "2026-09-14", "conclusie": "blijft", "afspraken": [afspraak.pk]}
        (s_eva, _), (s_edit, html) = tegelijk(
            [
                lambda e=evaluatie: eva.post(f"/afspraken/{A}/evaluaties/nieuw/", e),
                lambda a=afspraak, t=tekst: edit.post(
                    f"/afspraken/{A}/{a.pk}/wijzigen/", wijzig_data(a, 1, t)
                ),
            ]
        )
        assert s_eva == 302
        assert s_edit in (302, 409)
        afspraak.refresh_from_db()
        assert afspraak.evaluatiedatum == date(2027, 3, 14)
        if s_edit == 302:
            assert afspraak.tekst == tekst
            assert afspraak.revisie == 3
        else:
            # The evaluation came first: the edit was refused openly, with the text kept.
            assert f"{tekst}</textarea>" in html
            assert afspraak.revisie == 2


def test_eight_first_saves_of_a_cases_answers_at_once_give_no_500(regisseurs, netwerk):
    sessie = maak_sessie(netwerk)
    casus = sessie.eerste_casus().casus
    deelnemers = list(sessie.deelnemers.all())
    pad = f"/afspraken/{A}/sessies/{sessie.pk}/casussen/{casus.slug}/"

    def data(i: int) -> dict:
        velden = {}
        for d in deelnemers:
            velden[f"d{d.pk}-duiding"] = f"Duiding {i} van {d.naam}"
            velden[f"d{d.pk}-revisie"] = 0
        return velden

    responses = tegelijk(
        [lambda i=i: regisseurs[i % 2].post(pad, data(i), htmx=i % 2 == 0) for i in range(8)]
    )
    statussen = [s for s, _ in responses]
    assert 500 not in statussen
    assert set(statussen) <= {200, 302, 409}
    opgeslagen = list(Inbreng.objects.filter(sessie=sessie, casus=casus))
    assert sorted(a.deelnemer_id for a in opgeslagen) == sorted(d.pk for d in deelnemers)
    assert all(a.revisie == 1 for a in opgeslagen)
    # Every stored answer is what one of the eight typed (and all from one save: the first).
    posten = {a.duiding.split(" van ")[0] for a in opgeslagen}
    assert len(posten) == 1


def test_forty_agreements_added_at_once_get_distinct_positions(regisseurs, netwerk):
    soort = maak_afspraak(netwerk).soort_id
    responses = tegelijk(
        [
            lambda i=i: regisseurs[i % 2].post(
                f"/afspraken/{A}/nieuw/", nieuw_data(soort, f"Tegelijk {i}")
            )
            for i in range(40)
        ]
    )
    assert [s for s, _ in responses] == [302] * 40
    volgordes = list(Afspraak.objects.filter(netwerk=netwerk).values_list("volgorde", flat=True))
    assert len(volgordes) == 41
    assert sorted(volgordes) == list(range(1, 42))


def test_one_case_type_added_eight_times_at_once_exists_once(regisseurs, netwerk):
    responses = tegelijk(
        [
            lambda i=i: regisseurs[i % 2].post(f"/afspraken/{A}/soorten/", {"naam": "Vuurwerk"})
            for i in range(8)
        ]
    )
    statussen = sorted(s for s, _ in responses)
    assert statussen == [200] * 7 + [302]
    assert all(
        "Deze soort casus bestaat al in dit netwerk." in html
        for status, html in responses
        if status == 200
    )
    assert netwerk.soorten.filter(naam="Vuurwerk").count() == 1
