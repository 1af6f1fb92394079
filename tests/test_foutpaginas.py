"""The error pages a visitor sees with DEBUG off: Dutch, in the site's layout, not indexed, with
their own status code; and a step of the route opened without its route (a shared link) gets a
page that sends the walker to the start.

With DEBUG on Django shows its technical pages instead, so every test here turns DEBUG off.
"""

import pytest


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
