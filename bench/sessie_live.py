"""Load of a live vredestijd session (issue 11): 30 participants whose phones poll their status
fragment every 2 s, plus the facilitator's live case screen and the beamer polling theirs, for
60 s, against gunicorn as production runs it (bench/server.py: 2 workers, 4 threads, DEBUG off,
a scratch SQLite database). The session is mid-meeting: the timer runs, every participant holds
cases, 20 have answered the case on screen (so the differences are counted on every poll).

Each participant is its own HTTP client with its own claim cookie, as its phone would be; the
polls are spread evenly over the 2 s period. Per kind: p50/p95/p99 and errors.

    .venv/bin/python bench/sessie_live.py [--seconden 60] [--deelnemers 30]

Goals: 0 errors, p95 < 200 ms for every kind. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import THREADS, WORKERS, site  # noqa: E402

PERIODE = 2.0  # seconds between two polls of one screen
DOEL_P95 = 200.0  # ms
BEANTWOORD = 20

# Run inside the scratch site (manage.py shell -c): the network, its regisseur (logged in), a
# session of N participants with the cases dealt, a running timer, answers, and each
# participant's claim cookie; written as JSON to the path given.
VOORBEREIDING = """
import json
from django.test import Client
from django.core import signing
from django.utils import timezone
from afspraken import deelname, vredestijd
from afspraken.models import Deelnemer, Inbreng, Lidmaatschap, Lidrol, Netwerk, Sessie, SessieCasus
from casussen.models import Casus, Modus
from routekaart.models import Actie
from django.contrib.auth import get_user_model

n, uit, beantwoord = {n}, {uit!r}, {beantwoord}
netwerk = Netwerk.objects.create(naam="Benchgemeente", slug="benchgemeente")
user = get_user_model().objects.create_user("bench_oov", password="een-lang-wachtwoord-2026")
Lidmaatschap.objects.create(user=user, netwerk=netwerk, rol=Lidrol.REGISSEUR)
sessie = Sessie.objects.create(netwerk=netwerk, datum=timezone.localdate(), plaats="Zaal 1")
deelnemers = [
    Deelnemer.objects.create(sessie=sessie, naam=f"Deelnemer {{i + 1}}", werkt_online=i % 2 == 0,
                             volgorde=i)
    for i in range(n)
]
casussen = [SessieCasus.objects.create(sessie=sessie, casus=c, volgorde=i)
            for i, c in enumerate(Casus.objects.all())]
verdeling = vredestijd.verdeel(
    [vredestijd.Verdeelcasus(sc.pk, sc.casus.titel, sc.casus.modus == Modus.ONLINE) for sc in casussen],
    [vredestijd.Persoon(d.pk, d.naam, d.werkt_online) for d in deelnemers],
)
for sc in casussen:
    sc.deelnemers.set(verdeling.per_casus[sc.pk])
eerste = casussen[0]
slugs = list(Actie.objects.values_list("slug", flat=True))
for i, d in enumerate(deelnemers[:beantwoord]):
    Inbreng.objects.bewaar(
        sessie=sessie, casus=eerste.casus, deelnemer=d, geladen_revisie=0,
        duiding=f"Duiding {{i}}", partners_betrekken="ja" if i % 3 else "nee",
        partners=["politie", "school"] if i % 3 else [], ingrijpen="ja" if i % 2 else "nee",
        actie="anders" if i % 4 == 0 else slugs[i % 3], actie_anders="Bellen" if i % 4 == 0 else "",
    )
deelname.geef_code(sessie)
Sessie.objects.filter(pk=sessie.pk).update(
    status=Sessie.Status.BEZIG, huidige_casus=eerste, klok_gestart_op=timezone.now()
)
client = Client()
client.force_login(user)
from django.conf import settings
cookies = {{}}
for d in deelnemers:
    geheim = deelname.claim(d)
    cookies[d.pk] = signing.dumps({{"d": d.pk, "c": geheim}}, salt=deelname.COOKIE_SALT)
