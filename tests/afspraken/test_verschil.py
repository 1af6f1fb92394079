"""A changed row in "Gewijzigd sinds versie N-1" shows what changed in it, word by word: the
diff function on its own, the version page (<ins>/<del> with hidden words) and the PDF's text."""

import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from afspraken import pdf as afspraken_pdf
from afspraken.models import Afspraak
from afspraken.verschil import met_woordverschil, woordverschil
from tests.afspraken.personas import maak_afspraak, publiceer
from tests.conftest import vnu_fouten

# Words, spaces and line breaks, with a few repeated words so the diff has something to match.
tekst = st.lists(
    st.one_of(
        st.sampled_from(["de", "politie", "belt", "het", "jongerenwerk", "  ", "\n", " "]),
        st.text(min_size=1, max_size=6),
    ),
    max_size=20,
).map(" ".join)


def _deel(delen, *soorten) -> str:
    return "".join(t for s, t in delen if s in soorten)


class TestWoordverschil:
    def test_it_marks_the_replaced_word(self):
        assert woordverschil("Bel de politie direct.", "Bel de politie meteen.") == [
            ("gelijk", "Bel de politie "),
            ("verwijderd", "direct."),
            ("toegevoegd", "meteen."),
        ]

    def test_equal_texts_are_one_equal_part(self):
        assert woordverschil("Deel het direct.", "Deel het direct.") == [
            ("gelijk", "Deel het direct.")
        ]

    def test_an_empty_old_text_is_all_added(self):
        assert woordverschil("", "Nieuw") == [("toegevoegd", "Nieuw")]
        assert woordverschil("", "") == []

    @given(oud=tekst, nieuw=tekst)
    def test_the_parts_give_back_both_texts(self, oud, nieuw):
        delen = woordverschil(oud, nieuw)
        assert _deel(delen, "gelijk", "toegevoegd") == nieuw
        assert _deel(delen, "gelijk", "verwijderd") == oud
        assert all(t for _, t in delen)
        # Neighbouring parts are never of the same kind (they are merged).
        assert all(a[0] != b[0] for a, b in zip(delen, delen[1:], strict=False))

    def test_it_adds_the_diff_to_changed_rows_only(self):
        oud = {"soort": "Wapens", "tekst": "a b", "wie": "Politie"}
        nieuw = {"soort": "Wapens", "tekst": "a c", "wie": "Politie"}
        w = met_woordverschil(
            {"toegevoegd": [], "verwijderd": [], "gewijzigd": [{"oud": oud, "nieuw": nieuw}]}
        )
        assert w["gewijzigd"][0]["tekst_verschil"] == [
            ("gelijk", "a "),
            ("verwijderd", "b"),
            ("toegevoegd", "c"),
        ]
        assert w["gewijzigd"][0]["wie_verschil"] is None
        assert met_woordverschil(None) is None


@pytest.fixture
def gewijzigd(netwerk_a):
    """Version 2 in which one row's text and who is involved changed."""
    rij = maak_afspraak(netwerk_a, tekst="Bel de wijkagent direct na het bericht.")
    publiceer(netwerk_a)
    Afspraak.objects.filter(pk=rij.pk).update(
        tekst="Bel de jeugdagent direct na het bericht.", wie="Jongerenwerk, politie, boa"
    )
    return publiceer(netwerk_a)


class TestVersiepagina:
    def test_a_changed_row_shows_ins_and_del_with_hidden_words(
        self, client, als, partner_a, gewijzigd
    ):
        html = (
            als(client, partner_a)
            .get(reverse("afspraken:versie", args=["gemeente-a", 2]))
            .content.decode()
        )
        wijzigingen = html.split("Gewijzigd sinds versie 1", 1)[1]
        assert (
            '<del><span class="visueel-verborgen">verwijderd: </span>wijkagent</del>'
            '<ins><span class="visueel-verborgen">toegevoegd: </span>jeugdagent</ins>'
        ) in wijzigingen
        # Who is involved changed too: a word diff of its own.
        assert (
            "Wie zijn betrokken: Jongerenwerk, "
            '<del><span class="visueel-verborgen">verwijderd: </span>politie</del>'
            '<ins><span class="visueel-verborgen">toegevoegd: </span>politie, boa</ins>'
        ) in wijzigingen

    @pytest.mark.parametrize(
        "kwaad", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
    )
    def test_hostile_text_in_a_changed_row_is_text(self, client, als, partner_a, netwerk_a, kwaad):
        rij = maak_afspraak(netwerk_a, tekst="Oud")
        publiceer(netwerk_a)
        Afspraak.objects.filter(pk=rij.pk).update(tekst=f"Oud {kwaad}")
        publiceer(netwerk_a)
        html = (
            als(client, partner_a)
            .get(reverse("afspraken:versie", args=["gemeente-a", 2]))
            .content.decode()
        )
        assert kwaad not in html
        assert "&lt;" in html.split("Gewijzigd sinds versie 1", 1)[1]


class TestPdf:
    def test_the_pdf_text_contains_the_changed_words(self, gewijzigd):
        data = afspraken_pdf.pdf_van(gewijzigd)
        tekst = " ".join(
            "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split()
        )
        wijzigingen = tekst.split("Gewijzigd sinds versie 1", 1)[1]
        assert "wijkagent" in wijzigingen and "jeugdagent" in wijzigingen
        assert "boa" in wijzigingen

    def test_the_pdf_html_marks_the_words(self, gewijzigd):
        html = afspraken_pdf.pdf_html(gewijzigd)
        assert "<del>" in html and "jeugdagent</ins>" in html


def test_the_version_page_with_a_word_diff_is_valid_html(client, als, partner_a, gewijzigd):
    pad = reverse("afspraken:versie", args=["gemeente-a", 2])
    html = als(client, partner_a).get(pad).content.decode()
    assert "<ins>" in html
    assert vnu_fouten({pad: html}) == []
