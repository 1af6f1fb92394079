"""The route report: what the walker did, for their own file, as a page and as a PDF."""

import io

import pytest
from pypdf import PdfReader

from routekaart.models import Stap
from tests.routekaart.wandeling_hulp import ROUTE, antwoorden_voor_pad, url

pytestmark = pytest.mark.django_db
NOTITIE = "Bellen met wijkteam, zonder namen 42"


@pytest.fixture
def gelopen(client, content):
    """The longest path walked with a note and a tick at every step; its query string."""
    pad = max(ROUTE.paden(), key=len)
    antwoorden = antwoorden_voor_pad(pad)
    for slug in pad[1:]:
        client.post(
            url(slug, rol="boa", **antwoorden), {"notitie": f"{NOTITIE} ({slug})", "vragen": ["0"]}
        )
    return pad, url("verslag", rol="boa", **antwoorden).split("?")[1]


def test_it_lists_context_path_decisions_ticks_and_notes(client, gelopen):
    pad, query = gelopen
    html = client.get(f"/route/verslag/?{query}").content.decode()
    assert "Bewaar geen persoonsgegevens in dit verslag." in html
    assert "Boa" in html
    stappen = {s.slug: s for s in Stap.objects.all()}
    posities = [html.index(f"{stappen[s].titel}</li>") for s in pad[1:]]
    assert posities == sorted(posities)
    for slug in pad[1:]:
        assert f"{NOTITIE} ({slug})" in html
        assert stappen[slug].vragen[0]["tekst"] in html
    for beslissing in ROUTE.beslissingen:
        assert f"<dt>{beslissing.titel}</dt><dd>Ja</dd>" in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_date_is_written_in_dutch(client, gelopen):
    import time_machine

    _, query = gelopen
    with time_machine.travel("2026-11-28 10:00 +01:00", tick=False):
        html = client.get(f"/route/verslag/?{query}").content.decode()
    assert "28 november 2026" in html


def test_an_unfinished_route_has_no_report(client, content):
    assert client.get("/route/verslag/").status_code == 404


def test_the_pdf_holds_the_path_and_the_notes(client, gelopen):
    pad, query = gelopen
    response = client.get(f"/route/verslag.pdf?{query}")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="routeverslag.pdf"'
    assert "no-store" in response["Cache-Control"]
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    tekst = " ".join(tekst.split())
    for slug in pad[1:]:
        assert Stap.objects.get(slug=slug).titel in tekst
        assert f"{NOTITIE} ({slug})" in tekst
    assert "Bewaar geen persoonsgegevens" in tekst
    assert "Opnieuw beginnen" not in tekst and "Download PDF" not in tekst
