"""/casussen/: the phenomena and their cases, filtered by ONLINE/OFFLINE and by phenomenon, as a
full page (plain GET, no JavaScript) and as the htmx results fragment."""

import re

import pytest

from casussen.models import Casus
from tests.factories import CasusFactory, FenomeenFactory, PaginaFactory


def _casus_titels(html: str) -> list[str]:
    return re.findall(r'<h3 id="casus-[^"]+">(.*?)</h3>', html)


def _online_titels() -> list[str]:
    return list(Casus.objects.filter(modus="online").values_list("titel", flat=True))


def test_it_shows_all_eight_cases_without_a_filter(client, content):
    html = client.get("/casussen/").content.decode()
    assert len(_casus_titels(html)) == 8
    assert "8 casussen gevonden." in html


def test_modus_online_shows_only_the_four_online_cases(client, content):
    html = client.get("/casussen/?modus=online").content.decode()
    assert sorted(_casus_titels(html)) == sorted(_online_titels())
    assert len(_casus_titels(html)) == 4


def test_modus_offline_shows_only_the_four_offline_cases(client, content):
    html = client.get("/casussen/?modus=offline").content.decode()
    offline = Casus.objects.filter(modus="offline").values_list("titel", flat=True)
    assert sorted(_casus_titels(html)) == sorted(offline)
    assert len(offline) == 4


def test_fenomeen_shows_only_that_phenomenons_case(client, content):
    html = client.get("/casussen/?fenomeen=fraude").content.decode()
    assert _casus_titels(html) == [Casus.objects.get(fenomeen__slug="fraude").titel]
    assert "1 casus gevonden." in html


def test_both_filters_together_show_what_matches_both(client, content):
    assert (
        _casus_titels(client.get("/casussen/?modus=offline&fenomeen=fraude").content.decode()) == []
    )
    html = client.get("/casussen/?modus=online&fenomeen=fraude").content.decode()
    assert len(_casus_titels(html)) == 1


def test_unknown_filter_values_show_everything(client, content):
    html = client.get("/casussen/?modus=soms&fenomeen=bestaat-niet").content.decode()
    assert len(_casus_titels(html)) == 8


def test_the_filter_form_works_without_javascript(client, content):
    # A plain GET form to the same page, with a submit button: no script needed.
    html = client.get("/casussen/").content.decode()
    form = re.search(r'<form class="filter" method="get" action="/casussen/".*?</form>', html, re.S)
    assert form
    assert '<button class="knop" type="submit">Filter</button>' in form.group(0)


@pytest.mark.parametrize(
    "pad, stukken",
    [
        pytest.param(
            "/casussen/?modus=offline&fenomeen=fraude",
            ["0 casussen gevonden.", "Geen casussen met deze keuze."],
            id="no_match_says_so",
        ),
        pytest.param(
            "/casussen/?modus=online&fenomeen=fraude",
            [
                '<input type="radio" name="modus" value="online" checked>',
                '<option value="fraude" selected>',
            ],
            id="the_chosen_filters_stay_selected",
        ),
        pytest.param(
            "/casussen/",
            [
                'data-hx-get="/casussen/"',
                'data-hx-target="#resultaten"',
                'data-hx-push-url="true"',
            ],
            id="the_filter_form_is_enhanced_with_htmx_attributes",
        ),
    ],
)
def test_the_page_shows(client, content, pad, stukken):
    html = client.get(pad).content.decode()
    for stuk in stukken:
        assert stuk in html


def test_an_htmx_request_gets_only_the_results(client, content):
    antwoord = client.get("/casussen/?modus=online", headers={"HX-Request": "true"})
    html = antwoord.content.decode()
    assert html.lstrip().startswith('<div id="resultaten">')
    assert "<html" not in html
    assert "<form" not in html
    assert len(_casus_titels(html)) == 4


def test_the_response_varies_on_hx_request(client, content):
    assert "HX-Request" in client.get("/casussen/")["Vary"]


def test_each_case_is_marked_online_or_offline_with_icon_and_word(client, content):
    html = client.get("/casussen/").content.decode()
    assert html.count('<span class="badge badge--online"><svg') >= 4
    assert html.count('<span class="badge badge--offline"><svg') >= 4


def test_each_case_offers_to_practise_it_on_the_route(client, content):
    html = client.get("/casussen/").content.decode()
    for casus in Casus.objects.all():
        assert f'href="/route/?casus={casus.slug}"' in html


def test_it_lists_cases_it_was_not_shipped_with(client, zonder_content):
    # Built from factories: the page follows the data, not the shipped content.
    PaginaFactory(slug="casussen")
    eigen = CasusFactory(titel="Een eigen casus", modus="offline", fenomeen=FenomeenFactory())
    CasusFactory(titel="Nog een", modus="online")
    html = client.get("/casussen/?modus=offline").content.decode()
    assert _casus_titels(html) == [eigen.titel]
