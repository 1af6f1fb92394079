"""The cluster leg (marker `cluster`; .ci/cluster, `.ci/run cluster`): two production servers
(bin/start) at CLUSTER_A and CLUSTER_B, sharing one PostgreSQL (DATABASE_URL) and one Redis
(REDIS_URL), with the settings of this process's environment. The tests talk to them over HTTP
only; they write their own test data (users, a network) straight into that shared database.

Servers and a Redis a test stops and starts are its own (`Server`, `Redis`): started here,
stopped by the test or at the end of it, never those of .ci/cluster.
"""

from __future__ import annotations

import http.cookiejar
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
START_SECONDEN = 120


def vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_van(basis: str, pad: str = "/gezond/") -> int | None:
    """The status of a GET, None when nobody answers."""
    try:
        with urllib.request.urlopen(basis + pad, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as fout:
        return fout.code
    except OSError:
        return None


@pytest.fixture(scope="session")
def cluster() -> tuple[str, str]:
    """The base URLs of the two servers of .ci/cluster."""
    a, b = os.environ.get("CLUSTER_A"), os.environ.get("CLUSTER_B")
    if not (a and b):
        pytest.fail("CLUSTER_A en CLUSTER_B ontbreken: draai de clustertests met `.ci/run cluster`")
    return a, b


@pytest.fixture
def echte_db(django_db_blocker) -> Iterator[None]:
    """The servers' own database (not a test database): test data with unique names."""
    with django_db_blocker.unblock():
        yield


def uniek(voorvoegsel: str) -> str:
    return f"{voorvoegsel}-{uuid.uuid4().hex[:8]}"


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One browser: one cookie jar for every server (cookies don't depend on the port), so it
    can send each request to another server, as a load balancer would."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _GeenDoorverwijzing()
        )

    def cookie(self, naam: str) -> str:
        return next((c.value for c in self.jar if c.name == naam), "")

    def vraag(self, basis: str, pad: str, data: dict | None = None) -> tuple[int, str, str]:
        """(status, body, Location) of one request; redirects are not followed. A POST carries
        the CSRF token of the cookie."""
        body = None
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookie("csrftoken")}
            body = urllib.parse.urlencode(data, doseq=True).encode()
        verzoek = urllib.request.Request(basis + pad, data=body)
        try:
            with self.opener.open(verzoek, timeout=30) as response:
                return response.status, response.read().decode(), ""
        except urllib.error.HTTPError as fout:
            return fout.code, fout.read().decode(), fout.headers.get("Location", "")

    def inloggen(self, basis: str, naam: str, wachtwoord: str) -> int:
        if not self.cookie("csrftoken"):
            assert self.vraag(basis, "/inloggen/")[0] == 200
        status, _, _ = self.vraag(basis, "/inloggen/", {"username": naam, "password": wachtwoord})
        return status


class Server:
    """A production server of the test's own: bin/start with this process's environment (the
    cluster's settings) and `extra`, on a free port; its output in a log file."""

    def __init__(self, naam: str, **extra: str):
        self.poort = vrije_poort()
        self.basis = f"http://127.0.0.1:{self.poort}"
        self.log = Path(tempfile.gettempdir()) / f"routekaart-{naam}-{self.poort}.log"
        # The static files are in STATIC_ROOT already (the cluster's servers collected them).
        # Its own session folder, as on another machine: only Redis can share a session.
        self.sessies = sessies = tempfile.mkdtemp(prefix=f"routekaart-sessies-{naam}-")
        self.env = (
            os.environ
            | {"PORT": str(self.poort), "COLLECTSTATIC": "False", "SESSION_FILE_PATH": sessies}
            | extra
        )
        self.proces: subprocess.Popen | None = None

    def start(self) -> Server:
        with open(self.log, "wb") as log:
            self.proces = subprocess.Popen(
                [str(BASE_DIR / "bin" / "start")],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=log,
            )
        tot = time.monotonic() + START_SECONDEN
        while status_van(self.basis) is None:
            if self.proces.poll() is not None or time.monotonic() > tot:
                raise AssertionError(f"bin/start start niet:\n{self.logboek()[-3000:]}")
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.proces and self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(30)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait(10)
        shutil.rmtree(self.sessies, ignore_errors=True)

    def logboek(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class Redis:
    """A Redis of the test's own, without persistence, that it can stop and start again on the
    same port."""

    def __init__(self):
        self.poort = vrije_poort()
        self.url = f"redis://127.0.0.1:{self.poort}/0"
        self.map = tempfile.mkdtemp(prefix="routekaart-redis-")
        self.proces: subprocess.Popen | None = None

    def start(self) -> Redis:
        self.proces = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.poort), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", self.map),
            ],
            stdout=subprocess.DEVNULL,
        )
        import redis

        tot = time.monotonic() + 20
        while True:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=1).ping()
                return self
            except redis.ConnectionError:
                if time.monotonic() > tot:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proces and self.proces.poll() is None:
            self.proces.terminate()
            self.proces.wait(20)

    def weg(self) -> None:
        self.stop()
        shutil.rmtree(self.map, ignore_errors=True)
