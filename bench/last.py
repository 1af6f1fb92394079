"""Load: what walkers feel when many walk the route at once.

100, 300 and 1,000 simultaneous walkers, each asking one page every 2 s (about 50, 150 and 500
requests/s), against gunicorn as production runs it (bench/server.py: 2 workers, 4 threads, DEBUG
off, a scratch SQLite database). Half of the walkers ask a route step page, the other half, at
the same time, a bare view that returns the same number of bytes without a template or a query
(bench/urls.py): the bare view is what the machine and gunicorn cost by themselves under that
load; the difference is ours. Per load: p50/p95/p99 and errors of both. The load comes from
`hey` (Debian package).

    .venv/bin/python bench/last.py [--rondes 8] [--lopers 100,300,1000]

Goals: no errors at 1,000 walkers; the step's p95 at most 2.5 x the bare view's p95 at the same
load. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import BACKLOG, THREADS, WORKERS, meer_bestanden, site  # noqa: E402

STAP = "/route/bericht-duiden/?modus=online"
PER_LOPER = 0.5  # requests per second per walker: one step every 2 s
DOEL_FOUTEN_BIJ, DOEL_P95 = 1000, 2.5
GROEPEN = 10  # hey processes per measurement, started 0.2 s apart


@dataclass
class Meting:
    p50: float
    p95: float
    p99: float
    per_seconde: float
    fouten: int
    foutsoorten: str


def _percentiel(gesorteerd: list[float], procent: float) -> float:
    if not gesorteerd:
        return float("nan")
    return gesorteerd[min(len(gesorteerd) - 1, int(len(gesorteerd) * procent / 100))]


def belast(urls: dict[str, str], lopers: int, rondes: int) -> dict[str, Meting]:
    """`lopers` walkers that each ask one page `rondes` times, one request per 2 s; the walkers
    are divided evenly over `urls` and all walk at the same time, so every URL is measured under
    the same load, and whatever else disturbs the machine disturbs them alike.

    hey's workers all tick at the same moment, so one hey of 1,000 workers is a burst of 1,000
    requests every 2 s, which no crowd of walkers is. The walkers are therefore spread over
    GROEPEN hey processes per URL whose starts are spread over one 2 s period. Each runs a fixed
    number of requests (-n), not a duration, so no request is cut off at the end, and every
    request missing from hey's CSV (one row per answer) was an error: timeout, refused, reset.

    Each request opens its own connection, as a reverse proxy in front of gunicorn does by
    default (nginx speaks HTTP/1.0 upstream). With connections kept alive, gunicorn's gthread
    worker answered the first rounds up to 1.6 s late while new connections kept arriving, for
    the bare view as much as for the step: a property of gunicorn, not of the site."""
    namen = list(urls)
    groepen = max(1, min(GROEPEN, lopers // len(namen)))
    # (name, walkers) per hey process, the URLs taking turns
    delen = [
        (naam, lopers // len(namen) // groepen + (i < lopers // len(namen) % groepen))
        for i in range(groepen)
        for naam in namen
    ]
    processen = []
    begin = time.perf_counter()
    for i, (naam, c) in enumerate(delen):
        time.sleep(max(0.0, begin + i * (1 / PER_LOPER) / len(delen) - time.perf_counter()))
        commando = ["hey", "-c", str(c), "-n", str(c * rondes), "-q", str(PER_LOPER)]
        commando += ["-t", "20", "-disable-keepalive", "-o", "csv", urls[naam]]
        processen.append((naam, c, subprocess.Popen(commando, stdout=subprocess.PIPE, text=True)))
    tijden: dict[str, list[float]] = {naam: [] for naam in namen}
    statussen: dict[str, dict[str, int]] = {naam: {} for naam in namen}
    verzonden = dict.fromkeys(namen, 0)
    for naam, c, proces in processen:
        uit, _ = proces.communicate()
        verzonden[naam] += c * rondes
        for regel in uit.splitlines()[1:]:
            velden = regel.split(",")
            tijden[naam].append(float(velden[0]) * 1000)
            statussen[naam][velden[6]] = statussen[naam].get(velden[6], 0) + 1
    duur = time.perf_counter() - begin
    metingen = {}
    for naam in namen:
        geen_antwoord = verzonden[naam] - len(tijden[naam])
        fout_status = {c: n for c, n in statussen[naam].items() if c != "200"}
        soorten = [f"HTTP {c} x{n}" for c, n in fout_status.items()]
        if geen_antwoord:
            soorten.append(f"geen antwoord (timeout/verbinding) x{geen_antwoord}")
        gesorteerd = sorted(tijden[naam])
        metingen[naam] = Meting(
            p50=_percentiel(gesorteerd, 50),
            p95=_percentiel(gesorteerd, 95),
            p99=_percentiel(gesorteerd, 99),
            per_seconde=len(gesorteerd) / duur,
            fouten=geen_antwoord + sum(fout_status.values()),
            foutsoorten="; ".join(soorten),
        )
    return metingen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=8, help="verzoeken per loper per meting")
    parser.add_argument("--lopers", default="100,300,1000", help="aantallen gelijktijdige lopers")
    args = parser.parse_args()
    if not shutil.which("hey"):
        print("hey ontbreekt: apt-get install hey")
        return 1
    niveaus = [int(n) for n in args.lopers.split(",")]
    bestanden = meer_bestanden()

    with site() as basis:
        with urllib.request.urlopen(basis + STAP) as antwoord:
            lengte = len(antwoord.read())
        kaal = f"/bench/kaal/{lengte}/"
        urls = {"stap": basis + STAP, "kaal": basis + kaal}
        # Warm up (templates, the content snapshot, each thread's database connection).
        belast(urls, 40, 2)
        metingen = {lopers: belast(urls, lopers, args.rondes) for lopers in niveaus}

    print(
        f"Last: gunicorn {WORKERS} workers x {THREADS} threads (gthread, backlog {BACKLOG}, "
        f"{bestanden} open bestanden), SQLite, DEBUG uit; elke loper vraagt 1 pagina per "
        f"{1 / PER_LOPER:g} s, {args.rondes} keer; de helft vraagt de stap, de andere helft "
        f"tegelijk de kale view"
    )
    print(f"  stap = {STAP} ({lengte} bytes), kaal = {kaal} (zelfde grootte, geen template)")
    print(
        f"  {'lopers':>6} {'':5} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'fouten':>7}  p95 stap/kaal  (req/s per URL, samen het dubbele)"
    )
    geslaagd = True
    for lopers, gemeten in metingen.items():
        stap, bare = gemeten["stap"], gemeten["kaal"]
        verhouding = stap.p95 / bare.p95 if bare.p95 else float("inf")
        ok = verhouding <= DOEL_P95
        geslaagd &= ok
        for naam, m in (("stap", stap), ("kaal", bare)):
            extra = ""
            if naam == "stap":
                extra = f"  {verhouding:.2f} (doel <= {DOEL_P95}) {'PASS' if ok else 'FAIL'}"
            print(
                f"  {lopers:>6} {naam:5} {m.per_seconde:>7.0f} {m.p50:>8.1f} {m.p95:>8.1f} "
                f"{m.p99:>8.1f} {m.fouten:>7}{extra}"
            )
            if m.foutsoorten:
                print(f"  {'':>6} {'':5} fouten: {m.foutsoorten}")
    if DOEL_FOUTEN_BIJ in metingen:
        fouten = sum(m.fouten for m in metingen[DOEL_FOUTEN_BIJ].values())
        ok = fouten == 0
        geslaagd &= ok
        print(
            f"  fouten bij {DOEL_FOUTEN_BIJ} lopers: {fouten} (doel 0) {'PASS' if ok else 'FAIL'}"
        )
    return 0 if geslaagd else 1


if __name__ == "__main__":
    sys.exit(main())
