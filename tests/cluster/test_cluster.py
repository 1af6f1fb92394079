"""Two production servers behind one (imagined) load balancer: whatever a request of one walker,
regisseur or login attempt stored on one server, the next request finds on the other. Real HTTP
against the servers of .ci/cluster (and servers of the tests' own where one is stopped)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path

import pytest

from tests.cluster.conftest import BASE_DIR, Browser, Redis, Server, status_van, uniek

pytestmark = pytest.mark.cluster


def relatief(url: str) -> str:
    pad = urllib.parse.urlsplit(url)
    return pad.path + (f"?{pad.query}" if pad.query else "")


def notitie_op(browser: Browser, basis: str, url: str) -> str:
    status, html, _ = browser.vraag(basis, url)
    assert status == 200, (basis, url, status)
    gevonden = re.search(r'<textarea[^>]*name="notitie"[^>]*>(.*?)</textarea>', html, re.S)
    return unescape(gevonden.group(1)).strip() if gevonden else ""


def wandel(browser: Browser, servers: list[str], tekst) -> tuple[list[str], str]:
    """Walk the route from the start to the report, answering "Ja", each request to the next
    server in turn, a note and a first answer at each step (`tekst(i)`). The steps' URLs and
    the report's URL."""
    assert browser.vraag(servers[0], "/route/")[0] == 200  # the CSRF cookie
    status, _, url = browser.vraag(servers[1 % len(servers)], "/route/", {})
    assert status == 303, status
    stappen = []
    while "/verslag/" not in url:
        pad = relatief(url)
        stappen.append(pad)
        basis = servers[len(stappen) % len(servers)]
        data = {"beslissing": "ja", "notitie": tekst(len(stappen)), "vraag-0": tekst(len(stappen))}
        status, _, url = browser.vraag(basis, pad, data)
        assert status == 303, (basis, pad, status)
    return stappen, relatief(url)


# -- the walk ---------------------------------------------------------------------------------


def test_a_walk_alternating_between_the_servers_keeps_its_notes_and_answers(cluster):
    a, b = cluster
    browser = Browser()
    stappen, verslag = wandel(browser, [a, b], lambda i: f"Notitie bij stap {i}")
    assert len(stappen) >= 5
    for i, url in enumerate(stappen, start=1):
        # Read back on the server that did not store it, and on the one that did.
        assert notitie_op(browser, b if i % 2 == 0 else a, url) == f"Notitie bij stap {i}"
        assert notitie_op(browser, a if i % 2 == 0 else b, url) == f"Notitie bij stap {i}"
    for basis in (a, b):
        status, html, _ = browser.vraag(basis, verslag)
        assert status == 200
        for i in range(1, len(stappen) + 1):
            assert f"Notitie bij stap {i}" in html


def test_steps_posted_at_once_to_both_servers_keep_all_their_notes(cluster):
    """Two tabs and a double tap, each request to another server: the Redis session store
    writes back only its own request's keys, under a lock shared by both servers."""
    a, b = cluster
    browser = Browser()
    stappen, _ = wandel(browser, [a, b], lambda i: "")
    stappen = stappen[:6]
    bewaard = 0
    with ThreadPoolExecutor(max_workers=len(stappen)) as pool:
        for ronde in range(6):
            teksten = {url: f"Ronde {ronde}, stap {i}" for i, url in enumerate(stappen)}
            posts = [
                pool.submit(
                    browser.vraag,
                    (a, b)[i % 2],
                    url,
                    {"beslissing": "ja", "notitie": tekst, "vraag-0": tekst},
                )
                for i, (url, tekst) in enumerate(teksten.items())
            ]
            assert all(p.result()[0] == 303 for p in posts)
            for i, (url, tekst) in enumerate(teksten.items()):
                bewaard += notitie_op(browser, (b, a)[i % 2], url) == tekst
    assert bewaard == 6 * len(stappen)


def test_stopping_one_server_mid_walk_leaves_the_walk_going_on_the_other(cluster):
    a, _ = cluster
    c = Server("c").start()
    try:
        browser = Browser()
        assert browser.vraag(c.basis, "/route/")[0] == 200
        status, _, url = browser.vraag(a, "/route/", {})
        assert status == 303
        stappen, i = [], 0
        while "/verslag/" not in url:
            i += 1
            pad = relatief(url)
            stappen.append(pad)
            if i == 4:
                c.stop()  # in the middle of the walk
                assert status_van(c.basis) is None
            basis = c.basis if i < 4 and i % 2 else a
            status, _, url = browser.vraag(basis, pad, {"beslissing": "ja", "notitie": f"Stap {i}"})
            assert status == 303, (basis, pad, status)
        status, html, _ = browser.vraag(a, relatief(url))
        assert status == 200
        for j in range(1, i + 1):
            assert f"Stap {j}" in html  # also the notes server c stored before it stopped
    finally:
        c.stop()


