"""Security baseline of every public page: response headers, a strict Content-Security-Policy
that the HTML keeps to (no inline script or handler), no third-party request, and a production
configuration that `manage.py check --deploy` accepts."""

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.hulp_paginas import publieke_urls

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def paginas(client, content) -> dict[str, str]:
    return {url: client.get(url).content.decode() for url in publieke_urls()}


def _csp(antwoord) -> dict[str, list[str]]:
    richtlijnen = {}
    for deel in antwoord["Content-Security-Policy"].split(";"):
        naam, *waarden = deel.split()
        richtlijnen[naam] = waarden
    return richtlijnen


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


# -- headers ----------------------------------------------------------------------------------------


def test_every_page_sends_a_strict_content_security_policy(client, content):
    for url in publieke_urls():
        csp = _csp(client.get(url))
        assert csp["default-src"] == ["'self'"], url
        assert csp["script-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"], url
        assert csp["frame-ancestors"] == ["'none'"], url


def test_the_policy_allows_no_inline_script_or_style(client, content):
    waarden = " ".join(" ".join(v) for v in _csp(client.get("/")).values())
    assert "'unsafe-inline'" not in waarden
    assert "'unsafe-eval'" not in waarden


def test_every_page_sends_the_other_security_headers(client, content):
    for url in publieke_urls():
        antwoord = client.get(url)
        assert antwoord["X-Content-Type-Options"] == "nosniff", url
        assert antwoord["Referrer-Policy"] == "same-origin", url
        assert antwoord["X-Frame-Options"] == "DENY", url
        assert antwoord["Cross-Origin-Opener-Policy"] == "same-origin", url


def test_the_htmx_fragment_sends_the_same_headers(client, content):
    antwoord = client.get("/casussen/", headers={"HX-Request": "true"})
    assert "'unsafe-inline'" not in antwoord["Content-Security-Policy"]
    assert antwoord["X-Content-Type-Options"] == "nosniff"


# -- the HTML keeps to the policy -------------------------------------------------------------------


def test_no_page_has_an_inline_script(paginas):
    for url, html in paginas.items():
        scripts = _tags(html).scripts
        assert scripts, url  # htmx and site.js are there, as files
        assert [s for s in scripts if s.strip()] == [], url


def test_every_script_is_loaded_from_our_own_site(paginas):
    for url, html in paginas.items():
        for tag, attrs in _tags(html).tags:
            if tag == "script":
                assert (attrs.get("src") or "").startswith("/static/"), url


def test_no_page_has_an_inline_event_handler_or_style_attribute(paginas):
    for url, html in paginas.items():
        for tag, attrs in _tags(html).tags:
            handlers = [a for a in attrs if a.startswith("on") or a == "style"]
            assert handlers == [], f"{url}: <{tag}> {handlers}"


def test_no_page_has_a_javascript_url(paginas):
    for url, html in paginas.items():
        assert "javascript:" not in html.lower(), url


def test_every_src_and_href_stays_on_the_site_except_plain_links(paginas):
    """Stylesheets, scripts, images, forms and htmx requests are our own; only an ordinary <a>
    link (written in content) may lead elsewhere, and only over http(s) or mailto."""
    buiten = []
    for url, html in paginas.items():
        for tag, attrs in _tags(html).tags:
            for naam in ("src", "href", "action", "srcset", "xlink:href", "data-hx-get"):
                waarde = attrs.get(naam)
                if waarde is None or waarde.startswith(("/", "#")) and not waarde.startswith("//"):
                    continue
                if tag == "a" and naam == "href" and re.match(r"(https?:|mailto:)", waarde):
                    continue
                buiten.append(f"{url}: <{tag} {naam}={waarde!r}>")
    assert buiten == []


def test_the_stylesheets_load_no_font_or_anything_from_elsewhere(paginas):
    bladen = {
        attrs["href"]
        for html in paginas.values()
        for tag, attrs in _tags(html).tags
        if tag == "link" and attrs.get("rel") == "stylesheet"
    }
    assert bladen
    for href in bladen:
        css = finders.find(href.removeprefix("/static/"))
        tekst = Path(css).read_text(encoding="utf-8")
        assert "@font-face" not in tekst, href
        assert "@import" not in tekst, href
        assert re.findall(r"url\(\s*['\"]?(?:https?:)?//", tekst) == [], href


# -- production configuration -----------------------------------------------------------------------


def _productie_env() -> dict[str, str]:
    # Without the test run's own switches (DJANGO_ALLOW_ASYNC_UNSAFE is for Playwright only).
    weg = ("DATABASE_URL", "STATICFILES_BACKEND", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    env = {k: v for k, v in os.environ.items() if k not in weg and not k.startswith("DJANGO_")}
    env.update(
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="example.nl",
        HTTPS="True",
    )
    return env


def test_check_deploy_reports_no_issues_with_production_settings():
    uit = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=_productie_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr
    assert "System check identified no issues" in uit.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = _productie_env()
    del env["SECRET_KEY"]
    uit = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode != 0
    assert "SECRET_KEY is required" in uit.stderr


@pytest.mark.django_db
def test_a_route_step_is_sent_compressed_to_a_phone_that_accepts_it(client, content):
    """A slow phone network gets the step's HTML gzip-compressed (the bench's 35 KB budget)."""
    gewoon = client.get("/route/bericht-duiden/")
    gezipt = client.get("/route/bericht-duiden/", HTTP_ACCEPT_ENCODING="gzip")
    assert gezipt["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in gezipt["Vary"]
    assert len(gezipt.content) < len(gewoon.content) / 2
