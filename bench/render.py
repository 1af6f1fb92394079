"""How long does the server take to render a page? The median milliseconds per page through
Django's test client (no network, no gunicorn: template rendering, middleware, the content
check), for this tree and, with `--tegen`, for older commits beside it in one run.

    .venv/bin/python bench/render.py [--tegen 660e9d7 --tegen 4043a7e] [--debug] [--doel 2]

Each tree is measured by its own worker process (same Python) on a throw-away SQLite database
with the shipped content loaded, static files collected as production does (hashed names),
DEBUG off unless `--debug`. An older commit is checked out in a temporary `git worktree`
(removed afterwards); its modules may live at other paths, so the worker only drives the test
client through URLs (the measuring code is passed inline with `python -c`). The workers take
turns, one round each at a time, so whatever else disturbs the machine disturbs them alike.

Each cell shows the median wall-clock time and, in brackets, the median CPU time of the
worker's thread. On an idle machine they are nearly equal; on a busy one (other processes on the
same cores) the wall clock also counts the time others had the CPU, so the CPU time is the steadier
figure for comparing trees, and the one `--doel MS` checks: it exits 1 when a page of this tree
has a median CPU time above MS milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

PAGINAS = [
    "/",
    "/route/contextinformatie/?modus=online&rol=boa",
    "/route/bericht-duiden/?modus=online",
    "/route/acties/?modus=online&rol=boa&partners=ja&ingrijpen=ja",
]

# The worker: sets up a site in its working directory (the tree to measure), then answers each
# line on stdin ({"paginas": [...], "keer": n}) with one line of JSON: per page the
# milliseconds of each of n requests. It knows nothing of the tree's modules beyond
# config.settings and the management commands migrate, collectstatic and load_content.
WERKER = r"""
import json, os, sys, time
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()  # allows "testserver" as host
call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
call_command("load_content", verbosity=0)
client = Client()
print(json.dumps({"klaar": True}), flush=True)
for regel in sys.stdin:
    opdracht = json.loads(regel)
    uit = {}
    for url in opdracht["paginas"]:
        tijden = []
        for _ in range(opdracht["keer"]):
            begin, cpu = time.perf_counter(), time.thread_time()
            antwoord = client.get(url)
            tijden.append([(time.perf_counter() - begin) * 1000, (time.thread_time() - cpu) * 1000])
            if antwoord.status_code != 200:
                uit[url] = {"status": antwoord.status_code}
                break
        else:
            uit[url] = tijden
    print(json.dumps(uit), flush=True)