# -- logins and the OOV area ---------------------------------------------------------------------


@pytest.fixture
def regisseur(echte_db):
    """A regisseur of a network of their own, with one agreement: (user, network, agreement)."""
    from afspraken.models import Lidrol, Netwerk
    from tests.afspraken.personas import maak_afspraak, maak_lid

    netwerk = Netwerk.objects.create(naam=uniek("Gemeente"), slug=uniek("gemeente"))
    user = maak_lid(uniek("regisseur"), netwerk, Lidrol.REGISSEUR)
    return user, netwerk, maak_afspraak(netwerk, tekst="Eerste tekst")


def test_a_login_on_one_server_is_valid_on_the_other(cluster, regisseur):
    from tests.afspraken.personas import WACHTWOORD

    a, b = cluster
    user, netwerk, _ = regisseur
    pagina = f"/afspraken/{netwerk.slug}/"
    browser = Browser()
    assert browser.vraag(b, pagina)[0] == 302  # not logged in: to the login page
    assert browser.inloggen(a, user.username, WACHTWOORD) == 302
    status, html, _ = browser.vraag(b, pagina)
    assert status == 200
    assert netwerk.naam in html
    # Logging out on b ends it on a too.
    assert browser.vraag(b, "/uitloggen/", {})[0] == 200
    assert browser.vraag(a, pagina)[0] == 302


def _wijzig(browser: Browser, basis: str, afspraak, tekst: str, revisie: int) -> int:
    from tests.afspraken.personas import wijzig_velden

    pad = f"/afspraken/{afspraak.netwerk.slug}/{afspraak.pk}/wijzigen/"
    data = wijzig_velden(
        afspraak, tekst=tekst, wie=afspraak.wie, status=afspraak.status, revisie=revisie
    )
    return browser.vraag(basis, pad, data)[0]


def test_an_agreement_edited_on_one_is_seen_on_the_other_and_a_conflict_across_them_is_found(
    cluster, regisseur
):
    from tests.afspraken.personas import WACHTWOORD

    a, b = cluster
    user, netwerk, afspraak = regisseur
    browser = Browser()
    assert browser.inloggen(a, user.username, WACHTWOORD) == 302
    assert _wijzig(browser, a, afspraak, "Gewijzigd op server a", 1) == 302
    status, html, _ = browser.vraag(b, f"/afspraken/{netwerk.slug}/")
    assert status == 200
    assert "Gewijzigd op server a" in html
    # Two saves of revisie 2 at once, one on each server: one wins, the other sees the conflict.
    with ThreadPoolExecutor(max_workers=2) as pool:
        statussen = list(
            pool.map(
                lambda s: _wijzig(browser, s[0], afspraak, s[1], 2),
                [(a, "Tegelijk via a"), (b, "Tegelijk via b")],
            )
        )
    assert sorted(statussen) == [302, 409]
    # And a save of an old revisie on the other server than the one that saved last.
    assert _wijzig(browser, b, afspraak, "Te laat", 2) == 409
    afspraak.refresh_from_db()
    assert afspraak.revisie == 3
    assert afspraak.tekst in ("Tegelijk via a", "Tegelijk via b")


def test_five_wrong_passwords_spread_over_both_servers_lock_the_account(cluster, regisseur):
    from tests.afspraken.personas import WACHTWOORD

    a, b = cluster
    user, netwerk, _ = regisseur
    browser = Browser()
    for poging in range(5):
        assert browser.inloggen((a, b)[poging % 2], user.username, "fout-wachtwoord") != 302
    for basis in (a, b):
        assert browser.inloggen(basis, user.username, WACHTWOORD) == 429
        assert browser.vraag(basis, f"/afspraken/{netwerk.slug}/")[0] == 302


# -- content ---------------------------------------------------------------------------------------


