"""The route on a 375 × 800 phone, in Debian's Chromium: on every step of every branch the
heading, the first guiding question and the action bar are in the first viewport; step 3's alarm
question comes first, and answering it moves focus to the alert; "Terug" keeps the answers;
"Opnieuw beginnen" and "Wis alles" ask before they wipe; the compact header with "Bel 112" and
its menu; the keyboard scrolls the page; the action bar never covers the field that has focus;
no radio is pre-selected."""

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from routekaart.models import Stap
from tests.conftest import axe_fouten
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, beslissingen_voor_pad, url

pytestmark = pytest.mark.browser

BREEDTE, HOOGTE = 375, 800
PADEN = ROUTE.paden()
EERSTE = ROUTE[ROUTE.start].volgende
ANTWOORD = "Een account dat ik niet ken, zonder namen"
GEWIST = "Alles is gewist. Je begint opnieuw."
# The visible label is "Klaar"; the rest is visually hidden, so Chromium's accessible name has a
# space before the colon.
KLAAR = re.compile(r"^Klaar ?: naar het routeverslag$")
JS = pytest.mark.parametrize("js", [True, False], ids=["met-js", "zonder-js"])


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Every page of this module is a phone screen."""
    return {**browser_context_args, "viewport": {"width": BREEDTE, "height": HOOGTE}}


@contextmanager
def _telefoon(browser, browser_context_args, js: bool = True):
    """A page on a phone screen, with or without JavaScript."""
    context = browser.new_context(**browser_context_args, java_script_enabled=js)
    try:
        yield context.new_page()
    finally:
        context.close()


def _tekst(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def _kop(slug: str):
    return re.compile(re.escape(Stap.objects.get(slug=slug).titel) + "$")


def _knop(slug: str, antwoorden: dict[str, str]) -> str | re.Pattern:
    """The label of the button that leaves `slug` along the path these decisions make."""
    stap = ROUTE[slug]
    if stap.aard == "beslissing":
        return antwoorden[stap.sleutel].capitalize()
    return KLAAR if stap.aard == "evaluatie" else "Volgende"


def _na_wissel(page) -> None:
    """Wait until htmx has swapped in the step and moved focus to its heading, with the page at
    its top again (on a phone the body scrolls, above the action bar)."""
    expect(page.locator("#stap-kop")).to_be_focused()
    page.wait_for_function("() => window.scrollY === 0 && document.body.scrollTop === 0")


def _naar_onderen(page) -> None:
    """Swipe to the bottom of the page."""
    page.mouse.move(BREEDTE / 2, HOOGTE / 2)
    page.mouse.wheel(0, 100_000)
    expect(page.locator("footer")).to_be_in_viewport()


def _stil(page) -> None:
    """Wait until the page has stopped scrolling (keyboard scrolling is animated). Polled from
    here, since a page without JavaScript cannot wait for itself. At rest means the same
    position for 300 ms: on a busy machine one late frame can make two samples 100 ms apart
    equal while the animation is still under way."""
    positie = "[window.scrollY, document.body.scrollTop]"
    vorige, gelijk = page.evaluate(positie), 0
    for _ in range(80):
        page.wait_for_timeout(100)
        nu = page.evaluate(positie)
        gelijk = gelijk + 1 if nu == vorige else 0
        if gelijk == 3:
            return
        vorige = nu
    raise AssertionError("de pagina blijft scrollen")


def _kader(locator) -> dict:
    kader = locator.bounding_box()
    assert kader is not None, f"{locator} staat niet op het scherm"
    return {"boven": kader["y"], "onder": kader["y"] + kader["height"]}


def _in_eerste_beeld(locator, naam: str) -> dict:
    """`locator`'s bounding box, asserted to lie within the first 375 × 800 viewport."""
    kader = _kader(locator)
    assert kader["boven"] >= 0 and kader["onder"] <= HOOGTE, f"{naam} valt buiten beeld: {kader}"
    return kader


def _open_vraag(page, slug: str, i: int = 0) -> None:
    page.get_by_text(_tekst(Stap.objects.get(slug=slug).vragen[i]["tekst"]), exact=True).click()


def _open_orientatie(page) -> None:
    page.get_by_text(re.compile(r"^Stap \d+ van \d+$")).click()


