"""Benchmark of the route walk: requests/s of step 2 (htmx partial and full page) against a bare
Django view returning the same number of bytes, and the SQL queries per step.

Starts the site under gunicorn (2 workers, 127.0.0.1, a free port) with production-like settings
(DEBUG off) on a temporary, migrated SQLite database with the content loaded; measures over
loopback with a small thread-pool client for a bounded time; stops gunicorn on exit. The route
page and its bare counterpart are measured right after each other, in several rounds, and the
median ratio is reported, so a busy machine disturbs both sides of a ratio alike.

    .venv/bin/python bench/route.py [--seconden 3] [--draden 8] [--rondes 3]

Goals: partial >= 0.70 and full page >= 0.50 of the bare view; <= 3 queries per step.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PY = sys.executable
DOEL_DEEL, DOEL_VOL, DOEL_QUERIES = 0.70, 0.50, 3


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def omgeving(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        ROOT_URLCONF="bench.urls",
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="False",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        DB_NAME=str(tmp / "bench.sqlite3"),
        SESSION_FILE_PATH=str(tmp / "sessies"),
        STATIC_ROOT=str(tmp / "static"),
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(BASE_DIR),
    )
    env.pop("DATABASE_URL", None)
    return env


def haal(poort: int, pad: str, koppen: dict[str, str]) -> int:
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
    try:
        verbinding.request("GET", pad, headers=koppen)
        antwoord = verbinding.getresponse()
        antwoord.read()
        return antwoord.status
    finally:
        verbinding.close()


def meet(poort: int, pad: str, koppen: dict[str, str], seconden: float, draden: int) -> float:
    """Requests per second over `seconden`, after a short warm-up; every answer must be 200."""
    for _ in range(20):
        assert haal(poort, pad, koppen) == 200, pad
    teller, slot = [0], threading.Lock()
    einde = time.perf_counter() + seconden

    def werk() -> None:
        n = 0
        while time.perf_counter() < einde:
            status = haal(poort, pad, koppen)
            if status != 200:
                raise RuntimeError(f"{pad}: HTTP {status}")
            n += 1
        with slot:
            teller[0] += n

    begin = time.perf_counter()
    with ThreadPoolExecutor(draden) as pool:
        for f in [pool.submit(werk) for _ in range(draden)]:
            f.result()
    return teller[0] / (time.perf_counter() - begin)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconden", type=float, default=3.0, help="meetduur per URL")
    parser.add_argument("--draden", type=int, default=8, help="gelijktijdige verzoeken")
    parser.add_argument("--rondes", type=int, default=3, help="metingen per URL (mediaan)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="routekaart-bench-") as map_:
        tmp = Path(map_)
        (tmp / "sessies").mkdir()
        (tmp / "static").mkdir()
        env = omgeving(tmp)
        for opdracht in (["migrate", "--noinput", "-v0"], ["load_content", "-v0"]):
            subprocess.run([PY, "manage.py", *opdracht], cwd=BASE_DIR, env=env, check=True)

        # In-process, on the same database: the route, step 2's URL, and the queries per step.
        os.environ.update(env)
        sys.path.insert(0, str(BASE_DIR))
        import django

        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from routekaart.route import BESLISSING
        from routekaart.views import laad_route
        from routekaart.wandeling import Keuzes, stap_url

        route, _ = laad_route()
        stap1 = route[route.start].volgende
        stap2 = route[stap1].volgende
        client = Client(SERVER_NAME="127.0.0.1")
        queries = {}
        for pad in route.paden():
            antwoorden = {}
            for van, naar in zip(pad, pad[1:], strict=False):
                if route[van].soort == BESLISSING:
                    antwoorden[route[van].sleutel] = "ja" if route[van].ja == naar else "nee"
            for slug in pad:
                u = stap_url(
                    route,
                    slug,
                    Keuzes(rol="boa", modus="online", fenomeen="fraude", antwoorden=antwoorden),
                )
                with CaptureQueriesContext(connection) as vangst:
                    assert client.get(u).status_code == 200, u
                queries[slug] = max(queries.get(slug, 0), len(vangst.captured_queries))
        url2 = stap_url(route, stap2, Keuzes(rol="boa", modus="online"))
        deel = client.get(url2, HTTP_HX_REQUEST="true").content
        vol = client.get(url2).content
        connection.close()

        poort = vrije_poort()
        gunicorn = subprocess.Popen(
            [PY, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{poort}",
             "--log-level", "warning"],
            cwd=BASE_DIR, env=env,
        )  # fmt: skip
        try:
            for _ in range(100):
                try:
                    if haal(poort, "/bench/kaal/1/", {}) == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("gunicorn start niet")
            hx = {"HX-Request": "true"}
            paren = {
                "deel": ((url2, hx), (f"/bench/kaal/{len(deel)}/", {})),
                "vol": ((url2, {}), (f"/bench/kaal/{len(vol)}/", {})),
            }
            metingen: dict[str, list[tuple[float, float]]] = {"deel": [], "vol": []}
            for _ in range(args.rondes):
                for naam, ((pad, koppen), (kaal, _geen)) in paren.items():
                    rps = meet(poort, pad, koppen, args.seconden, args.draden)
                    rps_kaal = meet(poort, kaal, {}, args.seconden, args.draden)
                    metingen[naam].append((rps, rps_kaal))
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=10)

    def mediaan(naam: str) -> tuple[float, float, float]:
        """Median route and bare req/s, and the median of the per-round ratios."""
        rondes = metingen[naam]
        return (
            statistics.median(r for r, _ in rondes),
            statistics.median(k for _, k in rondes),
            statistics.median(r / k for r, k in rondes),
        )

    (rps_deel, rps_kaal_deel, r_deel), (rps_vol, rps_kaal_vol, r_vol) = (
        mediaan("deel"),
        mediaan("vol"),
    )
    ok = lambda goed: "ok" if goed else "ONDER DOEL"  # noqa: E731
    print(
        f"Stap 2 ({url2}), gunicorn 2 workers, {args.draden} draden, {args.seconden:g} s per "
        f"meting, mediaan van {args.rondes} rondes"
    )
    for naam in ("deel", "vol"):
        print(
            f"  {naam}: " + ", ".join(f"{r:.0f}/{k:.0f} = {r / k:.2f}" for r, k in metingen[naam])
        )
    print(f"  htmx-deel   {len(deel):6d} bytes  {rps_deel:8.0f} req/s   kaal {rps_kaal_deel:8.0f} req/s"
          f"   verhouding {r_deel:.2f} (doel >= {DOEL_DEEL:.2f}) {ok(r_deel >= DOEL_DEEL)}")  # fmt: skip
    print(f"  hele pagina {len(vol):6d} bytes  {rps_vol:8.0f} req/s   kaal {rps_kaal_vol:8.0f} req/s"
          f"   verhouding {r_vol:.2f} (doel >= {DOEL_VOL:.2f}) {ok(r_vol >= DOEL_VOL)}")  # fmt: skip
    print(f"SQL-queries per stap (doel <= {DOEL_QUERIES}):")
    for slug in route.volgorde:
        print(f"  {slug:20s} {queries[slug]}  {ok(queries[slug] <= DOEL_QUERIES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