def test_load_content_through_one_servers_settings_is_served_by_the_other_at_once(cluster):
    """A page and a step title changed in the content files, loaded by `manage.py load_content`
    with the servers' settings: both servers show it at their next request, also inside the
    step page's {% cache %} block (the map, keyed on the content token, in the shared Redis)."""
    a, b = cluster
    map_ = Path(os.environ["CONTENT_DIR"])
    assert BASE_DIR not in map_.parents, "de test wijzigt een kopie van de content"
    colofon, stap = map_ / "paginas" / "colofon.md", map_ / "route" / "contextinformatie.md"
    originelen = {pad: pad.read_text(encoding="utf-8") for pad in (colofon, stap)}
    zin = f"Clustertest {uniek('zin')}."
    titel = f"Contextinformatie {uniek('titel')}"
    browser = Browser()

    def kaart(basis: str) -> str:
        """The map of the first step's page: inside its cached block, the only place that
        names the step Contextinformatie."""
        status, html, _ = browser.vraag(basis, "/route/bericht-duiden/")
        assert status == 200
        return html.split('class="orientatie__inhoud">', 1)[1].split("</section>", 1)[0]

    for basis in (a, b):  # both have the old content in memory and in the cache
        assert zin not in browser.vraag(basis, "/colofon/")[1]
        assert "Contextinformatie" in kaart(basis) and titel not in kaart(basis)

    def laad() -> None:
        subprocess.run(
            [sys.executable, "manage.py", "load_content", "-v0"],
            cwd=BASE_DIR,
            env=os.environ,
            check=True,
        )

    try:
        colofon.write_text(originelen[colofon] + f"\n{zin}\n", encoding="utf-8")
        stap.write_text(
            originelen[stap].replace("titel: Contextinformatie\n", f"titel: {titel}\n", 1),
            encoding="utf-8",
        )
        laad()
        for basis in (b, a):
            assert zin in browser.vraag(basis, "/colofon/")[1], basis
            assert titel in kaart(basis), basis
    finally:
        for pad, tekst in originelen.items():
            pad.write_text(tekst, encoding="utf-8")
        laad()
    for basis in (a, b):
        assert zin not in browser.vraag(basis, "/colofon/")[1]
        assert titel not in kaart(basis)


def test_the_throttle_of_invitation_links_counts_on_both_servers_together(cluster):
    """kern.rem counts in the shared cache: ten attempts per minute per address, however
    they are spread over the servers."""
    from kern import rem
    from leden.views.uitnodiging import PER_MINUUT

    a, b = cluster
    rem.vergeet("uitnodiging", "127.0.0.1")  # this process shares the servers' Redis
    browser = Browser()
    try:
        for poging in range(PER_MINUUT):
            status, _, _ = browser.vraag((a, b)[poging % 2], f"/uitnodiging/{uniek('fout')}/")
            assert status == 404, poging
        for basis in (a, b):
            assert browser.vraag(basis, f"/uitnodiging/{uniek('fout')}/")[0] == 429
    finally:
        rem.vergeet("uitnodiging", "127.0.0.1")


# -- health and logs -------------------------------------------------------------------------------


def test_gezond_answers_503_while_redis_is_down_and_200_when_it_is_back():
    redis = Redis().start()
    server = Server("d", REDIS_URL=redis.url).start()
    try:
        assert status_van(server.basis) == 200
        redis.stop()
        assert status_van(server.basis) == 503
        redis.start()
        tot = time.monotonic() + 10
        while status_van(server.basis) != 200 and time.monotonic() < tot:
            time.sleep(0.2)
        assert status_van(server.basis) == 200
        # The database was never the problem, and the body says which part failed, no more.
        redis.stop()
        browser = Browser()
        status, body, _ = browser.vraag(server.basis, "/gezond/")
        assert (status, body) == (503, '{"status": "fout", "database": "ok", "cache": "fout"}')
    finally:
        server.stop()
        redis.weg()


def test_the_access_log_holds_no_token(cluster):
    geheim = uniek("GeheimToken")
    server = Server("e").start()
    try:
        browser = Browser()
        for pad in (
            f"/uitnodiging/{geheim}/",
            f"/afspraken/pdf/{geheim}/",
            f"/wachtwoord-vergeten/MQ/{geheim}/",
            f"/doe-mee/{geheim}/",
            f"/inloggen/?next=%2Fuitnodiging%2F{geheim}%2F",
        ):
            browser.vraag(server.basis, pad)
    finally:
        server.stop()
    logboek = server.logboek()
    assert '"GET /afspraken/pdf/***/ HTTP/1.1" 403' in logboek
    assert geheim not in logboek


def test_a_pdf_rendered_on_one_server_is_served_from_the_database_by_the_other(cluster, regisseur):
    from afspraken.models import Publicatie
    from tests.afspraken.personas import WACHTWOORD, publiceer

    a, b = cluster
    user, netwerk, _ = regisseur
    publicatie = publiceer(netwerk, door=user)
    browser = Browser()
    assert browser.inloggen(a, user.username, WACHTWOORD) == 302
    pad = f"/afspraken/{netwerk.slug}/versies/{publicatie.nummer}/pdf/"
    verzoek = urllib.request.Request(a + pad)
    with browser.opener.open(verzoek, timeout=60) as response:
        van_a = response.read()
    assert van_a.startswith(b"%PDF")
    opgeslagen = bytes(Publicatie.objects.get(pk=publicatie.pk).pdf)
    assert opgeslagen == van_a
    with browser.opener.open(urllib.request.Request(b + pad), timeout=60) as response:
        assert response.read() == opgeslagen
