"""The public reference pages: every one answers, in Dutch; unknown slugs are 404."""

import re

import pytest

from routekaart.models import Pagina, PartnerRol, Stap
from tests.hulp_paginas import VASTE_URLS, publieke_urls, tekst


def test_every_public_page_answers_200_in_dutch(client, content):
    urls = publieke_urls()
    # 7 fixed pages, 4 partners, 8 phenomena, 8 route steps.
    assert len(urls) == 27
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="nl">' in response.content.decode(), url


def test_every_public_page_has_one_h1_and_its_own_title(client, content):
    titels = {}
    for url in publieke_urls():
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        titels[url] = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert len(set(titels.values())) == len(titels)


@pytest.mark.parametrize(
    "url",
    [
        "/partners/bestaat-niet/",
        "/casussen/bestaat-niet/",
        "/stappen/bestaat-niet/",
        "/bestaat-niet/",
        # A Pagina that exists but is not one of the fixed pages is not served at /<slug>/.
        "/start/",
        "/partners/andere/",
    ],
)
def test_an_unknown_slug_is_404(client, content, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("url", "status"),
    [
        *((url, 404) for url in VASTE_URLS if url != "/casussen/"),
        ("/casussen/", 200),  # the list works without its introduction: "0 casussen gevonden."
        ("/route/", 404),
        ("/route/bericht-duiden/", 404),
        ("/stappen/bericht-duiden/", 404),
    ],
)
def test_pages_do_not_fail_before_content_is_loaded(client, zonder_content, url, status):
    # An empty database is a set-up mistake, not a server error: "not found" or an empty list.
    assert client.get(url).status_code == status


@pytest.mark.parametrize("url", ["/", "/partners/", "/casussen/", "/colofon/"])
def test_a_public_page_refuses_post(client, content, url):
    assert client.post(url).status_code == 405


def test_the_start_page_links_to_the_three_sections_and_the_route(client, content):
    html = client.get("/").content.decode()
    for href in ('href="/partners/"', 'href="/casussen/"', 'href="/afspraken-maken/"'):
        assert href in html
    assert 'class="knop" href="/route/">Start route</a>' in html


def test_the_route_map_links_every_station_to_its_explanation(client, content):
    html = client.get("/").content.decode()
    for stap in Stap.objects.all():
        assert f'<a href="/stappen/{stap.slug}/" class="kaart__link"' in html


def test_the_route_map_names_numbered_stations_by_step(client, content):
    html = client.get("/").content.decode()
    assert 'aria-label="Stap 1: Bericht duiden"' in html
    assert 'aria-label="Stap 4: Ingrijpen?"' in html


def test_the_route_maps_coordinates_are_not_localized(client, content):
    # Dutch number formatting ("360,0") silently breaks the drawing.
    svg = re.search(r'<svg class="kaart".*?</svg>', client.get("/").content.decode(), re.S).group(0)
    assert re.findall(r'(?:x|y|cx|cy|width|height|viewBox|d)="[^"]*\d,\d', svg) == []


def test_the_route_map_labels_the_forks_ja_and_nee(client, content):
    html = client.get("/").content.decode()
    vorken = re.findall(r'<text class="kaart__vork[^"]*"[^>]*>(Ja|Nee)</text>', html)
    assert sorted(vorken) == ["Ja", "Ja", "Nee", "Nee"]


def test_a_step_page_marks_its_station_on_the_map(client, content):
    html = client.get("/stappen/contextinformatie/").content.decode()
    assert html.count("kaart__station--huidig") == 1
    assert "je bent bij Contextinformatie" in html


def test_a_partner_page_has_rol_algemeen_and_toepassing_online(client, content):
    pagina = tekst(client.get("/partners/boa/").content.decode())
    assert "Rol algemeen" in pagina
    assert "Toepassing online" in pagina
    assert "geen digitale opsporing" in pagina


def test_the_partners_page_lists_the_three_rules_for_all_partners(client, content):
    html = client.get("/partners/").content.decode()
    assert "Voor alle partners geldt" in html
    assert len(Pagina.objects.get(slug="partners").extra["regels"]) == 3
    for partner in PartnerRol.objects.all():
        assert f'href="/partners/{partner.slug}/"' in html


def test_the_afspraken_maken_table_has_the_sources_columns(client, content):
    html = client.get("/afspraken-maken/").content.decode()
    koppen = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert koppen == ["Soort casus", "Afspraak", "Wie zijn betrokken? (organisaties/namen)"]
    assert html.count('<th scope="row">') == 3


def test_the_afspraken_maken_procedure_is_an_ordered_list_of_six(client, content):
    html = client.get("/afspraken-maken/").content.decode()
    procedure = re.search(r'<ol class="procedure">(.*?)</ol>', html, re.S).group(1)
    assert procedure.count("<li>") == 6


def test_the_afspraken_maken_page_does_not_repeat_its_headings(client, content):
    html = client.get("/afspraken-maken/").content.decode()
    koppen = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert len(koppen) == len(set(koppen))


def test_the_colofon_credits_the_sources_makers(client, content):
    pagina = tekst(client.get("/colofon/").content.decode())
    for maker in ("NHVeilig", "CCV", "Partner in Crime"):
        assert maker in pagina


def test_every_page_has_the_skip_link_main_nav_and_footer(client, content):
    for url in publieke_urls():
        html = client.get(url).content.decode()
        assert '<a class="skiplink" href="#inhoud">' in html, url
        assert '<main id="inhoud"' in html, url
        assert '<nav class="hoofdmenu" aria-label="Hoofdmenu">' in html, url
        assert '<footer class="voet">' in html, url


def test_the_current_section_is_marked_in_the_main_nav(client, content):
    html = client.get("/casussen/fraude/").content.decode()
    assert re.search(r'<a href="/casussen/"\s+aria-current="page">Casussen</a>', html)
