"""The route walk in Debian's Chromium: every branch by clicking the visible labels, with and
without JavaScript; back/forward; "Wijzig"; a keyboard-only walk; focus after a swap; axe at
phone and desktop width on every step; the Nu Html Checker on every step."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from playwright.sync_api import expect

from routekaart.models import Stap
from tests.conftest import BREEDTES, axe_fouten, vnu_fouten
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, beslissingen_voor_pad, url

pytestmark = pytest.mark.browser

PADEN = ROUTE.paden()
# The button on Evalueren shows "Klaar"; the rest of its name is visually hidden (Chromium's
# accessible name has a space before the colon).
KLAAR = re.compile(r"^Klaar ?: naar het routeverslag$")


def _slug(page) -> str:
    pad = urlsplit(page.url).path.strip("/").split("/")
    return pad[1] if len(pad) > 1 else ROUTE.start


def _kop(slug: str):
    return re.compile(re.escape(Stap.objects.get(slug=slug).titel) + "$")


def _vraag(slug: str, i: int = 0) -> str:
    """The text of the step's i-th guiding question (its summary, which opens its answer)."""
    return re.sub(r"<[^>]+>", "", Stap.objects.get(slug=slug).vragen[i]["tekst"])


def _loop(page, basis: str, pad: list[str]) -> None:
    """Walk `pad` from /route/ by clicking "Volgende", "Ja" and "Nee"; check every step."""
    antwoorden = beslissingen_voor_pad(pad)
    page.goto(basis + "/route/")
    for van, naar in zip(pad, pad[1:], strict=False):
        expect(page.locator("h1")).to_have_text(_kop(van))
        node = ROUTE[van]
        label = antwoorden[node.sleutel].capitalize() if node.aard == "beslissing" else "Volgende"
        page.get_by_role("button", name=label, exact=True).click()
        expect(page.locator("h1")).to_have_text(_kop(naar))
        assert _slug(page) == naar
    page.get_by_role("button", name=KLAAR).click()
    expect(page.locator("h1")).to_have_text("Routeverslag")
    for slug in pad[1:]:
        expect(page.locator(".verslag__pad")).to_contain_text(Stap.objects.get(slug=slug).titel)


@pytest.mark.parametrize("pad", PADEN, ids=["-".join(p[1:]) for p in PADEN])
def test_each_branch_can_be_walked_with_javascript(page, live_server, live_content, pad):
    _loop(page, live_server.url, pad)


@pytest.mark.parametrize("pad", PADEN, ids=["-".join(p[1:]) for p in PADEN])
def test_each_branch_can_be_walked_without_javascript(browser, live_server, live_content, pad):
    context = browser.new_context(java_script_enabled=False)
    try:
        _loop(context.new_page(), live_server.url, pad)
    finally:
        context.close()


def test_focus_moves_to_the_new_heading_after_a_swap(page, live_server, live_content):
    page.goto(live_server.url + "/route/")
    page.get_by_role("button", name="Volgende", exact=True).click()
    expect(page.locator("h1")).to_have_text(_kop(ROUTE[ROUTE.start].volgende))
    expect(page.locator("#stap-kop")).to_be_focused()
    assert page.title().startswith("Stap 1 van ")


def test_back_and_forward_return_to_the_step_with_the_answers_intact(
    page, live_server, live_content
):
    eerste = ROUTE[ROUTE.start].volgende
    tweede = ROUTE[eerste].volgende
    page.goto(live_server.url + "/route/")
    page.get_by_label("Boa").check()
    page.get_by_role("button", name="Volgende", exact=True).click()
    expect(page.locator("h1")).to_have_text(_kop(eerste))
    page.get_by_text(_vraag(eerste), exact=True).click()
    page.get_by_label("Jouw antwoord op vraag 1").fill("een onbekend account")
    page.get_by_label("Notities bij deze stap").fill("eerste indruk, zonder namen")
    page.get_by_role("button", name="Volgende", exact=True).click()
    expect(page.locator("h1")).to_have_text(_kop(tweede))

    page.go_back()
    expect(page.locator("h1")).to_have_text(_kop(eerste))
    assert _slug(page) == eerste and "rol=boa" in page.url
    expect(page.get_by_label("Jouw antwoord op vraag 1")).to_have_value("een onbekend account")
    expect(page.locator(".vraag__tekst").first).to_contain_text("beantwoord")
    expect(page.get_by_label("Notities bij deze stap")).to_have_value("eerste indruk, zonder namen")

    page.go_forward()
    expect(page.locator("h1")).to_have_text(_kop(tweede))
    assert _slug(page) == tweede and "rol=boa" in page.url


