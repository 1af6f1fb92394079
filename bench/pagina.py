"""How heavy are the public pages? For each public page and a route step: the number of SQL
queries (Django's test client with CaptureQueriesContext), and the gzip-compressed size of the
HTML plus the CSS and JavaScript it loads.

Run: `.venv/bin/python bench/pagina.py` (or `make bench`). It uses a throw-away SQLite database
with the shipped content, so it neither needs nor touches db.sqlite3. Goals: at most 3 queries
and at most 40 KB compressed per page. Exits 1 when a goal is missed.
"""

import gzip
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

MAX_QUERIES = 3
MAX_KB = 40
PAGINAS = [
    "/",
    "/casussen/",
    "/casussen/fraude/",
    "/partners/",
    "/partners/politie/",
    "/afspraken-maken/",
    "/colofon/",
    "/route/",
    "/route/bericht-duiden/?modus=online",
]


def _gzip_grootte(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def _bronnen(html: str) -> list[str]:
    """The stylesheets (screen, not print) and scripts that the page loads."""
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"(?![^>]*media="print")', html)
    js = re.findall(r'<script[^>]* src="([^"]+)"', html)
    return css + js


def _lees_statisch(url: str) -> bytes:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    pad = finders.find(url.removeprefix(settings.STATIC_URL).removeprefix("/"))
    if not pad:
        raise SystemExit(f"{url} niet gevonden in de statische bestanden")
    return Path(pad).read_bytes()


def main() -> int:
    map_ = tempfile.mkdtemp(prefix="bench-")
    db = Path(map_) / "bench.sqlite3"
    os.environ["DB_NAME"] = str(db)
    os.environ.setdefault("DEBUG", "True")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SESSION_FILE_PATH", str(Path(map_) / "sessies"))
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, setup_test_environment

        setup_test_environment()  # allows "testserver" as host
        call_command("migrate", verbosity=0)
        call_command("load_content", verbosity=0)
        client = Client()
        geslaagd = True
        print(f"{'pagina':<38} {'queries':>8} {'html':>8} {'+css+js':>8} {'totaal':>8}  doel")
        for url in PAGINAS:
            client.get(url)  # warm up: template loading is not what we measure
            with CaptureQueriesContext(connection) as queries:
                antwoord = client.get(url)
            if antwoord.status_code != 200:
                print(f"{url}: status {antwoord.status_code}")
                return 1
            html = antwoord.content
            extra = sum(_gzip_grootte(_lees_statisch(b)) for b in _bronnen(html.decode()))
            html_kb, totaal_kb = _gzip_grootte(html) / 1024, (_gzip_grootte(html) + extra) / 1024
            ok = len(queries) <= MAX_QUERIES and totaal_kb <= MAX_KB
            geslaagd &= ok
            print(
                f"{url:<38} {len(queries):>8} {html_kb:>6.1f}KB {extra / 1024:>6.1f}KB "
                f"{totaal_kb:>6.1f}KB  ≤ {MAX_QUERIES} queries, ≤ {MAX_KB} KB: "
                f"{'PASS' if ok else 'FAIL'}"
            )
        print(
            "  css+js (gzip): "
            + ", ".join(
                f"{bron} {_gzip_grootte(_lees_statisch(bron)) / 1024:.1f}KB"
                for bron in _bronnen(html.decode())
            )
        )
        return 0 if geslaagd else 1
    finally:
        shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
