"""Shared fixtures: loaded content, Debian's Chromium for Playwright, and the two page checkers
every page must pass (axe-core for accessibility, the Nu Html Checker for valid HTML)."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in this thread; Django must allow ORM calls from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BASE_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = BASE_DIR / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BREEDTES = {"telefoon": 375, "desktop": 1280}


@pytest.fixture(autouse=True)
def _sessies_in_tmp(settings, tmp_path_factory):
    """Each test run keeps its session files in its own temporary folder."""
    settings.SESSION_FILE_PATH = str(tmp_path_factory.getbasetemp() / "sessies")
    Path(settings.SESSION_FILE_PATH).mkdir(exist_ok=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the shipped content once into the test database: every test runs in a transaction
    that is rolled back, so the content is there for each of them at no extra cost."""
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture
def content(db):
    """The shipped content, loaded as `manage.py load_content` loads it (once per session, see
    django_db_setup; again when a transactional test has flushed the tables)."""
    from routekaart.models import Stap

    if not Stap.objects.exists():
        call_command("load_content", verbosity=0)


@pytest.fixture
def zonder_content(db):
    """A database without any content, for tests of what happens before load_content ran
    (deleted inside the test's transaction, so the next test has it again)."""
    from casussen.models import Casus, Fenomeen
    from routekaart.models import Actie, Pagina, PartnerRol, Stap

    for model in (Casus, Fenomeen, Actie, PartnerRol, Pagina, Stap):
        model.objects.all().delete()


@pytest.fixture
def live_content(transactional_db):
    """Content for browser tests (live_server needs a transactional database)."""
    call_command("load_content", verbosity=0)


# -- Playwright with Debian's Chromium (never a downloaded browser) ------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


# -- page checks -----------------------------------------------------------------------------------


def axe_fouten(page) -> str:
    """Run axe-core on the page (WCAG 2.x A/AA); returns "" when there is no violation, else the
    report. Use as: `assert not (r := axe_fouten(page)), r`."""
    from axe_playwright_python.sync_playwright import Axe

    # resultTypes: only violations get their full node details; about 3x faster per page.
    opties = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    resultaat = Axe().run(page, options=opties)
    return "" if resultaat.violations_count == 0 else resultaat.generate_report()


def vnu_fouten(paginas: dict[str, str]) -> list[str]:
    """Check HTML documents with the Nu Html Checker in one Java run; `paginas` maps a name (the
    URL) to the HTML. Returns the errors as "name: line N: message"."""
    java = shutil.which("java")
    assert java, "Java ontbreekt: nodig voor de Nu Html Checker"
    assert VNU_JAR.exists(), f"{VNU_JAR} ontbreekt: draai `make install-test`"
    with tempfile.TemporaryDirectory() as map_:
        bestanden, namen = [], {}
        for i, (naam, html) in enumerate(paginas.items()):
            pad = Path(map_) / f"pagina{i}.html"
            pad.write_text(html, encoding="utf-8")
            bestanden.append(str(pad))
            namen[pad.name] = naam
        uit = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *bestanden],
            capture_output=True,
            text=True,
            timeout=300,
        )
        berichten = json.loads(uit.stderr or uit.stdout or '{"messages": []}')["messages"]
    return [
        f"{namen.get(Path(b.get('url', '')).name, b.get('url'))}: regel {b.get('lastLine')}: {b['message']}"
        for b in berichten
        if b.get("type") == "error"
    ]
