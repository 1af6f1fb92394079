"""Bad input on the regisseur's side never answers 500: a digit that is not ASCII ("²"), an id
too long for the database, a timer start far from now, a date in the year 9999. Each gets a
Dutch error that keeps what was typed, or is ignored, or is a 404."""

from datetime import date

import pytest

from afspraken.models import Afspraak, Evaluatie, Sessie, half_jaar_na
from casussen.models import Casus
from tests.afspraken.personas import maak_afspraak, url, wijzig_velden
from tests.afspraken.sessie_hulp import maak_sessie

A = "gemeente-a"
TE_LANG = "1" * 25  # no 64-bit integer column holds this


@pytest.fixture
def sessie(regie, netwerk_a):
    return maak_sessie(netwerk_a)


@pytest.fixture
def afspraak(regie, netwerk_a):
    return maak_afspraak(netwerk_a)


def sessie_data(**extra) -> dict:
    return {
        "datum": "2026-03-12",
        "minuten_per_casus": "10",
        "casussen": [Casus.objects.first().pk],
        "deelnemers-TOTAL_FORMS": "1",
        "deelnemers-INITIAL_FORMS": "0",
        "deelnemers-0-naam": "Ayla",
    } | extra


def evaluatie_data(afspraak, **extra) -> dict:
    return {"datum": "2026-09-14", "conclusie": "blijft", "afspraken": [afspraak.pk]} | extra


class TestQueryString:
    @pytest.mark.parametrize("sleutel", ["sessie", "afspraak"])
    @pytest.mark.parametrize("waarde", ["²", "١", TE_LANG])
    def test_a_preselection_that_is_not_an_id_is_ignored(self, regie, sleutel, waarde):
        response = regie.get(url("evaluatie-nieuw"), {sleutel: waarde})
        assert response.status_code == 200
        assert not response.context["form"]["afspraken"].value()

    @pytest.mark.parametrize("waarde", ["²", TE_LANG])
    def test_copying_a_session_that_is_not_an_id_is_a_404(self, regie, waarde):
        assert regie.get(url("sessie-nieuw"), {"kopie": waarde}).status_code == 404

    def test_an_id_out_of_the_databases_range_in_a_url_is_a_404(self, regie, sessie):
        for pad in (
            f"/afspraken/{A}/{TE_LANG}/wijzigen/",
            f"/afspraken/{A}/sessies/{TE_LANG}/",
            f"/afspraken/{A}/evaluaties/{TE_LANG}/",
            f"/afspraken/{A}/sessies/{sessie.pk}/hand-outs/{TE_LANG}/",
        ):
            assert regie.get(pad).status_code == 404, pad


class TestVerdelen:
    def test_a_participant_that_is_not_an_id_is_left_out(self, regie, sessie):
        sc = sessie.casussen.first()
        ayla = sessie.deelnemers.get(naam="Ayla")
        data = {f"casus-{sc.pk}": ["²", TE_LANG, str(ayla.pk)]}
        assert regie.post(url("sessie-verdelen", sessie.pk), data).status_code == 302
        assert list(sc.deelnemers.all()) == [ayla]


class TestNieuweSessie:
    @pytest.mark.parametrize("aantal", ["²", TE_LANG, "-1"])
    def test_more_rows_with_a_bad_row_count_still_offers_the_form(self, regie, aantal):
        data = {"meer_rijen": "1", "plaats": "Zaal 2", "deelnemers-TOTAL_FORMS": aantal}
        response = regie.post(url("sessie-nieuw"), data)
        assert response.status_code == 200
        assert 'value="Zaal 2"' in response.content.decode()

    def test_a_session_in_the_year_9999_is_refused_in_dutch_and_keeps_the_date(self, regie):
        response = regie.post(url("sessie-nieuw"), sessie_data(datum="9999-12-31"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kies een datum tussen" in html
        assert 'value="9999-12-31"' in html
        assert not Sessie.objects.exists()

    def test_a_case_id_too_long_for_the_database_is_a_form_error(self, regie):
        response = regie.post(url("sessie-nieuw"), sessie_data(casussen=[TE_LANG]))
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in response.content.decode()
        assert not Sessie.objects.exists()


class TestBedenktijd:
    @pytest.mark.parametrize(
        "start", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+14:00", "2000-01-01T12:00Z"]
    )
    def test_a_start_far_from_now_counts_as_not_started(self, regie, sessie, start):
        response = regie.get(url("sessie-bedenktijd", sessie.pk), {"start": start})
        assert response.status_code == 200
        assert "Nog niet gestart." in response.content.decode()

    @pytest.mark.parametrize("fase", ["²", TE_LANG, "0", "-3"])
    def test_a_phase_that_is_not_a_number_of_the_procedure_is_bounded(self, regie, sessie, fase):
        response = regie.get(url("sessie-bedenktijd", sessie.pk), {"fase": fase})
        assert response.status_code == 200
        assert response.content.decode().count('aria-current="step"') == 2


class TestEvaluatie:
    def test_an_evaluation_in_the_year_9999_is_refused_in_dutch_and_keeps_the_date(
        self, regie, afspraak
    ):
        response = regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, datum="9999-12-31"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kies een datum tussen" in html
        assert 'value="9999-12-31"' in html
        assert not Evaluatie.objects.exists()

    def test_an_agreement_id_too_long_for_the_database_is_a_form_error(self, regie, afspraak):
        response = regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, afspraken=[TE_LANG]))
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in response.content.decode()
        assert not Evaluatie.objects.exists()


class TestAfspraak:
    def test_an_evaluation_date_in_the_year_9999_is_refused_and_kept(self, regie, afspraak):
        data = wijzig_velden(
            afspraak,
            tekst="Mijn tekst",
            wie="Politie",
            status="concept",
            evaluatiedatum="9999-12-31",
        )
        response = regie.post(url("wijzigen", afspraak.pk), data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kies een datum tussen" in html
        assert 'value="9999-12-31"' in html and "Mijn tekst</textarea>" in html
        afspraak.refresh_from_db()
        assert afspraak.tekst == "Deel het direct."

    def test_a_case_type_id_too_long_for_the_database_is_a_form_error(self, regie):
        data = {
            "nieuw-soort": TE_LANG,
            "nieuw-tekst": "x",
            "nieuw-wie": "y",
            "nieuw-status": "concept",
        }
        response = regie.post(url("nieuw"), data)
        assert response.status_code == 200
        assert "Kies een soort casus uit de lijst." in response.content.decode()
        assert not Afspraak.objects.exists()


class TestOpgeslagenDatum:
    def test_a_session_stored_in_the_year_9999_can_still_be_reviewed_and_closed(
        self, regie, netwerk_a
    ):
        sessie = maak_sessie(netwerk_a, datum=date(9999, 12, 31))
        eigen = maak_afspraak(netwerk_a, sessie=sessie, status="concept")
        assert regie.get(url("sessie-afspraken", sessie.pk)).status_code == 200
        assert regie.post(url("sessie-afronden", sessie.pk), {"bevestigd": "ja"}).status_code == 302
        eigen.refresh_from_db()
        assert eigen.evaluatiedatum == date.max


def test_half_a_year_after_the_last_date_is_the_last_date():
    assert half_jaar_na(date(9999, 12, 31)) == date.max
    assert half_jaar_na(date(9999, 6, 30)) == date(9999, 12, 30)
