"""The PDF of a published version: read back with pypdf, cached per version."""

import io
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from afspraken import pdf as afspraken_pdf
from afspraken.models import Afspraak
from kern import pdf
from tests.afspraken.personas import maak_afspraak, publiceer

XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def _tekst(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


@pytest.fixture
def twee_versies(netwerk_a, regisseur_a):
    maak_afspraak(netwerk_a, soort="Wapens", tekst="Deel wapeninformatie direct met de politie.")
    weg = maak_afspraak(
        netwerk_a, soort="Drugs", tekst="Kleine hoeveelheden drugs bespreken we later."
    )
    publiceer(netwerk_a, door=regisseur_a)
    weg.delete()
    maak_afspraak(
        netwerk_a, soort="Algemeen", tekst="De politie vraagt het jongerenwerk om duiding."
    )
    for i in range(40):  # enough rows for a second page
        maak_afspraak(
            netwerk_a, soort="Algemeen", tekst=f"Vulregel {i} met wat tekst om de tabel te vullen."
        )
    return publiceer(netwerk_a, door=regisseur_a)


class TestPdf:
    def test_it_contains_network_version_date_rows_pages_and_changes(
        self, client, als, partner_a, twee_versies
    ):
        response = als(client, partner_a).get(reverse("afspraken:pdf", args=["gemeente-a", 2]))
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        reader = PdfReader(io.BytesIO(response.content))
        tekst = _plat(_tekst(response.content))
        assert len(reader.pages) >= 2
        assert "Afspraken Gemeente A" in tekst
        assert "Versie 2" in tekst
        assert date_format(timezone.localdate(), "j F Y") in tekst
        for rij in twee_versies.rijen:
            assert _plat(rij["tekst"]) in tekst
        assert "Pagina 1 van" in tekst
        assert f"Pagina 2 van {len(reader.pages)}" in tekst
        changes = tekst.split("Gewijzigd sinds versie 1", 1)[1]
        assert (
            "Toegevoegd" in changes and "De politie vraagt het jongerenwerk om duiding." in changes
        )
        assert (
            "Verwijderd" in changes and "Kleine hoeveelheden drugs bespreken we later." in changes
        )
        # The table header repeats on the second page.
        assert "Soort casus" in reader.pages[1].extract_text()

    def test_it_is_a_tagged_pdf_ua_document(self, twee_versies):
        reader = PdfReader(io.BytesIO(afspraken_pdf.pdf_van(twee_versies)))
        catalog = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog
        assert catalog["/MarkInfo"]["/Marked"]
        assert catalog["/Lang"] == "nl"

    def test_a_second_download_does_not_render_again(
        self, client, als, partner_a, regisseur_a, twee_versies
    ):
        url = reverse("afspraken:pdf", args=["gemeente-a", 2])
        with mock.patch.object(pdf, "naar_pdf", wraps=pdf.naar_pdf) as render:
            eerste = als(client, partner_a).get(url).content
            tweede = als(client, regisseur_a).get(url).content
        assert render.call_count == 1
        assert eerste == tweede

    @pytest.mark.parametrize("kwaad", XSS)
    def test_hostile_text_is_text_in_the_pdf(self, netwerk_a, kwaad):
        maak_afspraak(netwerk_a, soort=kwaad, tekst=kwaad)
        tekst = _tekst(afspraken_pdf.pdf_van(publiceer(netwerk_a)))
        # Case type and text, literally (a narrow cell may wrap a line, so compare without spaces).
        assert "".join(tekst.split()).count("".join(kwaad.split())) >= 2

    def test_it_is_rendered_from_the_same_template_as_the_web_view(
        self, client, als, partner_a, twee_versies
    ):
        html = afspraken_pdf.pdf_html(twee_versies)
        web = (
            als(client, partner_a)
            .get(reverse("afspraken:versie", args=["gemeente-a", 2]))
            .content.decode()
        )
        kern = '<table class="afspraken afspraken--publicatie">'
        assert kern in html and kern in web
        assert Afspraak.objects.count() == 42