def test_wijzig_on_the_fork_changes_the_branch(page, live_server, live_content):
    fork = ROUTE.beslissingen[0]
    na_ja = ROUTE[fork.ja]
    page.goto(live_server.url + url(na_ja.slug, **beslissingen_tot(na_ja.slug)))
    beslisvraag = Stap.objects.get(slug=fork.slug).beslisvraag
    page.get_by_role("link", name=f"Wijzig je antwoord op {beslisvraag}").click()
    expect(page.locator("h1")).to_have_text(_kop(fork.slug))
    expect(page.get_by_text("Je koos eerder:")).to_contain_text("Ja")
    page.get_by_role("button", name="Nee", exact=True).click()
    expect(page.locator("h1")).to_have_text(_kop(fork.nee))
    assert f"{fork.sleutel}=nee" in page.url


def _tab_tot(page, naam: str, max_tabs: int = 120) -> None:
    """Press Tab until the focused element's accessible text is `naam` (its aria-label, else
    its label's or its own text)."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        tekst = page.evaluate(
            """() => {
                const e = document.activeElement;
                return (e.getAttribute("aria-label") || (e.closest("label") || e).textContent).trim();
            }"""
        )
        if tekst == naam:
            return
    raise AssertionError(f"'{naam}' is met Tab niet te bereiken")


def test_one_branch_can_be_walked_with_the_keyboard_only(page, live_server, live_content):
    pad = min(PADEN, key=len)
    antwoorden = beslissingen_voor_pad(pad)
    page.goto(live_server.url + "/route/")
    for van, naar in zip(pad, pad[1:], strict=False):
        node = ROUTE[van]
        if node.aard == "info":
            # Open the first question with the keyboard and type a short answer.
            _tab_tot(page, _vraag(van))
            page.keyboard.press("Enter")
            page.keyboard.press("Tab")
            expect(page.get_by_label("Jouw antwoord op vraag 1")).to_be_focused()
            page.keyboard.type(f"antwoord bij {van}")
        label = antwoorden[node.sleutel].capitalize() if node.aard == "beslissing" else "Volgende"
        _tab_tot(page, label)
        page.keyboard.press("Enter")
        expect(page.locator("h1")).to_have_text(_kop(naar))
    _tab_tot(page, "Klaar: naar het routeverslag")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Routeverslag")
    expect(page.locator(".verslag")).to_contain_text(_vraag(pad[1]))
    for slug in pad:
        if ROUTE[slug].aard == "info":
            expect(page.locator(".verslag")).to_contain_text(f"antwoord bij {slug}")


def _alle_paginas() -> list[str]:
    """Every step (by a path that reaches it), the alarm state, a pinned case, and the report."""
    paginas = [url(s, rol="boa", modus="online", **beslissingen_tot(s)) for s in ROUTE.volgorde]
    alarm = Stap.objects.exclude(alarm={}).first()
    paginas.append(url(alarm.slug, fenomeen="fraude", alarm="ja", **beslissingen_tot(alarm.slug)))
    paginas.append(url(ROUTE.start, casus="fraude-tiktok-bekende-jongen"))
    paginas.append(url("verslag", rol="boa", **beslissingen_voor_pad(PADEN[0])))
    return paginas


def test_every_step_has_no_axe_violations_on_phone_and_desktop(page, live_server, live_content):
    for breedte in BREEDTES.values():
        page.set_viewport_size({"width": breedte, "height": 900})
        for pad in _alle_paginas():
            page.goto(live_server.url + pad)
            assert not (r := axe_fouten(page)), f"{pad} @ {breedte}px: {r}"


def test_every_step_passes_the_nu_html_checker(live_content):
    client = Client()
    paginas = {pad: client.get(pad).content.decode() for pad in _alle_paginas()}
    # A step showing an error, too.
    eerste = url(ROUTE[ROUTE.start].volgende)
    paginas[eerste + "#fout"] = client.post(eerste, {"notitie": "x" * 2500}).content.decode()
    assert not (fouten := vnu_fouten(paginas)), "\n".join(fouten)