# -- the first viewport --------------------------------------------------------------------------


@pytest.mark.parametrize("pad", PADEN, ids=["-".join(p[1:]) for p in PADEN])
def test_heading_first_question_and_action_bar_are_in_the_first_viewport_on_every_step(
    page, live_server, live_content, pad
):
    antwoorden = beslissingen_voor_pad(pad)
    page.goto(live_server.url + "/route/")
    for i, slug in enumerate(pad):
        expect(page.locator("h1")).to_have_text(_kop(slug))
        if i:
            _na_wissel(page)
        _in_eerste_beeld(page.locator("h1"), f"{slug}: de kop")
        if ROUTE[slug].aard == "start":
            vraag = page.locator("fieldset legend").first
        else:
            vraag = page.locator(".vraag__tekst").first
            expect(vraag).to_have_text(_tekst(Stap.objects.get(slug=slug).vragen[0]["tekst"]))
        eerste_vraag = _in_eerste_beeld(vraag, f"{slug}: de eerste vraag")
        balk = _in_eerste_beeld(page.locator(".actiebalk"), f"{slug}: de actiebalk")
        assert eerste_vraag["onder"] <= balk["boven"], f"{slug}: de actiebalk dekt de eerste vraag"
        page.locator(".actiebalk").get_by_role(
            "button", name=_knop(slug, antwoorden), exact=True
        ).click()
    expect(page.locator("h1")).to_have_text("Routeverslag")


# -- step 3: the alarm ---------------------------------------------------------------------------


def _alarmstap() -> tuple[str, str]:
    """The step with the alarm question, and the step before it on a path."""
    slug = Stap.objects.exclude(alarm={}).get().slug
    pad = next(p for p in PADEN if slug in p)
    return pad[pad.index(slug) - 1], slug


def _zichtbaar_deel(page) -> tuple[float, float]:
    """The part of the screen that neither the header nor the action bar covers."""
    return _kader(page.locator("header.kop"))["onder"], _kader(page.locator(".actiebalk"))["boven"]


def test_the_alarm_question_comes_first_on_its_step(page, live_server, live_content):
    vorige, slug = _alarmstap()
    page.goto(live_server.url + url(vorige, **beslissingen_tot(vorige)))
    page.get_by_role("button", name="Volgende", exact=True).click()
    expect(page.locator("h1")).to_have_text(_kop(slug))
    _na_wissel(page)
    vraag = page.locator(".alarmvraag")
    expect(vraag).to_contain_text(_tekst(Stap.objects.get(slug=slug).alarm["vraag"]))
    kader = _in_eerste_beeld(vraag, "de alarmvraag")
    boven, onder = _zichtbaar_deel(page)
    assert boven <= kader["boven"] and kader["onder"] <= onder, "de alarmvraag is bedekt"
    _in_eerste_beeld(page.get_by_role("button", name="Ja, dat is aannemelijk"), "de alarmknop")


@pytest.mark.parametrize("manier", ["htmx", "zonder-htmx", "zonder-js"])
def test_yes_on_the_alarm_question_shows_a_focused_alert_in_view(
    browser, browser_context_args, live_server, live_content, manier
):
    _, slug = _alarmstap()
    with _telefoon(browser, browser_context_args, js=manier != "zonder-js") as page:
        if manier == "zonder-htmx":
            # site.js without htmx: the form posts, the answer is a redirect to …#alarm.
            page.route("**/django_htmx/**", lambda route: route.abort())
        page.goto(live_server.url + url(slug, **beslissingen_tot(slug)))
        expect(page.get_by_role("button", name="Nee", exact=True)).to_be_visible()
        page.get_by_role("button", name="Ja, dat is aannemelijk").click()

        alarm = page.locator("#alarm")
        expect(alarm).to_be_visible()
        expect(page.get_by_role("alert")).to_have_attribute("id", "alarm")
        expect(alarm).to_contain_text(_tekst(Stap.objects.get(slug=slug).alarm["actie"]))
        if manier == "htmx":
            expect(page).not_to_have_url(re.compile("#alarm"))
        else:
            expect(page).to_have_url(re.compile("#alarm$"))
        # Without JavaScript Chromium focuses the fragment's target itself.
        expect(alarm).to_be_focused()
        assert page.evaluate("document.activeElement.id") == "alarm"
        _stil(page)  # the scroll to the alert (swap, fragment)
        kader = _kader(alarm)
        boven, onder = _zichtbaar_deel(page)
        assert boven <= kader["boven"] and kader["onder"] <= onder, (
            f"het alarm is niet in beeld: {kader}"
        )

        expect(page.get_by_role("button", name="Nee", exact=True)).to_have_count(0)
        expect(page.get_by_role("button", name="Ja, dat is aannemelijk")).to_have_count(0)
        expect(page.get_by_role("button", name="Ja", exact=True)).to_be_visible()


