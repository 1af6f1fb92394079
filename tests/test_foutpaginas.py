"""The error pages a visitor sees with DEBUG off: Dutch, in the site's layout, not indexed, with
their own status code; and a step of the route opened without its route (a shared link) gets a
page that sends the walker to the start.

With DEBUG on Django shows its technical pages instead, so every test here turns DEBUG off.
This module is also the urlconf of the tests that need a view that fails (TestFouteViews).
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from config.urls import urlpatterns as site_urls


def stuk(request):
    raise RuntimeError("kapot")


def verboden(request):
    raise PermissionDenied


urlpatterns = [path("stuk/", stuk), path("verboden/", verboden), *site_urls]


@pytest.fixture(autouse=True)
def _zonder_debug(settings):
    settings.DEBUG = False


def assert_in_de_huisstijl(html: str) -> None:
    """The page is the site's: Dutch, with its header and footer, and kept out of search engines."""
    assert '<html lang="nl">' in html
    assert '<header class="kop' in html
    assert '<footer class="voet' in html
    assert '<meta name="robots" content="noindex">' in html


class TestNietGevonden:
    @pytest.mark.parametrize("url", ["/dit/bestaat/niet/", "/partners/bestaat-niet/"])
    def test_an_unknown_page_is_pagina_niet_gevonden(self, client, content, url):
        # The first resolves nowhere, the second is a view that raises Http404.
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 404
        assert_in_de_huisstijl(html)
        assert "<h1>Pagina niet gevonden</h1>" in html
        assert 'href="/"' in html and 'href="/route/"' in html

    # Each step URL without the answers that lead there, and the same step with them.
    @pytest.mark.parametrize(
        "zonder, met",
        [
            ("/route/acties/", "/route/acties/?partners=nee&ingrijpen=ja"),
            ("/route/ingrijpen/", "/route/ingrijpen/?partners=ja"),
            ("/route/acties/?partners=ja", "/route/acties/?partners=ja&ingrijpen=ja"),
        ],
    )
    def test_a_step_opened_without_its_route_sends_the_walker_to_the_start(
        self, client, content, zonder, met
    ):
        assert client.get(met).status_code == 200
        response = client.get(zonder)
        html = response.content.decode()
        assert response.status_code == 404
        assert_in_de_huisstijl(html)
        assert "<h1>Deze stap hoort bij een route die je nog niet hebt gelopen</h1>" in html
        assert '<a class="knop" href="/route/">Begin bij het begin</a>' in html
        assert "Pagina niet gevonden" not in html

    def test_it_links_to_the_explanation_of_that_step(self, client, content):
        html = client.get("/route/acties/").content.decode()
        assert 'href="/stappen/acties/"' in html

    def test_a_step_that_does_not_exist_is_pagina_niet_gevonden(self, client, content):
        response = client.get("/route/bestaat-niet/")
        assert response.status_code == 404
        assert "<h1>Pagina niet gevonden</h1>" in response.content.decode()


class TestCsrf:
    def test_a_form_without_a_valid_token_gets_a_dutch_403(self, content):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/inloggen/", {"username": "iemand", "password": "geheim"})
        html = response.content.decode()
        assert response.status_code == 403
        assert_in_de_huisstijl(html)
        assert "<h1>Je formulier kon niet worden verstuurd</h1>" in html
        assert "cookies" in html and "probeer het nog een keer" in html


class TestOngeldigVerzoek:
    def test_a_host_we_do_not_serve_gets_a_dutch_400(self, client, content):
        response = client.get("/", HTTP_HOST="ergens-anders.example")
        html = response.content.decode()
        assert response.status_code == 400
        assert_in_de_huisstijl(html)
        assert "<h1>Verzoek niet begrepen</h1>" in html


@pytest.mark.urls("tests.test_foutpaginas")
class TestFouteViews:
    def test_a_permission_denied_gets_a_dutch_403(self, client, content):
        response = client.get("/verboden/")
        html = response.content.decode()
        assert response.status_code == 403
        assert_in_de_huisstijl(html)
        assert "<h1>Geen toegang</h1>" in html

    def test_a_failing_view_gets_a_dutch_500_without_touching_the_database(self, client):
        # No database fixture: any query while rendering the page would raise here (the
        # database may well be what failed). Django renders 500.html without any context.
        client.raise_request_exception = False
        response = client.get("/stuk/")
        html = response.content.decode()
        assert response.status_code == 500
        assert_in_de_huisstijl(html)
        assert "<h1>Er ging iets mis</h1>" in html
