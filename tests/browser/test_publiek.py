"""The public pages in Debian's Chromium: zero axe-core violations at phone and desktop width,
the route map's stations as working links, and the casus filters with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from casussen.models import Casus
from tests.conftest import BREEDTES, axe_fouten
from tests.hulp_paginas import publieke_urls

pytestmark = pytest.mark.browser


def test_every_public_page_has_no_axe_violations_at_phone_and_desktop_width(
    page, live_server, live_content
):
    fouten = {}
    for url in publieke_urls():
        page.goto(live_server.url + url)
        for naam, breedte in BREEDTES.items():
            page.set_viewport_size({"width": breedte, "height": 900})
            if rapport := axe_fouten(page):
                fouten[f"{url} ({naam})"] = rapport
    assert fouten == {}


def test_no_public_page_scrolls_sideways_at_phone_or_desktop_width(page, live_server, live_content):
    te_breed = []
    for url in publieke_urls():
        page.goto(live_server.url + url)
        for naam, breedte in BREEDTES.items():
            page.set_viewport_size({"width": breedte, "height": 900})
            if page.evaluate("document.documentElement.scrollWidth") > breedte:
                te_breed.append(f"{url} ({naam})")
    assert te_breed == []


def test_axe_finds_a_violation_when_there_is_one(page):
    # The check itself works: an image without alternative text is reported.
    page.set_content('<!DOCTYPE html><html lang="nl"><title>t</title><img src="x.png"></html>')
    assert "image-alt" in axe_fouten(page)


def test_a_station_on_the_route_map_leads_to_its_explanation(page, live_server, live_content):
    page.goto(live_server.url + "/")
    kaart = page.get_by_role("group", name="Routekaart met de stappen van de route")
    kaart.get_by_role("link", name="Stap 1: Bericht duiden").click()
    expect(page).to_have_url(live_server.url + "/stappen/bericht-duiden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("1. Bericht duiden")


def test_every_station_on_the_route_map_is_a_working_link(page, live_server, live_content):
    page.goto(live_server.url + "/")
    links = page.locator("svg.kaart a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 8
    for href in hrefs:
        page.goto(live_server.url + "/")
        page.locator(f'svg.kaart a[href="{href}"]').click()
        expect(page).to_have_url(live_server.url + href)
        # Each explanation page marks its own station on its map.
        expect(page.locator(".kaart__station--huidig")).to_have_count(1)


def test_a_station_can_be_reached_and_followed_with_the_keyboard(page, live_server, live_content):
    page.goto(live_server.url + "/")
    page.locator('svg.kaart a[href="/stappen/contextinformatie/"]').focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/stappen/contextinformatie/")


def _casus_titels(page) -> list[str]:
    return page.locator("#resultaten h3").all_inner_texts()


def test_the_offline_filter_swaps_the_results_without_a_reload(page, live_server, live_content):
    offline = sorted(Casus.objects.filter(modus="offline").values_list("titel", flat=True))
    page.goto(live_server.url + "/casussen/")
    # A marker on the window survives an htmx swap but not a full page load.
    page.evaluate("window.zelfdePagina = true")
    page.get_by_role("radio", name="Offline").check()
    expect(page).to_have_url(re.compile(r"\?.*modus=offline"))
    expect(page.locator("#resultaten h3")).to_have_count(4)
    assert sorted(_casus_titels(page)) == offline
    assert page.evaluate("window.zelfdePagina") is True
    expect(page.get_by_role("status")).to_have_text("4 casussen gevonden.")


def test_the_phenomenon_filter_swaps_the_results_with_javascript(page, live_server, live_content):
    page.goto(live_server.url + "/casussen/")
    page.get_by_label("Fenomeen").select_option("fraude")
    expect(page).to_have_url(re.compile(r"fenomeen=fraude"))
    expect(page.locator("#resultaten h3")).to_have_count(1)


def test_the_filters_work_without_javascript(browser, live_server, live_content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/casussen/")
        page.get_by_role("radio", name="Offline").check()
        # Without JavaScript nothing happens until the form is sent.
        expect(page.locator("#resultaten h3")).to_have_count(8)
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(re.compile(r"\?.*modus=offline"))
        expect(page.locator("#resultaten h3")).to_have_count(4)
        page.get_by_label("Fenomeen").select_option("cybercriminaliteit")
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(re.compile(r"fenomeen=cybercriminaliteit"))
        expect(page.locator("#resultaten h3")).to_have_count(1)
    finally:
        context.close()


def test_the_back_button_restores_the_unfiltered_list(page, live_server, live_content):
    page.goto(live_server.url + "/casussen/")
    page.get_by_role("radio", name="Online", exact=True).check()
    expect(page.locator("#resultaten h3")).to_have_count(4)
    page.go_back()
    expect(page).to_have_url(live_server.url + "/casussen/")
    expect(page.locator("#resultaten h3")).to_have_count(8)