# -- the safety net: "Terug", "Opnieuw beginnen", "Wis alles" -------------------------------------


def _beantwoord_eerste_vraag(page, basis: str) -> None:
    """On step 1: answer its first question and move on to step 2 (which saves the answer)."""
    page.goto(basis + url(EERSTE))
    _open_vraag(page, EERSTE)
    page.get_by_label("Jouw antwoord op vraag 1").fill(ANTWOORD)
    page.get_by_role("button", name="Volgende", exact=True).click()
    expect(page.locator("h1")).to_have_text(_kop(ROUTE[EERSTE].volgende))


def _verwacht_antwoord(page, antwoord: str) -> None:
    """Step 1 shows `antwoord` in its first question (the question says "beantwoord")."""
    expect(page.locator("h1")).to_have_text(_kop(EERSTE))
    expect(page.get_by_label("Jouw antwoord op vraag 1")).to_have_value(antwoord)
    status = page.locator(".vraag__tekst").first.get_by_text("beantwoord", exact=True)
    expect(status).to_have_count(1 if antwoord else 0)


@JS
def test_terug_returns_to_the_previous_step_with_the_answers_intact(
    browser, browser_context_args, live_server, live_content, js
):
    with _telefoon(browser, browser_context_args, js) as page:
        _beantwoord_eerste_vraag(page, live_server.url)
        page.get_by_role("link", name="Terug", exact=True).click()
        _verwacht_antwoord(page, ANTWOORD)
        expect(page.get_by_label("Jouw antwoord op vraag 1")).to_be_visible()
        assert page.url == live_server.url + url(EERSTE)


def test_opnieuw_beginnen_asks_in_a_dialog_first_then_wipes(page, live_server, live_content):
    _beantwoord_eerste_vraag(page, live_server.url)
    dialoog = page.get_by_role("dialog", name="Alles wissen en opnieuw beginnen?")
    expect(dialoog).to_be_hidden()

    _open_orientatie(page)
    page.get_by_role("link", name="Opnieuw beginnen").click()
    expect(dialoog).to_be_visible()
    expect(dialoog.get_by_role("button", name="Ja, wis alles")).to_be_visible()
    dialoog.get_by_role("button", name="Nee, ga terug").click()
    expect(dialoog).to_be_hidden()
    expect(page.locator("h1")).to_have_text(_kop(ROUTE[EERSTE].volgende))
    page.get_by_role("link", name="Terug", exact=True).click()
    _verwacht_antwoord(page, ANTWOORD)

    _open_orientatie(page)
    page.get_by_role("link", name="Opnieuw beginnen").click()
    dialoog.get_by_role("button", name="Ja, wis alles").click()
    expect(page).to_have_url(live_server.url + "/route/")
    expect(page.get_by_role("status")).to_have_text(GEWIST)
    page.goto(live_server.url + url(EERSTE))
    _verwacht_antwoord(page, "")


def test_opnieuw_beginnen_without_javascript_asks_on_a_page_first_then_wipes(
    browser, browser_context_args, live_server, live_content
):
    with _telefoon(browser, browser_context_args, js=False) as page:
        _beantwoord_eerste_vraag(page, live_server.url)
        stap_twee = page.url
        _open_orientatie(page)
        page.get_by_role("link", name="Opnieuw beginnen").click()
        expect(page).to_have_url(re.compile(r"/route/opnieuw/\?terug="))
        expect(page.locator("h1")).to_have_text("Alles wissen en opnieuw beginnen?")
        page.get_by_role("link", name="Nee, ga terug").click()
        expect(page).to_have_url(stap_twee)
        page.get_by_role("link", name="Terug", exact=True).click()
        _verwacht_antwoord(page, ANTWOORD)

        _open_orientatie(page)
        page.get_by_role("link", name="Opnieuw beginnen").click()
        expect(page.locator("h1")).to_have_text("Alles wissen en opnieuw beginnen?")
        page.get_by_role("button", name="Ja, wis alles").click()
        expect(page).to_have_url(live_server.url + "/route/")
        expect(page.get_by_role("status")).to_have_text(GEWIST)
        page.goto(live_server.url + url(EERSTE))
        _verwacht_antwoord(page, "")


