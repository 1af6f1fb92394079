"""Bad input gets a clear Dutch message (never a 500); what a user typed is shown as text."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from contacten.forms import ContactForm
from contacten.models import Contact
from tests.contacten.conftest import maak_contact, velden

XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
VELDEN = ("organisatie", "functie", "naam", "bereikbaar", "notitie")


def _fouten(**waarden) -> dict:
    form = ContactForm(velden(**waarden), prefix="nieuw")
    assert not form.is_valid()
    return form.errors


class TestTelefoon:
    @pytest.mark.parametrize(
        "telefoon", ["06 12345678", "+31 6 1234 5678", "(020) 123-4567", "112", "  0612345678 "]
    )
    def test_it_accepts_a_phone_number(self, db, telefoon):
        form = ContactForm(velden(telefoon=telefoon), prefix="nieuw")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["telefoon"] == " ".join(telefoon.split())

    @pytest.mark.parametrize(
        "telefoon",
        [
            "06-12345678 of 112",
            "06²12345678",
            "٠٦١٢٣٤٥٦٧٨",
            "0612+345678",
            "javascript:alert(1)",
            "12",
            "--",
        ],
    )
    def test_it_refuses_anything_else_in_dutch(self, db, telefoon):
        fout = " ".join(_fouten(telefoon=telefoon)["telefoon"])
        assert "telefoonnummer" in fout.lower()

    def test_it_is_required(self, db):
        assert _fouten(telefoon="")["telefoon"] == ["Vul een telefoonnummer in."]

    def test_it_is_at_most_30_characters(self, db):
        fout = _fouten(telefoon="0" * 31)["telefoon"][0]
        assert fout == "Het telefoonnummer mag hoogstens 30 tekens lang zijn (nu 31)."


class TestAndereVelden:
    @pytest.mark.parametrize("email", ["geen-adres", "a@b", "a b@c.nl", "<script>@x.nl"])
    def test_a_bad_email_gets_a_dutch_message(self, db, email):
        assert _fouten(email=email)["email"] == [
            "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."
        ]

    @pytest.mark.parametrize(
        ("veld", "maximum", "wat"),
        [
            ("organisatie", 200, "De organisatie"),
            ("functie", 100, "De functie"),
            ("naam", 200, "De naam"),
            ("bereikbaar", 300, "Wanneer bereikbaar"),
            ("notitie", 1000, "De notitie"),
        ],
    )
    def test_too_long_gets_a_dutch_message(self, db, veld, maximum, wat):
        fout = _fouten(**{veld: "x" * (maximum + 1)})[veld][0]
        assert fout == f"{wat} mag hoogstens {maximum} tekens lang zijn (nu {maximum + 1})."

    def test_organisation_and_function_are_required(self, db):
        fouten = _fouten(organisatie="", functie="")
        assert fouten["organisatie"] == ["Vul de organisatie in."]
        assert fouten["functie"] == ["Vul de functie in."]

    @pytest.mark.parametrize("datum", ["1900-01-01", "9999-12-31"])
    def test_a_date_out_of_range_gets_a_dutch_message(self, db, datum):
        assert _fouten(gecontroleerd_op=datum)["gecontroleerd_op"][0].startswith(
            "Kies een datum tussen"
        )

    def test_a_bad_date_gets_a_dutch_message(self, db):
        assert _fouten(gecontroleerd_op="31-02-2026")["gecontroleerd_op"] == [
            "Vul een geldige datum in, bijvoorbeeld 31-12-2026."
        ]

    def test_the_page_shows_the_errors_and_saves_nothing(self, regie):
        response = regie.post(
            reverse("contacten:nieuw", args=["gemeente-a"]), velden(telefoon="bel me")
        )
        assert response.status_code == 200
        assert "Een telefoonnummer mag alleen cijfers" in response.content.decode()
        assert not Contact.objects.exists()

    @pytest.mark.parametrize("revisie", ["x", "-1", "1" * 30])
    def test_a_bad_revisie_in_the_edit_form_never_500s(self, regie, netwerk_a, revisie):
        contact = maak_contact(netwerk_a)
        response = regie.post(
            reverse("contacten:wijzigen", args=["gemeente-a", contact.pk]),
            velden(contact, revisie=revisie),
        )
        assert response.status_code in (200, 409)
        contact.refresh_from_db()
        assert contact.revisie == 1


class TestXss:
    @pytest.fixture
    def kwaadaardig(self, netwerk_a):
        return [
            maak_contact(netwerk_a, **dict.fromkeys(VELDEN, payload), email="x@x.example")
            for payload in XSS
        ]

    @pytest.mark.parametrize("naam", ["lijst", "kaart"])
    def test_every_field_is_text_in_html(self, regie, kwaadaardig, naam):
        html = regie.get(reverse(f"contacten:{naam}", args=["gemeente-a"])).content.decode()
        for payload in XSS:
            assert payload not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html

    def test_every_field_is_text_on_the_network_page(self, regie, kwaadaardig):
        html = regie.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_the_edit_form_and_conflict_show_them_as_text(self, regie, kwaadaardig):
        contact = kwaadaardig[0]
        Contact.objects.bewaar(contact, 1, door=None, naam=XSS[1])
        response = regie.post(
            reverse("contacten:wijzigen", args=["gemeente-a", contact.pk]),
            velden(contact, revisie=1, notitie=XSS[1]),
        )
        assert response.status_code == 409
        html = response.content.decode()
        for payload in XSS:
            assert payload not in html

    def test_every_field_is_text_in_the_pdf(self, regie, kwaadaardig):
        response = regie.get(reverse("contacten:kaart-pdf", args=["gemeente-a"]))
        reader = PdfReader(io.BytesIO(response.content))
        tekst = " ".join("\n".join(p.extract_text() for p in reader.pages).split())
        for payload in XSS:
            assert payload in tekst  # printed literally, as text
