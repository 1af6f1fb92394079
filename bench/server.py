"""The site as production runs it, for the benchmarks: gunicorn (2 workers, 4 threads each) with
DEBUG off, on a scratch SQLite database in a temporary folder (migrated, content loaded, static
files collected, hashed and compressed). The benchmarks talk to it over HTTP only.

    with site() as basis:          # basis = "http://127.0.0.1:<port>"
        ...
"""

from __future__ import annotations

import contextlib
import http.client
import os
import resource
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PY = sys.executable
WORKERS, THREADS = 2, 4
BACKLOG = 4096


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def omgeving(tmp: Path) -> dict[str, str]:
    """Production-like settings; ROOT_URLCONF adds the bare comparison view (bench/urls.py)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        ROOT_URLCONF="bench.urls",
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="False",
        DB_NAME=str(tmp / "bench.sqlite3"),
        SESSION_FILE_PATH=str(tmp / "sessies"),
        STATIC_ROOT=str(tmp / "static"),
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(BASE_DIR),
    )
    for naam in ("DATABASE_URL", "STATICFILES_BACKEND", "SESSION_ENGINE"):
        env.pop(naam, None)
    return env


def meer_bestanden() -> int:
    """Raise this process's open-file limit (inherited by gunicorn and hey) to the hard limit:
    a thousand walkers are a thousand sockets on each side."""
    zacht, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > zacht:
        nieuw = 65536 if hard == resource.RLIM_INFINITY else hard
        resource.setrlimit(resource.RLIMIT_NOFILE, (nieuw, hard))
        return nieuw
    return zacht


def status(basis: str, pad: str) -> int:
    host, poort = basis.removeprefix("http://").split(":")
    verbinding = http.client.HTTPConnection(host, int(poort), timeout=10)
    try:
        verbinding.request("GET", pad)
        antwoord = verbinding.getresponse()
        antwoord.read()
        return antwoord.status
    finally:
        verbinding.close()


@contextlib.contextmanager
def site(voorbereiding: Sequence[Sequence[str]] = ()) -> Iterator[str]:
    """Prepare a scratch site, start gunicorn on a free port, yield its base URL, stop it.
    `voorbereiding`: further manage.py commands run after the content is loaded (a benchmark's
    own data, e.g. ["shell", "-c", code])."""
    meer_bestanden()
    with tempfile.TemporaryDirectory(prefix="routekaart-bench-") as map_:
        tmp = Path(map_)
        (tmp / "sessies").mkdir()
        env = omgeving(tmp)
        for opdracht in (
            ["migrate", "--noinput", "-v0"],
            ["load_content", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            *voorbereiding,
        ):
            subprocess.run([PY, "manage.py", *opdracht], cwd=BASE_DIR, env=env, check=True)
        poort = vrije_poort()
        gunicorn = subprocess.Popen(
            [
                *(PY, "-m", "gunicorn", "config.wsgi"),
                *("--workers", str(WORKERS), "--threads", str(THREADS)),
                *("--worker-class", "gthread", "--worker-connections", "2000"),
                *("--backlog", str(BACKLOG)),
                *("--bind", f"127.0.0.1:{poort}", "--log-level", "warning"),
            ],
            cwd=BASE_DIR,
            env=env,
        )
        basis = f"http://127.0.0.1:{poort}"
        try:
            for _ in range(200):
                try:
                    if status(basis, "/bench/kaal/1/") == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("gunicorn start niet")
            yield basis
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=15)