@JS
def test_wis_alles_on_the_report_asks_first_then_wipes(
    browser, browser_context_args, live_server, live_content, js
):
    verslag = live_server.url + url("verslag", **beslissingen_voor_pad(PADEN[0]))
    with _telefoon(browser, browser_context_args, js) as page:
        _beantwoord_eerste_vraag(page, live_server.url)
        page.goto(verslag)
        expect(page.locator(".verslag")).to_contain_text(ANTWOORD)
        page.get_by_role("link", name="Wis alles").click()
        if js:
            vraag = page.get_by_role("dialog", name="Alles wissen en opnieuw beginnen?")
            expect(vraag).to_be_visible()
        else:
            vraag = page
            expect(page.locator("h1")).to_have_text("Alles wissen en opnieuw beginnen?")
        vraag.get_by_role("button" if js else "link", name="Nee, ga terug").click()
        expect(page.locator("h1")).to_have_text("Routeverslag")
        expect(page.locator(".verslag")).to_contain_text(ANTWOORD)

        page.get_by_role("link", name="Wis alles").click()
        page.get_by_role("button", name="Ja, wis alles").click()
        expect(page).to_have_url(live_server.url + "/route/")
        expect(page.get_by_role("status")).to_have_text(GEWIST)
        page.goto(verslag)
        expect(page.locator("h1")).to_have_text("Routeverslag")
        expect(page.locator(".verslag")).not_to_contain_text(ANTWOORD)


# -- the header ----------------------------------------------------------------------------------


def _routepaginas() -> list[str]:
    """Every step (by a path that reaches it), the report and the confirmation page."""
    paginas = [url(slug, **beslissingen_tot(slug)) for slug in ROUTE.volgorde]
    return [
        *paginas,
        url("verslag", **beslissingen_voor_pad(PADEN[0])),
        "/route/opnieuw/?terug=/route/",
    ]


@JS
def test_route_pages_have_a_compact_header_with_bel_112_and_a_menu_button(
    browser, browser_context_args, live_server, live_content, js
):
    with _telefoon(browser, browser_context_args, js) as page:
        for pad in _routepaginas():
            page.goto(live_server.url + pad)
            kop = page.locator("header.kop")
            hoogte = kop.bounding_box()["height"]
            assert hoogte <= 64, f"{pad}: de kop is {hoogte}px hoog"

            noodlijn = kop.get_by_role("link", name="Acuut gevaar? Bel 112")
            expect(noodlijn).to_have_attribute("href", "tel:112")
            _in_eerste_beeld(noodlijn, f"{pad}: Bel 112")
            # Always visible: still on screen at the bottom of the page.
            _naar_onderen(page)
            expect(noodlijn).to_be_in_viewport(ratio=1)

            partners = page.get_by_role("link", name="Partners en rollen")
            expect(partners).to_be_hidden()
            kop.get_by_text("Menu", exact=True).click()
            expect(partners).to_be_visible()
            expect(partners).to_be_in_viewport(ratio=1)


@JS
def test_the_keyboard_scrolls_every_route_page(
    browser, browser_context_args, live_server, live_content, js
):
    # Reading a page with the keyboard right after it loads (as at 400 % zoom on a desktop).
    with _telefoon(browser, browser_context_args, js) as page:
        for pad in _routepaginas():
            page.goto(live_server.url + pad)
            page.keyboard.press("End")
            expect(page.locator("footer"), f"{pad}: End").to_be_in_viewport()
            _stil(page)
            page.keyboard.press("Home")
            expect(page.locator("h1"), f"{pad}: Home").to_be_in_viewport(ratio=1)


# -- the action bar and focus --------------------------------------------------------------------


