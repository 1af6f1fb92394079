"""A signed, expiring link to a version's PDF, for partners without an account."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from kern import pdf
from tests.afspraken.personas import maak_afspraak, publiceer


@pytest.fixture
def publicatie(netwerk_a):
    maak_afspraak(netwerk_a)
    publicatie = publiceer(netwerk_a)
    publicatie.pdf = b"%PDF-1.7 cached"  # the link is about access, not rendering
    publicatie.save()
    return publicatie


def _maak_link(client, regisseur) -> str:
    client.force_login(regisseur)
    response = client.post(reverse("afspraken:link", args=["gemeente-a", 1]), follow=True)
    html = response.content.decode()
    assert "Downloadlink voor partners zonder account" in html
    start = html.index("http://testserver/afspraken/pdf/")
    return html[start : html.index('"', start)].removeprefix("http://testserver")


def _zonder_login_na(client, url: str, na: dt.timedelta):
    """The link opened by someone without an account, `na` after now."""
    client.logout()
    with time_machine.travel(timezone.now() + na, tick=False):
        return client.get(url)


class TestGedeeldeLink:
    def test_it_works_without_login_before_it_expires(self, client, regisseur_a, publicatie):
        url = _maak_link(client, regisseur_a)
        response = _zonder_login_na(client, url, dt.timedelta(days=29, hours=23))
        assert response.status_code == 200
        assert response.content == b"%PDF-1.7 cached"

    def test_it_answers_410_in_dutch_after_30_days(self, client, regisseur_a, publicatie):
        url = _maak_link(client, regisseur_a)
        response = _zonder_login_na(client, url, dt.timedelta(days=30, minutes=1))
        assert response.status_code == 410
        assert "Deze downloadlink is verlopen" in response.content.decode()

    def test_it_answers_403_in_dutch_for_a_tampered_token(
        self, client, regisseur_a, publicatie, netwerk_b
    ):
        url = _maak_link(client, regisseur_a)
        client.logout()
        pk, rest = url.removeprefix("/afspraken/pdf/").split(":", 1)
        response = client.get(f"/afspraken/pdf/{int(pk) + 1}:{rest}")
        assert response.status_code == 403
        assert "Deze downloadlink klopt niet." in response.content.decode()
        assert client.get(url[:-3] + "xx/").status_code == 403

    def test_it_does_not_render_for_each_download(
        self, client, regisseur_a, publicatie, monkeypatch
    ):
        url = _maak_link(client, regisseur_a)
        monkeypatch.setattr(pdf, "naar_pdf", lambda html: pytest.fail("rendered again"))
        assert client.get(url).status_code == 200

    def test_only_a_regisseur_makes_links(self, client, partner_a, publicatie):
        client.force_login(partner_a)
        assert client.post(reverse("afspraken:link", args=["gemeente-a", 1])).status_code == 403
