"""Step 6, the evaluation: the form with the route's evaluation questions, the three
conclusions, an agreement revised beside its evaluation (and that revision in its history), and
due evaluations on the regisseur's start page on the right day."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from afspraken.models import Afspraak, Evaluatie, half_jaar_na
from routekaart import inhoud
from tests.afspraken.personas import maak_afspraak, url, wijzig_velden
from tests.afspraken.sessie_hulp import maak_sessie

A = "gemeente-a"


@pytest.fixture
def afspraak(regie, netwerk_a, regisseur_a):
    return maak_afspraak(
        netwerk_a,
        soort="Wapens",
        tekst="Wapeninformatie deelt een partner direct met de politie.",
        evaluatiedatum=date(2026, 9, 12),
        gewijzigd_door=regisseur_a,
    )


def vragen() -> list[str]:
    return inhoud.huidige().evaluatievragen()


def evaluatie_data(afspraak, conclusie: str, **extra) -> dict:
    data = {
        "datum": "2026-09-14",
        "deelnemers": "Jongerenwerk, politie, jeugdboa",
        "conclusie": conclusie,
        "afspraken": [afspraak.pk],
        "vraag_0": "Ja, de jongerenwerker kende de groep.",
        "vraag_2": "De politie kwam te laat in beeld.",
    }
    return data | extra


class TestEvaluatieFormulier:
    def test_it_asks_every_evaluation_question_of_the_route(self, regie, afspraak):
        html = regie.get(url("evaluatie-nieuw") + f"?afspraak={afspraak.pk}").content.decode()
        for vraag in vragen():
            assert vraag in html
        for keuze in ("Afspraak blijft", "Afspraak aanpassen", "Afspraak vervalt"):
            assert keuze in html
        assert f'value="{afspraak.pk}" id="id_afspraken_0" checked' in html

    def test_it_stores_each_answer_with_its_question(self, regie, afspraak, netwerk_a):
        regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, "vervalt"))
        evaluatie = Evaluatie.objects.get(netwerk=netwerk_a)
        assert evaluatie.antwoorden["0"] == {
            "vraag": vragen()[0],
            "antwoord": "Ja, de jongerenwerker kende de groep.",
        }
        assert len(evaluatie.antwoorden) == len(vragen())
        assert list(evaluatie.afspraken.all()) == [afspraak]
        assert str(evaluatie) == "Evaluatie van 14 september 2026"

    def test_bad_input_gets_dutch_messages_and_keeps_the_answers(self, regie, afspraak):
        data = evaluatie_data(afspraak, "", datum="gisteren", afspraken=[])
        html = regie.post(url("evaluatie-nieuw"), data).content.decode()
        assert "Vul een geldige datum in" in html
        assert "Kies een conclusie." in html
        assert "Kies minstens één afspraak." in html
        assert "De politie kwam te laat in beeld." in html
        assert not Evaluatie.objects.exists()

    def test_another_networks_agreement_cannot_be_chosen(self, regie, afspraak, afspraak_b):
        html = regie.post(
            url("evaluatie-nieuw"), evaluatie_data(afspraak_b, "blijft")
        ).content.decode()
        assert "Selecteer een geldige keuze" in html
        assert not Evaluatie.objects.exists()

    def test_from_a_session_it_preselects_its_agreements_and_participants(self, regie, netwerk_a):
        sessie = maak_sessie(netwerk_a)
        eigen = maak_afspraak(netwerk_a, tekst="Uit de sessie", sessie=sessie)
        form = regie.get(url("evaluatie-nieuw") + f"?sessie={sessie.pk}").context["form"]
        assert form["afspraken"].value() == [eigen.pk]
        assert "Ayla (Jongerenwerk)" in form["deelnemers"].value()

    def test_an_evaluation_started_from_a_session_is_linked_to_it(self, regie, netwerk_a):
        sessie = maak_sessie(netwerk_a)
        eigen = maak_afspraak(netwerk_a, tekst="Uit de sessie", sessie=sessie)
        regie.post(url("evaluatie-nieuw") + f"?sessie={sessie.pk}", evaluatie_data(eigen, "blijft"))
        assert Evaluatie.objects.get().sessie == sessie


class TestConclusies:
    def test_afspraak_blijft_moves_the_evaluation_date_half_a_year(self, regie, afspraak):
        regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, "blijft"))
        afspraak.refresh_from_db()
        assert afspraak.evaluatiedatum == date(2027, 3, 14)
        assert afspraak.history.first().history_change_reason == (
            "Evaluatie van 14 september 2026: afspraak blijft"
        )

    def test_afspraak_vervalt_offers_the_existing_delete_flow(self, regie, afspraak):
        response = regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, "vervalt"))
        html = regie.get(response.url).content.decode()
        assert f'href="{url("verwijderen", afspraak.pk)}"' in html
        assert "Afspraak verwijderen" in html

    def test_afspraak_aanpassen_leads_to_an_edited_agreement_whose_history_names_the_evaluation(
        self, regie, afspraak
    ):
        response = regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, "aanpassen"))
        evaluatie = Evaluatie.objects.get()
        assert response.url == url("evaluatie-aanpassen", evaluatie.pk, afspraak.pk)

        pagina = regie.get(response.url)
        html = pagina.content.decode()
        assert "Evaluatie van 14 september 2026" in html
        assert "De politie kwam te laat in beeld." in html  # the evaluation, beside the form
        assert pagina.context["form"]["evaluatiedatum"].value() == date(2027, 3, 14)

        nieuw = "Wapeninformatie deelt een partner direct met de wijkagent, ook in het weekend."
        data = wijzig_velden(
            afspraak,
            tekst=nieuw,
            wie=afspraak.wie,
            status="vastgesteld",
            evaluatiedatum="2027-03-14",
        )
        response = regie.post(url("evaluatie-aanpassen", evaluatie.pk, afspraak.pk), data)
        assert response.url == url("evaluatie", evaluatie.pk)
        afspraak.refresh_from_db()
        assert afspraak.tekst == nieuw
        laatste, vorige = afspraak.history.all()[:2]
        assert laatste.tekst == nieuw
        assert vorige.tekst == "Wapeninformatie deelt een partner direct met de politie."
        assert laatste.history_change_reason == "Evaluatie van 14 september 2026"
        geschiedenis = regie.get(url("geschiedenis", afspraak.pk)).content.decode()
        assert nieuw in geschiedenis
        assert "Evaluatie van 14 september 2026" in geschiedenis

    def test_a_stale_edit_is_refused_and_keeps_what_was_typed(self, regie, afspraak):
        regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, "aanpassen"))
        evaluatie = Evaluatie.objects.get()
        Afspraak.objects.filter(pk=afspraak.pk).update(revisie=5, tekst="Intussen gewijzigd")
        data = wijzig_velden(
            afspraak, tekst="Mijn nieuwe tekst", wie=afspraak.wie, status="vastgesteld", revisie=1
        )
        response = regie.post(url("evaluatie-aanpassen", evaluatie.pk, afspraak.pk), data)
        assert response.status_code == 409
        assert "Mijn nieuwe tekst" in response.content.decode()
        afspraak.refresh_from_db()
        assert afspraak.tekst == "Intussen gewijzigd"

    def test_an_agreement_outside_the_evaluation_is_a_404(self, regie, afspraak, netwerk_a):
        regie.post(url("evaluatie-nieuw"), evaluatie_data(afspraak, "aanpassen"))
        andere = maak_afspraak(netwerk_a, tekst="Niet geëvalueerd")
        evaluatie = Evaluatie.objects.get()
        assert regie.get(url("evaluatie-aanpassen", evaluatie.pk, andere.pk)).status_code == 404


class TestStartpagina:
    @pytest.mark.parametrize(
        ("dag", "zichtbaar"),
        [(date(2026, 9, 11), False), (date(2026, 9, 12), True), (date(2026, 10, 1), True)],
    )
    def test_due_evaluations_appear_from_their_date_on(self, regie, afspraak, dag, zichtbaar):
        moment = datetime(dag.year, dag.month, dag.day, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
        with time_machine.travel(moment, tick=False):
            html = regie.get(url("netwerk")).content.decode()
        assert ('id="evaluatie-kop">Evaluatie nodig' in html) is zichtbaar
        evalueren = f'href="{url("evaluatie-nieuw")}?afspraak={afspraak.pk}"'
        assert (evalueren in html) is zichtbaar

    def test_it_lists_sessions_in_progress_and_the_latest_version(self, regie, netwerk_a):
        from tests.afspraken.personas import publiceer

        maak_sessie(netwerk_a)
        maak_sessie(netwerk_a, datum=date(2025, 1, 2), status="afgerond")
        maak_afspraak(netwerk_a)
        publiceer(netwerk_a)
        html = regie.get(url("netwerk")).content.decode()
        bezig = html.split('id="sessies-bezig-kop"')[1].split("</section>")[0]
        assert "12 maart 2026" in bezig
        assert "2 januari 2025" not in bezig
        assert f'Laatst gepubliceerd: <a href="{url("versie", 1)}">versie 1</a>' in html

    def test_partners_do_not_see_the_overview(self, client, content, als, partner_a, afspraak):
        html = als(client, partner_a).get(url("netwerk")).content.decode()
        assert "Evaluatie nodig" not in html


def test_half_a_year_later_keeps_the_day_or_takes_the_last_of_the_month():
    assert half_jaar_na(date(2026, 3, 12)) == date(2026, 9, 12)
    assert half_jaar_na(date(2026, 8, 31)) == date(2027, 2, 28)
    assert half_jaar_na(date(2027, 8, 31)) == date(2028, 2, 29)
    assert half_jaar_na(date(2026, 12, 1)) == date(2027, 6, 1)
