"""/casussen/<fenomeen>/: one phenomenon with its explanation and its case(s), the example
message drawn as a neutral mock post."""

import re

from casussen.models import Casus, Fenomeen
from tests.factories import CasusFactory, FenomeenFactory


def test_it_shows_the_phenomenon_and_its_case(client, content):
    fenomeen = Fenomeen.objects.get(slug="fraude")
    html = client.get("/casussen/fraude/").content.decode()
    assert f"<h1>{fenomeen.titel}</h1>" in html
    assert fenomeen.casussen.get().titel in html


def test_it_shows_no_case_of_another_phenomenon(client, content):
    html = client.get("/casussen/fraude/").content.decode()
    anderen = Casus.objects.exclude(fenomeen__slug="fraude").values_list("titel", flat=True)
    assert [t for t in anderen if t in html] == []


def test_the_example_message_is_a_mock_post_with_platform_type_and_visibility(client, content):
    html = client.get("/casussen/rivaliserende-jeugd/").content.decode()
    kop = re.search(r'<figcaption class="mockbericht__kop">(.*?)</figcaption>', html, re.S)
    assert kop
    assert "Snapchat" in kop.group(1)
    assert "Verhaal (story)" in kop.group(1)
    assert "Openbaar" in kop.group(1) or "Besloten" in kop.group(1)


def test_the_mock_post_says_it_is_made_up(client, content):
    html = client.get("/casussen/fraude/").content.decode()
    assert '<figure class="mockbericht" aria-label="Voorbeeldbericht (verzonnen)">' in html
    assert "Verzonnen voorbeeld" in html


def test_a_forwarded_case_says_how_it_reached_you(client, content):
    casus = Casus.objects.get(fenomeen__slug="seksueel-grensoverschrijdend-gedrag")
    html = client.get("/casussen/seksueel-grensoverschrijdend-gedrag/").content.decode()
    assert casus.doorgestuurd_via
    assert f"Doorgestuurd via {casus.doorgestuurd_via}" in html


def test_an_offline_case_has_the_offline_badge(client, content):
    html = client.get("/casussen/cybercriminaliteit/").content.decode()
    assert '<span class="badge badge--offline">' in html
    assert '<span class="badge badge--online">' not in html


def test_the_message_text_is_escaped(client, db):
    CasusFactory(
        fenomeen=FenomeenFactory(slug="proef"), bericht={"afzender": "@a", "tekst": "<b>x</b>"}
    )
    html = client.get("/casussen/proef/").content.decode()
    assert "&lt;b&gt;x&lt;/b&gt;" in html
