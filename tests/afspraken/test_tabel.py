"""The regisseur's agreements table: add, edit (inline with htmx, and as plain pages), delete,
reorder, case types; plain text only, length limits in Dutch, typed input kept on errors."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from afspraken.models import Afspraak, SoortCasus
from tests.afspraken.personas import maak_afspraak, pagina_als, wijzig_velden

XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def _velden(prefix: str, soort: SoortCasus, **extra) -> dict:
    data = {
        "soort": soort.pk,
        "tekst": "Bel eerst de wijkagent.",
        "wie": "Politie",
        "status": "concept",
    }
    data |= extra
    return {f"{prefix}-{k}": v for k, v in data.items()}


@pytest.fixture
def wapens(netwerk_a):
    return SoortCasus.objects.create(netwerk=netwerk_a, naam="Wapens")


class TestTabel:
    def test_it_shows_the_columns_and_rows_to_the_regisseur(self, client, regisseur_a, afspraak_a):
        html = pagina_als(client, regisseur_a, "netwerk")
        for kop in (
            "Soort casus",
            "Afspraak",
            "Wie zijn betrokken",
            "Status",
            "Evaluatiedatum",
            "Laatst gewijzigd",
        ):
            assert f'<th scope="col">{kop}</th>' in html
        assert "Deel het direct." in html
        assert "Afspraak toevoegen" in html
        assert "regisseur_a" in html

    def test_it_keeps_line_breaks_and_escapes_the_text(self, client, regisseur_a, netwerk_a):
        maak_afspraak(netwerk_a, tekst="Regel een\n<b>regel twee</b>")
        html = pagina_als(client, regisseur_a, "netwerk")
        assert "Regel een<br>&lt;b&gt;regel twee&lt;/b&gt;" in html

    @pytest.mark.parametrize("kwaad", XSS)
    def test_it_shows_hostile_text_and_case_type_names_as_text(
        self, client, regisseur_a, netwerk_a, kwaad
    ):
        maak_afspraak(netwerk_a, soort=kwaad, tekst=kwaad, wie=kwaad)
        html = pagina_als(client, regisseur_a, "netwerk")
        assert kwaad not in html
        assert html.count(escape(kwaad)) >= 3  # case type, text and who, each escaped

    def test_it_gives_new_networks_the_phenomena_and_algemeen(self, content, netwerk_a):
        namen = set(netwerk_a.soorten.values_list("naam", flat=True))
        assert "Algemeen" in namen
        assert netwerk_a.soorten.filter(fenomeen__isnull=False).count() == 8


class TestToevoegen:
    def test_it_adds_an_agreement_without_javascript(self, client, als, regisseur_a, wapens):
        url = reverse("afspraken:nieuw", args=["gemeente-a"])
        response = als(client, regisseur_a).post(url, _velden("nieuw", wapens))
        afspraak = Afspraak.objects.get()
        assert response.status_code == 302
        assert response["Location"].endswith(f"/afspraken/gemeente-a/#afspraak-{afspraak.pk}")
        assert afspraak.gewijzigd_door == regisseur_a
        assert afspraak.history.count() == 1
        assert afspraak.history.first().history_user == regisseur_a

    def test_it_returns_the_table_to_htmx_after_adding(self, client, als, regisseur_a, wapens):
        url = reverse("afspraken:nieuw", args=["gemeente-a"])
        response = als(client, regisseur_a).post(
            url, _velden("nieuw", wapens), HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert response["HX-Retarget"] == "#afspraken-tabel"
        assert response.content.decode().lstrip().startswith('<section id="afspraken-tabel"')
        assert "Bel eerst de wijkagent." in response.content.decode()

    def test_it_renders_only_the_form_for_htmx(self, client, als, regisseur_a):
        url = reverse("afspraken:nieuw", args=["gemeente-a"])
        html = als(client, regisseur_a).get(url, HTTP_HX_REQUEST="true").content.decode()
        assert html.lstrip().startswith("<form")
        assert "data-hx-post" in html
        assert "<html" not in html

    def test_it_refuses_too_long_text_in_dutch_and_keeps_what_was_typed(
        self, client, als, regisseur_a, wapens
    ):
        url = reverse("afspraken:nieuw", args=["gemeente-a"])
        tekst = "x" * 2001
        response = als(client, regisseur_a).post(
            url, _velden("nieuw", wapens, tekst=tekst, wie="Mijn typewerk")
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "De afspraak mag hoogstens 2000 tekens lang zijn (nu 2001)." in html
        assert tekst in html
        assert 'value="Mijn typewerk"' in html
        assert 'aria-describedby="id_nieuw-tekst_helptext id_nieuw-tekst_error"' in html
        assert not Afspraak.objects.exists()

    def test_it_refuses_another_networks_case_type(self, client, als, regisseur_a, netwerk_b):
        vreemd = SoortCasus.objects.create(netwerk=netwerk_b, naam="Van B")
        url = reverse("afspraken:nieuw", args=["gemeente-a"])
        response = als(client, regisseur_a).post(url, _velden("nieuw", vreemd))
        assert "Kies een soort casus uit de lijst." in response.content.decode()
        assert not Afspraak.objects.exists()


class TestWijzigen:
    def test_it_swaps_in_a_row_with_the_form_for_htmx(self, client, als, regisseur_a, afspraak_a):
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk])
        html = als(client, regisseur_a).get(url, HTTP_HX_REQUEST="true").content.decode()
        assert html.lstrip().startswith(f'<tr id="afspraak-{afspraak_a.pk}"')
        assert f'name="a{afspraak_a.pk}-revisie" value="1"' in html

    def test_it_saves_and_returns_the_row_for_htmx(self, client, als, regisseur_a, afspraak_a):
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk])
        data = wijzig_velden(afspraak_a, tekst="Nieuwe tekst", wie="Politie", status="vastgesteld")
        response = als(client, regisseur_a).post(url, data, HTTP_HX_REQUEST="true")
        afspraak_a.refresh_from_db()
        assert afspraak_a.tekst == "Nieuwe tekst"
        assert afspraak_a.revisie == 2
        assert response.content.decode().lstrip().startswith(f'<tr id="afspraak-{afspraak_a.pk}">')
        assert "Vastgesteld" in response.content.decode()

    def test_it_saves_without_javascript(self, client, als, regisseur_a, afspraak_a):
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk])
        data = wijzig_velden(
            afspraak_a,
            tekst="Zonder JS",
            wie="Politie",
            status="concept",
            evaluatiedatum="2027-03-01",
        )
        response = als(client, regisseur_a).post(url, data)
        afspraak_a.refresh_from_db()
        assert response.status_code == 302
        assert afspraak_a.tekst == "Zonder JS"
        assert str(afspraak_a.evaluatiedatum) == "2027-03-01"

    def test_it_answers_404_for_another_networks_agreement(
        self, client, als, regisseur_a, afspraak_b
    ):
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_b.pk])
        assert als(client, regisseur_a).get(url).status_code == 404


class TestVerwijderenEnVolgorde:
    def test_it_asks_before_deleting_and_deletes_on_post(
        self, client, als, regisseur_a, afspraak_a
    ):
        url = reverse("afspraken:verwijderen", args=["gemeente-a", afspraak_a.pk])
        als(client, regisseur_a)
        assert "Deze afspraak verwijderen?" in client.get(url).content.decode()
        assert client.post(url).status_code == 302
        assert not Afspraak.objects.exists()
        assert afspraak_a.history.filter(history_type="-").count() == 1

    def test_it_moves_a_row_up_and_down(self, client, als, regisseur_a, netwerk_a):
        een, twee, drie = (maak_afspraak(netwerk_a, tekst=t) for t in ("een", "twee", "drie"))
        als(client, regisseur_a)
        client.post(
            reverse("afspraken:verplaatsen", args=["gemeente-a", drie.pk]), {"richting": "op"}
        )
        assert [a.tekst for a in Afspraak.objects.van(netwerk_a)] == ["een", "drie", "twee"]
        response = client.post(
            reverse("afspraken:verplaatsen", args=["gemeente-a", een.pk]),
            {"richting": "neer"},
            HTTP_HX_REQUEST="true",
        )
        assert [a.tekst for a in Afspraak.objects.van(netwerk_a)] == ["drie", "een", "twee"]
        assert response["HX-Retarget"] == "#afspraken-tabel"

    def test_it_does_not_move_the_first_row_further_up(self, client, als, regisseur_a, netwerk_a):
        een, _twee = maak_afspraak(netwerk_a, tekst="een"), maak_afspraak(netwerk_a, tekst="twee")
        als(client, regisseur_a).post(
            reverse("afspraken:verplaatsen", args=["gemeente-a", een.pk]), {"richting": "op"}
        )
        assert [a.tekst for a in Afspraak.objects.van(netwerk_a)] == ["een", "twee"]


class TestSoorten:
    def test_it_adds_a_case_type(self, client, als, regisseur_a, netwerk_a):
        url = reverse("afspraken:soorten", args=["gemeente-a"])
        assert als(client, regisseur_a).post(url, {"naam": "Vuurwerk"}).status_code == 302
        assert netwerk_a.soorten.filter(naam="Vuurwerk").exists()

    def test_it_refuses_a_duplicate_in_dutch(self, client, als, regisseur_a, netwerk_a):
        url = reverse("afspraken:soorten", args=["gemeente-a"])
        response = als(client, regisseur_a).post(url, {"naam": "algemeen"})
        assert "Deze soort casus bestaat al in dit netwerk." in response.content.decode()
        assert 'value="algemeen"' in response.content.decode()


class TestGeschiedenis:
    def test_it_lists_every_change_with_who(self, client, als, regisseur_a, afspraak_a):
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk])
        als(client, regisseur_a).post(
            url, _velden(f"a{afspraak_a.pk}", afspraak_a.soort, tekst="Tweede tekst", revisie=1)
        )
        html = client.get(
            reverse("afspraken:geschiedenis", args=["gemeente-a", afspraak_a.pk])
        ).content.decode()
        assert "aangemaakt" in html
        assert "gewijzigd door regisseur_a" in html
        assert "Deel het direct." in html and "Tweede tekst" in html


class TestEvaluatie:
    def test_the_table_lists_the_agreements_whose_evaluation_is_due(
        self, client, regisseur_a, netwerk_a
    ):
        maak_afspraak(netwerk_a, tekst="Te evalueren", evaluatiedatum="2020-01-01")
        maak_afspraak(netwerk_a, tekst="Nog niet", evaluatiedatum="2999-01-01")
        html = pagina_als(client, regisseur_a, "netwerk")
        sectie = html.split('id="evaluatie-kop"')[1].split("</ul>")[0]
        assert "Te evalueren" in sectie
        assert "1 januari 2020" in sectie
        assert "Nog niet" not in sectie
