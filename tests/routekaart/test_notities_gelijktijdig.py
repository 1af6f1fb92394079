"""A walker's notes survive overlapping requests of their own session: a note saved while other
tabs load pages, and several steps saved at once (two tabs, a double tap). Real HTTP against the
live server, a bounded thread pool, and the session as the browser holds it (one cookie jar)."""

from __future__ import annotations

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html import unescape

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from routekaart import notities

pytestmark = pytest.mark.django_db(transaction=True)


class _GeenDoorverwijzing(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Wandelaar:
    """One browser: a cookie jar shared by all its tabs (threads)."""

    def __init__(self, basis: str):
        self.basis = basis
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _GeenDoorverwijzing()
        )

    def vraag(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        """(status, body, Location) of one request; redirects are not followed."""
        body = None
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookie("csrftoken")}
            body = urllib.parse.urlencode(data, doseq=True).encode()
        verzoek = urllib.request.Request(self.basis + url, data=body)
        if data is not None:
            verzoek.add_header("Referer", self.basis + url)
        try:
            with self.opener.open(verzoek, timeout=30) as antwoord:
                return antwoord.status, antwoord.read().decode(), ""
        except urllib.error.HTTPError as fout:
            return fout.code, fout.read().decode(), fout.headers.get("Location", "")

    def cookie(self, naam: str) -> str:
        return next((c.value for c in self.jar if c.name == naam), "")

    def notitie(self, url: str) -> str:
        status, html, _ = self.vraag(url)
        assert status == 200, (url, status)
        gevonden = re.search(r'<textarea[^>]*name="notitie"[^>]*>(.*?)</textarea>', html, re.S)
        return unescape(gevonden.group(1)) if gevonden else ""


def _stappen(wandelaar: Wandelaar) -> list[str]:
    """The URLs of the steps with a notes field, found by walking the route as a user does
    (answering "Ja" at each decision), from the start to the report."""
    status, _, url = wandelaar.vraag("/route/", {})
    assert status == 303, status
    urls = []
    while "/verslag/" not in url:
        pad = urllib.parse.urlsplit(url)
        relatief = pad.path + (f"?{pad.query}" if pad.query else "")
        urls.append(relatief)
        status, _, url = wandelaar.vraag(relatief, {"beslissing": "ja", "notitie": ""})
        assert status == 303, (relatief, status)
    return urls


@pytest.fixture
def wandelaar(live_server, live_content) -> Wandelaar:
    wandelaar = Wandelaar(live_server.url)
    assert wandelaar.vraag("/route/")[0] == 200  # the CSRF cookie
    return wandelaar


def _opslag(wandelaar: Wandelaar):
    """The walker's session as the server stores it."""
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    return store(wandelaar.cookie(settings.SESSION_COOKIE_NAME))


def _sessie(wandelaar: Wandelaar) -> dict:
    return notities.van_sessie(_opslag(wandelaar).load())


def test_a_note_posted_while_three_tabs_load_pages_is_kept(wandelaar):
    stappen = _stappen(wandelaar)
    stap, volgende = stappen[0], stappen[1]
    bewaard = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        for ronde in range(20):
            tekst = f"Notitie {ronde}"
            post = pool.submit(wandelaar.vraag, stap, {"notitie": tekst})
            gets = [pool.submit(wandelaar.vraag, volgende) for _ in range(3)]
            assert post.result()[0] == 303
            assert all(g.result()[0] == 200 for g in gets)
            bewaard += wandelaar.notitie(stap) == tekst
    assert bewaard == 20


def test_seven_steps_posted_at_once_keep_all_their_notes_and_answers(wandelaar):
    stappen = _stappen(wandelaar)
    assert len(stappen) >= 7
    stappen = stappen[:7]
    bewaard = 0
    with ThreadPoolExecutor(max_workers=7) as pool:
        for ronde in range(10):
            teksten = {url: f"Ronde {ronde}, stap {i}" for i, url in enumerate(stappen)}
            posts = [
                pool.submit(
                    wandelaar.vraag, url, {"beslissing": "ja", "notitie": tekst, "vraag-0": tekst}
                )
                for url, tekst in teksten.items()
            ]
            assert all(p.result()[0] in (200, 303) for p in posts)
            sessie = _sessie(wandelaar).values()
            opgeslagen = {v.notitie for v in sessie} & {v.antwoorden.get(0) for v in sessie}
            bewaard += sum(tekst in opgeslagen for tekst in teksten.values())
    assert bewaard == 70


def test_a_get_does_not_write_the_session(wandelaar):
    stappen = _stappen(wandelaar)
    wandelaar.vraag(stappen[0], {"notitie": "Eerst"})
    bestand = _opslag(wandelaar)._key_to_file()
    voor = os.stat(bestand).st_mtime_ns
    for url in stappen:
        assert wandelaar.vraag(url)[0] == 200
    assert os.stat(bestand).st_mtime_ns == voor


def test_reading_renews_the_two_hours_at_most_every_few_minutes(wandelaar):
    stappen = _stappen(wandelaar)
    wandelaar.vraag(stappen[0], {"notitie": "Blijft"})
    opslag = _opslag(wandelaar)
    gezien = opslag.load()[notities.GEZIEN]
    # Pretend the last renewal was longer ago than VERNIEUW_NA.
    opslag[notities.GEZIEN] = gezien - notities.VERNIEUW_NA - 1
    opslag.save()
    assert wandelaar.notitie(stappen[0]) == "Blijft"
    assert _opslag(wandelaar).load()[notities.GEZIEN] >= gezien
    assert _sessie(wandelaar)[stappen[0].split("/")[2]].notitie == "Blijft"


def test_opnieuw_beginnen_wipes_every_step(wandelaar):
    stappen = _stappen(wandelaar)
    for url in stappen[:3]:
        wandelaar.vraag(url, {"beslissing": "ja", "notitie": "Weg ermee"})
    assert len(_sessie(wandelaar)) == 3
    assert wandelaar.vraag("/route/opnieuw/", {})[0] == 303
    assert _sessie(wandelaar) == {}