def _niet_bedekt(page, veld, naam: str) -> None:
    expect(veld).to_be_focused()
    _stil(page)
    onder, balk = _kader(veld)["onder"], _kader(page.locator(".actiebalk"))["boven"]
    # Scroll positions are whole pixels, boxes are not: allow less than one pixel.
    assert onder < balk + 1, f"de actiebalk (vanaf {balk}px) dekt {naam} (tot {onder}px)"


def test_the_action_bar_never_covers_the_field_that_has_focus(
    browser, browser_context_args, live_server, live_content
):
    # With JavaScript the bar is a strip at the bottom of the screen (the page scrolls above it).
    with _telefoon(browser, browser_context_args) as page:
        page.goto(live_server.url + url(EERSTE))
        balk = _kader(page.locator(".actiebalk"))

        # The lowest question above the bar: opened, its input sits behind the bar; Tab to it.
        vragen = page.locator(".vraag__tekst")
        kaders = [_kader(vragen.nth(i)) for i in range(vragen.count())]
        laatste = max(i for i, k in enumerate(kaders) if k["onder"] <= balk["boven"])
        vragen.nth(laatste).click()
        veld = page.get_by_label(f"Jouw antwoord op vraag {laatste + 1}")
        assert _kader(veld)["onder"] > balk["boven"], "de test zet het veld niet achter de balk"
        page.keyboard.press("Tab")
        _niet_bedekt(page, veld, f"vraag {laatste + 1}")

        # The notes field scrolled to just above the bottom of the screen, behind the bar.
        notitie = page.get_by_label("Notities bij deze stap")
        page.mouse.move(BREEDTE / 2, HOOGTE / 2)
        page.mouse.wheel(0, _kader(notitie)["onder"] - (HOOGTE - 10))
        _stil(page)
        assert _kader(notitie)["onder"] > balk["boven"], "de test zet het veld niet achter de balk"
        notitie.focus()
        _niet_bedekt(page, notitie, "de notities")


def test_without_javascript_the_buttons_cover_nothing(
    browser, browser_context_args, live_server, live_content
):
    # Without JavaScript the buttons stay in the page, after the form's last field: no field,
    # focused or not, can ever lie behind them.
    with _telefoon(browser, browser_context_args, js=False) as page:
        page.goto(live_server.url + url(EERSTE))
        balk = page.locator(".actiebalk")
        assert balk.evaluate("b => getComputedStyle(b).position") == "static"
        notitie = page.get_by_label("Notities bij deze stap")
        notitie.focus()
        _stil(page)
        assert _kader(notitie)["onder"] <= _kader(balk)["boven"]
        velden = page.locator(".stapformulier input:not([type=hidden]), .stapformulier textarea")
        for i in range(velden.count()):
            if velden.nth(i).is_visible():
                assert _kader(velden.nth(i))["onder"] <= _kader(balk)["boven"]


# -- what opens ---------------------------------------------------------------------------------


def test_what_opens_on_a_step_has_no_axe_violations(page, live_server, live_content):
    # The step checks in test_route.py see each page as it loads; these are its opened states.
    page.goto(live_server.url + url(EERSTE))
    _open_vraag(page, EERSTE)
    _open_orientatie(page)
    page.get_by_text("Menu", exact=True).click()
    assert not (r := axe_fouten(page)), f"vraag, kaart en menu open: {r}"
    page.get_by_role("link", name="Opnieuw beginnen").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert not (r := axe_fouten(page)), f"de vraag vóór het wissen: {r}"


# -- the start step ------------------------------------------------------------------------------


@JS
def test_no_radio_button_on_the_start_step_is_pre_selected(
    browser, browser_context_args, live_server, live_content, js
):
    with _telefoon(browser, browser_context_args, js) as page:
        page.goto(live_server.url + "/route/")
        keuzes = page.get_by_role("radio")
        expect(keuzes.first).to_be_visible()
        assert keuzes.count() >= 9
        for i in range(keuzes.count()):
            expect(keuzes.nth(i)).not_to_be_checked()
        # A choice made earlier ("Wijzig") is shown again, and only that one.
        page.goto(live_server.url + url(ROUTE.start, rol="boa"))
        expect(page.get_by_role("radio", name="Boa", exact=True)).to_be_checked()
        expect(page.locator("input[type=radio]:checked")).to_have_count(1)
