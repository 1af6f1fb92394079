"""The Contactkaart: a printable page and its PDF (WeasyPrint, read back with pypdf)."""

import io

from django.urls import reverse
from pypdf import PdfReader

from contacten.views import kaart_html
from tests.contacten.conftest import maak_contact


def _tekst(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join("\n".join(p.extract_text() for p in reader.pages).split())


class TestKaart:
    def test_the_page_lists_the_networks_contacts(self, client, content, netwerk_a, partner_a):
        maak_contact(netwerk_a, organisatie="Jongerenwerk Noord", functie="jongerenwerker")
        client.force_login(partner_a)
        html = client.get(reverse("contacten:kaart", args=["gemeente-a"])).content.decode()
        assert "Contactkaart Gemeente A" in html
        assert "Jongerenwerk Noord" in html and 'href="tel:0612345678"' in html
        assert reverse("contacten:kaart-pdf", args=["gemeente-a"]) in html

    def test_the_pdf_holds_the_network_and_its_contacts(
        self, client, content, netwerk_a, netwerk_b, partner_a
    ):
        maak_contact(netwerk_a, organisatie="Jongerenwerk Noord", functie="jongerenwerker")
        maak_contact(netwerk_a, organisatie="Gemeente", functie="OOV-adviseur", naam="")
        maak_contact(netwerk_b, organisatie="Andermans Politie", telefoon="0201234567")
        client.force_login(partner_a)
        response = client.get(reverse("contacten:kaart-pdf", args=["gemeente-a"]))
        assert response["Content-Type"] == "application/pdf"
        assert 'filename="contactkaart-gemeente-a.pdf"' in response["Content-Disposition"]
        assert response["Cache-Control"] == "no-store"
        tekst = _tekst(response.content)
        assert "Contactkaart Gemeente A" in tekst
        assert "Jongerenwerk Noord" in tekst and "OOV-adviseur" in tekst
        assert "06 12345678" in tekst and "sam@politie.example" in tekst
        assert "Andermans Politie" not in tekst

    def test_the_pdf_links_its_stylesheet_for_the_pdf_fetcher(self, netwerk_a):
        html = kaart_html(netwerk_a)
        assert '<link rel="stylesheet" href="/static/css/afspraken-pdf.css">' in html
        assert "<style>" not in html

    def test_an_empty_list_says_so(self, client, content, netwerk_a, partner_a):
        client.force_login(partner_a)
        response = client.get(reverse("contacten:kaart-pdf", args=["gemeente-a"]))
        assert "Er zijn nog geen contacten" in _tekst(response.content)