"""


class Werker:
    """One tree's worker process with its own scratch folder."""

    def __init__(self, naam: str, boom: Path, debug: bool):
        self.naam = naam
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-render-"))
        (self.tmp / "sessies").mkdir()
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DEBUG=str(debug),
            SECRET_KEY=secrets.token_urlsafe(50),
            HTTPS="False",
            SECURE_SSL_REDIRECT="False",
            DB_NAME=str(self.tmp / "bench.sqlite3"),
            SESSION_FILE_PATH=str(self.tmp / "sessies"),
            STATIC_ROOT=str(self.tmp / "static"),
            # Hashed names as in production, without spending the start-up on compressing.
            STATICFILES_BACKEND="django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
            LOG_LEVEL="ERROR",
            PYTHONPATH=str(boom),
        )
        for naam in ("ROOT_URLCONF", "SESSION_ENGINE", "CONTENT_DIR"):
            env.pop(naam, None)
        self.proces = subprocess.Popen(
            [sys.executable, "-c", WERKER],
            cwd=boom,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def wacht(self) -> None:
        regel = self.proces.stdout.readline()
        if not regel:
            raise SystemExit(f"{self.naam}: de werker startte niet (zie de fout hierboven)")

    def ronde(self, paginas: list[str], keer: int) -> dict:
        self.proces.stdin.write(json.dumps({"paginas": paginas, "keer": keer}) + "\n")
        self.proces.stdin.flush()
        regel = self.proces.stdout.readline()
        if not regel:
            raise SystemExit(f"{self.naam}: de werker stopte (zie de fout hierboven)")
        return json.loads(regel)

    def stop(self) -> None:
        if self.proces.stdin:
            self.proces.stdin.close()
        self.proces.wait(timeout=30)
        shutil.rmtree(self.tmp, ignore_errors=True)


def _medianen(tijden: list[list[float]]) -> tuple[float, float]:
    """The median wall-clock and CPU milliseconds of (wall, cpu) pairs."""
    return statistics.median(t[0] for t in tijden), statistics.median(t[1] for t in tijden)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=BASE_DIR, check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tegen", action="append", default=[], help="an older commit beside")
    parser.add_argument("--rondes", type=int, default=10, help="rounds per tree (default 10)")
    parser.add_argument("--keer", type=int, default=30, help="requests per page per round")
    parser.add_argument("--debug", action="store_true", help="DEBUG=True instead of off")
    parser.add_argument("--doel", type=float, help="fail when a page of this tree is slower")
    parser.add_argument("pagina", nargs="*", help=f"URLs (default: {len(PAGINAS)} pages)")
    args = parser.parse_args()
    paginas = args.pagina or PAGINAS

    bomen: list[tuple[str, Path]] = [("deze boom", BASE_DIR)]
    tijdelijk: list[Path] = []
    werkers: list[Werker] = []
    try:
        for commit in args.tegen:
            map_ = Path(tempfile.mkdtemp(prefix="bench-render-boom-")) / "boom"
            _git("worktree", "add", "--detach", "--quiet", str(map_), commit)
            tijdelijk.append(map_)
            bomen.append((_git("rev-parse", "--short", commit), map_))
        werkers = [Werker(naam, boom, args.debug) for naam, boom in bomen]
        for w in werkers:
            w.wacht()
        tijden: dict[str, dict[str, list[list[float]]]] = {
            w.naam: {p: [] for p in paginas} for w in werkers
        }
        fouten: dict[str, dict[str, int]] = {w.naam: {} for w in werkers}
        for w in werkers:
            w.ronde(paginas, 3)  # warm up: template loading and the first snapshot
        for ronde in range(args.rondes):
            # Take turns, starting with another tree each round.
            for w in werkers[ronde % len(werkers) :] + werkers[: ronde % len(werkers)]:
                for url, uit in w.ronde(paginas, args.keer).items():
                    if isinstance(uit, dict):
                        fouten[w.naam][url] = uit["status"]
                    else:
                        tijden[w.naam][url].extend(uit)
    finally:
        for w in werkers:
            w.stop()
        for map_ in tijdelijk:
            subprocess.run(["git", "worktree", "remove", "--force", str(map_)], cwd=BASE_DIR)
            shutil.rmtree(map_.parent, ignore_errors=True)

    namen = [w.naam for w in werkers]
    print(
        f"median ms per page, Django's test client, DEBUG={args.debug}, "
        f"{args.rondes} x {args.keer} requests per page and tree: wall clock (CPU time)"
    )
    print(f"{'pagina':<62}" + "".join(f"{n:>16}" for n in namen))
    geslaagd = True
    for url in paginas:
        cellen = []
        for n in namen:
            if url in fouten[n]:
                cellen.append(f"{'status ' + str(fouten[n][url]):>16}")
            else:
                wand, cpu = _medianen(tijden[n][url])
                cellen.append(f"{wand:>9.2f} ({cpu:.2f})")
        regel = f"{url:<62}" + "".join(cellen)
        if args.doel is not None:
            ok = url not in fouten[namen[0]] and _medianen(tijden[namen[0]][url])[1] <= args.doel
            geslaagd &= ok
            regel += f"  CPU ≤ {args.doel:g} ms: {'PASS' if ok else 'FAIL'}"
        print(regel)
    return 0 if geslaagd else 1


if __name__ == "__main__":
    sys.exit(main())