json.dump({{
    "code": sessie.code,
    "sessie": sessie.pk,
    "casus": eerste.casus.slug,
    "regie": f"{{settings.SESSION_COOKIE_NAME}}={{client.cookies[settings.SESSION_COOKIE_NAME].value}}",
    "telefoons": [f"{{deelname.cookie_naam(sessie)}}={{c}}" for c in cookies.values()],
}}, open(uit, "w"))
"""


def _percentiel(gesorteerd: list[float], procent: float) -> float:
    if not gesorteerd:
        return float("nan")
    return gesorteerd[min(len(gesorteerd) - 1, int(len(gesorteerd) * procent / 100))]


class Scherm(threading.Thread):
    """One screen that polls `pad` every PERIODE seconds, from `begin` until `eind`. Each poll
    opens its own connection, as a reverse proxy in front of gunicorn does (bench/last.py):
    gunicorn closes an idle kept-alive connection after 2 s, exactly the polling period, and a
    browser silently retries a GET on a connection closed under it; a bench client would count
    that race as an error of the site."""

    def __init__(self, soort: str, basis: str, pad: str, cookie: str, begin: float, eind: float):
        super().__init__(daemon=True)
        self.soort, self.pad, self.cookie = soort, pad, cookie
        self.host, poort = basis.removeprefix("http://").split(":")
        self.poort = int(poort)
        self.begin, self.eind = begin, eind
        self.tijden: list[float] = []
        self.fouten: list[str] = []

    def run(self) -> None:
        volgende = self.begin
        while volgende < self.eind:
            time.sleep(max(0.0, volgende - time.perf_counter()))
            start = time.perf_counter()
            verbinding = http.client.HTTPConnection(self.host, self.poort, timeout=10)
            try:
                verbinding.request(
                    "GET", self.pad, headers={"Cookie": self.cookie, "HX-Request": "true"}
                )
                antwoord = verbinding.getresponse()
                antwoord.read()
                if antwoord.status != 200:
                    self.fouten.append(f"HTTP {antwoord.status}")
                else:
                    self.tijden.append((time.perf_counter() - start) * 1000)
            except (OSError, http.client.HTTPException) as fout:
                self.fouten.append(type(fout).__name__)
            finally:
                verbinding.close()
            volgende += PERIODE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconden", type=int, default=60)
    parser.add_argument("--deelnemers", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="routekaart-sessie-live-") as map_:
        uit = str(Path(map_) / "sessie.json")
        code = VOORBEREIDING.format(n=args.deelnemers, uit=uit, beantwoord=BEANTWOORD)
        with site(voorbereiding=[["shell", "-c", code]]) as basis:
            gegevens = json.loads(Path(uit).read_text())
            telefoon_pad = f"/doe-mee/{gegevens['code']}/status/"
            sessie = f"/afspraken/benchgemeente/sessies/{gegevens['sessie']}"
            regie_pad = f"{sessie}/casussen/{gegevens['casus']}/"
            beamer_pad = f"{sessie}/live/beamer/"
            schermen_def = [("telefoon", telefoon_pad, c) for c in gegevens["telefoons"]]
            schermen_def += [
                ("regisseur", regie_pad, gegevens["regie"]),
                ("beamer", beamer_pad, gegevens["regie"]),
            ]
            # Warm up: every thread of both workers, the templates, the content snapshot.
            warm = time.perf_counter() + 0.2
            warmers = [
                Scherm(s, basis, p, c, warm + i * 0.01, warm + 2 * PERIODE)
                for i, (s, p, c) in enumerate(schermen_def)
            ]
            for w in warmers:
                w.start()
            for w in warmers:
                w.join()
            begin = time.perf_counter() + 0.5
            eind = begin + args.seconden
            schermen = [
                Scherm(s, basis, p, c, begin + i * PERIODE / len(schermen_def), eind)
                for i, (s, p, c) in enumerate(schermen_def)
            ]
            for s in schermen:
                s.start()
            for s in schermen:
                s.join()

    print(
        f"Live sessie: {args.deelnemers} telefoons + regiescherm + beamer, elk 1 poll per "
        f"{PERIODE:g} s, {args.seconden} s lang; gunicorn {WORKERS} workers x {THREADS} threads, "
        f"SQLite, DEBUG uit"
    )
    print(
        f"  {'soort':<10} {'verzoeken':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'fouten':>7}"
    )
    geslaagd = True
    for soort in ("telefoon", "regisseur", "beamer", "samen"):
        groep = [s for s in schermen if soort in (s.soort, "samen")]
        tijden = sorted(t for s in groep for t in s.tijden)
        fouten = [f for s in groep for f in s.fouten]
        p95 = _percentiel(tijden, 95)
        ok = not fouten and p95 < DOEL_P95
        geslaagd &= ok
        print(
            f"  {soort:<10} {len(tijden) + len(fouten):>9} {_percentiel(tijden, 50):>8.1f} "
            f"{p95:>8.1f} {_percentiel(tijden, 99):>8.1f} {len(fouten):>7}"
            + ("" if ok else "  << doel gemist")
            + (f"  ({', '.join(sorted(set(fouten)))})" if fouten else "")
        )
    print(
        f"Doel: 0 fouten en p95 < {DOEL_P95:g} ms per soort: {'gehaald' if geslaagd else 'GEMIST'}"
    )
    return 0 if geslaagd else 1


if __name__ == "__main__":
    sys.exit(main())
