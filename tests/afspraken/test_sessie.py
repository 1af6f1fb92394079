"""The vredestijd session, step by step through the Django test client: prepare (new, copy),
deal the cases (one click and by hand), the handouts, the facilitator screen, the plenary with
its differences, an agreement from the case, review and closing, and the summary."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from afspraken.models import Afspraak, Deelnemer, Inbreng, Sessie, SessieCasus
from casussen.models import Casus
from routekaart import inhoud
from routekaart.models import Stap
from tests.afspraken.personas import url, wijzig_velden
from tests.afspraken.sessie_hulp import VIER, maak_sessie, pdf_tekst

A = "gemeente-a"


@pytest.fixture
def sessie(regie, netwerk_a):
    return maak_sessie(netwerk_a)


def nieuw_data(**extra) -> dict:
    data = {
        "datum": "2026-03-12",
        "plaats": "Gemeentehuis",
        "minuten_per_casus": "10",
        "casussen": [c.pk for c in Casus.objects.all()],
        "deelnemers-TOTAL_FORMS": "5",
        "deelnemers-INITIAL_FORMS": "0",
    }
    for i, (naam, org, online) in enumerate(VIER):
        data[f"deelnemers-{i}-naam"] = naam
        data[f"deelnemers-{i}-organisatie"] = org
        if online:
            data[f"deelnemers-{i}-werkt_online"] = "on"
    return data | extra


class TestNieuweSessie:
    def test_the_form_offers_all_eight_cases_ticked_and_blank_participant_rows(self, regie):
        html = regie.get(url("sessie-nieuw")).content.decode()
        assert html.count('name="casussen"') == 8
        assert html.count("checked") == 8
        assert "Werkt online met een professioneel profiel" in html

    def test_it_creates_the_session_with_participants_and_cases(self, regie, netwerk_a):
        response = regie.post(url("sessie-nieuw"), nieuw_data())
        sessie = Sessie.objects.get(netwerk=netwerk_a)
        assert response.url == url("sessie-verdelen", sessie.pk)
        assert [(d.naam, d.organisatie, d.werkt_online) for d in sessie.deelnemers.all()] == VIER
        assert sessie.casussen.count() == 8
        assert sessie.minuten_per_casus == 10
        assert sessie.status == Sessie.Status.VOORBEREIDING

    def test_bad_input_gets_dutch_messages_and_keeps_what_was_typed(self, regie):
        data = nieuw_data(datum="12 maart", minuten_per_casus="0", casussen=[])
        data["deelnemers-4-organisatie"] = "Leerplicht zonder naam"
        response = regie.post(url("sessie-nieuw"), data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Vul een geldige datum in" in html
        assert "Kies tussen 1 en 60 minuten." in html
        assert "Kies minstens één voorbeeldcasus." in html
        assert "Vul de naam van deze deelnemer in." in html
        assert 'value="Leerplicht zonder naam"' in html
        assert 'value="Ayla"' in html
        assert not Sessie.objects.exists()

    def test_a_session_needs_at_least_one_participant(self, regie):
        data = nieuw_data()
        for i in range(4):
            data[f"deelnemers-{i}-naam"] = data[f"deelnemers-{i}-organisatie"] = ""
            data.pop(f"deelnemers-{i}-werkt_online", None)
        html = regie.post(url("sessie-nieuw"), data).content.decode()
        assert "Voeg minstens één deelnemer toe." in html

    def test_more_rows_keeps_what_was_typed_and_saves_nothing(self, regie):
        data = nieuw_data(plaats="Zaal 3", meer_rijen="1")
        response = regie.post(url("sessie-nieuw"), data)
        html = response.content.decode()
        assert not Sessie.objects.exists()
        assert response.context["formset"].total_form_count() == 5 + 4
        assert 'value="Zaal 3"' in html
        assert 'value="Dewi"' in html
        assert 'class="fout"' not in html
        assert html.count("checked") == 8 + 2

    def test_copy_previous_session_fills_participants_and_cases(self, regie, netwerk_a):
        vorige = maak_sessie(netwerk_a, casussen=Casus.objects.filter(modus="online"))
        html = regie.get(url("sessie-nieuw") + f"?kopie={vorige.pk}").content.decode()
        assert "Overgenomen uit de sessie van" in html
        for naam, org, _ in VIER:
            assert f'value="{naam}"' in html
            assert f'value="{org}"' in html
        assert html.count("checked") == 4 + 2  # four online cases, two who work online

    def test_copying_another_networks_session_is_a_404(self, regie, netwerk_b):
        andere = maak_sessie(netwerk_b)
        assert regie.get(url("sessie-nieuw") + f"?kopie={andere.pk}").status_code == 404


class TestVerdelen:
    def test_one_click_deals_online_cases_to_those_who_work_online(self, regie, sessie):
        response = regie.post(url("sessie-verdelen", sessie.pk), {"actie": "verdeel"})
        assert response.status_code == 302
        online = {d.pk for d in sessie.deelnemers.filter(werkt_online=True)}
        for sc in sessie.casussen.select_related("casus"):
            ids = {d.pk for d in sc.deelnemers.all()}
            assert ids
            if sc.casus.modus == "online":
                assert ids <= online
        assert [d.sessiecasussen.count() for d in sessie.deelnemers.all()] == [2, 2, 2, 2]
        sessie.refresh_from_db()
        assert sessie.status == Sessie.Status.BEZIG

    def test_without_online_participants_the_page_says_so_in_dutch(self, regie, netwerk_a):
        sessie = maak_sessie(netwerk_a, deelnemers=[("Cor", "Jeugdboa", False)])
        response = regie.post(url("sessie-verdelen", sessie.pk), {"actie": "verdeel"}, follow=True)
        html = response.content.decode()
        assert "Niemand werkt online met een professioneel profiel" in html
        assert "blijven onverdeeld" in html

    def test_a_case_can_be_moved_by_hand(self, regie, sessie):
        regie.post(url("sessie-verdelen", sessie.pk), {"actie": "verdeel"})
        sc = sessie.casussen.get(casus__modus="offline", volgorde=1)
        dewi = sessie.deelnemers.get(naam="Dewi")
        data = {"actie": "opslaan"}
        for andere in sessie.casussen.all():
            data[f"casus-{andere.pk}"] = [d.pk for d in andere.deelnemers.all()]
        data[f"casus-{sc.pk}"] = [dewi.pk, ""]
        regie.post(url("sessie-verdelen", sessie.pk), data)
        assert list(sc.deelnemers.all()) == [dewi]

    def test_moving_an_online_case_to_someone_offline_warns(self, regie, sessie):
        sc = sessie.casussen.filter(casus__modus="online").first()
        cor = sessie.deelnemers.get(naam="Cor")
        response = regie.post(
            url("sessie-verdelen", sessie.pk),
            {"actie": "opslaan", f"casus-{sc.pk}": cor.pk},
            follow=True,
        )
        assert "Cor werkt niet online" in response.content.decode()
        assert list(sc.deelnemers.all()) == [cor]

    def test_participants_of_another_session_cannot_be_assigned(self, regie, sessie, netwerk_a):
        ander = maak_sessie(netwerk_a).deelnemers.first()
        sc = sessie.casussen.first()
        regie.post(
            url("sessie-verdelen", sessie.pk), {"actie": "opslaan", f"casus-{sc.pk}": ander.pk}
        )
        assert sc.deelnemers.count() == 0

    def test_dealing_again_warns_that_it_replaces_the_hand_made_moves(self, regie, sessie):
        assert (
            "Opnieuw verdelen vervangt"
            not in regie.get(url("sessie-verdelen", sessie.pk)).content.decode()
        )
        regie.post(url("sessie-verdelen", sessie.pk), {"actie": "verdeel"})
        assert (
            "Opnieuw verdelen vervangt"
            in regie.get(url("sessie-verdelen", sessie.pk)).content.decode()
        )

    def test_the_page_shows_a_select_per_case(self, regie, sessie):
        html = regie.get(url("sessie-verdelen", sessie.pk)).content.decode()
        for sc in sessie.casussen.all():
            assert f'name="casus-{sc.pk}"' in html
        assert "Verdeel de casussen" in html


class TestHandouts:
    def test_a_handout_has_the_cases_and_the_guiding_questions_of_steps_1_to_5(self, regie, sessie):
        regie.post(url("sessie-verdelen", sessie.pk), {"actie": "verdeel"})
        ayla = sessie.deelnemers.get(naam="Ayla")
        html = regie.get(url("sessie-handout", sessie.pk, ayla.pk)).content.decode()
        assert "Hand-out voor Ayla" in html
        for sc in ayla.sessiecasussen.all():
            assert sc.casus.titel in html
            assert "Verzonnen voorbeeld" in html
        # Steps 1 to 5 as the content API gives them; no other step's question (the evaluation's).
        getoond = {v for stap in inhoud.huidige().vragen_per_stap() for v in stap["vragen"]}
        assert getoond
        for stap in Stap.objects.all():
            for vraag in stap.vragen:
                assert (vraag["tekst"] in html) is (vraag["tekst"] in getoond)
        assert 'class="schrijfruimte"' in html

    def test_the_pdf_of_all_handouts_names_each_participant_and_their_cases(self, regie, sessie):
        regie.post(url("sessie-verdelen", sessie.pk), {"actie": "verdeel"})
        response = regie.get(url("sessie-handouts-pdf", sessie.pk))
        assert response["Content-Type"] == "application/pdf"
        tekst = pdf_tekst(response.content)
        for d in sessie.deelnemers.all():
            assert f"Hand-out voor {d.naam}" in tekst
            for sc in d.sessiecasussen.all():
                assert sc.casus.titel in tekst
        assert Stap.objects.get(slug="bericht-duiden").vragen[0]["tekst"] in tekst

    def test_a_participant_of_another_session_is_a_404(self, regie, sessie, netwerk_a):
        ander = maak_sessie(netwerk_a).deelnemers.first()
        assert regie.get(url("sessie-handout", sessie.pk, ander.pk)).status_code == 404


class TestBedenktijd:
    def test_it_marks_step_two_and_loads_the_timer_script(self, regie, sessie):
        html = regie.get(url("sessie-bedenktijd", sessie.pk)).content.decode()
        assert html.count('aria-current="step"') == 2  # the procedure and the session steps
        assert "Neem 10 minuten om na te denken" in html
        assert "js/klok.js" in html
        assert "data-klok-tekst>10:00<" in html  # no case dealt yet: one case's minutes

    def test_start_without_javascript_shows_the_end_time(self, regie, sessie):
        moment = datetime(2026, 3, 12, 14, 25, tzinfo=ZoneInfo("Europe/Amsterdam"))
        with time_machine.travel(moment, tick=False):
            pagina = url("sessie-bedenktijd", sessie.pk)
            response = regie.post(
                url("sessie-klok", sessie.pk), {"actie": "start", "terug": pagina}
            )
            assert response.url == pagina
            html = regie.get(pagina).content.decode()
        assert "klaar om <time" in html
        assert ">14:35</time>" in html

    def test_a_start_time_in_the_url_is_not_the_timer_any_more(self, regie, sessie):
        html = regie.get(
            url("sessie-bedenktijd", sessie.pk) + "?start=2026-03-12T14:25:00%2B01:00&fase=x"
        ).content.decode()
        assert "Nog niet gestart." in html
        assert 'aria-current="step">Neem 10 minuten' in html

    def test_only_the_timer_pages_load_the_timer_script(self, regie, sessie):
        for pagina in ("sessie", "sessie-verdelen", "sessie-afspraken", "sessie-samenvatting"):
            assert "js/klok.js" not in regie.get(url(pagina, sessie.pk)).content.decode()

    def test_the_marked_step_follows_the_query(self, regie, sessie):
        html = regie.get(url("sessie-bedenktijd", sessie.pk) + "?fase=5").content.decode()
        assert 'aria-current="step">Bekijk aan het einde alle afspraken' in html

    def test_there_is_one_set_of_step_buttons(self, regie, sessie):
        html = regie.get(url("sessie-bedenktijd", sessie.pk)).content.decode()
        assert "Volgende: casussen bespreken" in html
        assert "Vorige: stap 1" in html
        assert "Volgende stap" not in html
        assert "Vorige stap" not in html


def antwoorden(sessie, **per_naam) -> dict:
    data = {}
    for d in sessie.deelnemers.all():
        waarden = per_naam.get(d.naam, {})
        for veld in ("duiding", "partners_betrekken", "ingrijpen", "actie", "actie_anders"):
            data[f"d{d.pk}-{veld}"] = waarden.get(veld, "")
        data[f"d{d.pk}-partners"] = waarden.get("partners", [])
    return data


class TestPlenair:
    def test_it_records_answers_and_shows_where_expectations_differ(self, regie, sessie):
        sc = sessie.casussen.first()
        data = antwoorden(
            sessie,
            Ayla={"partners_betrekken": "ja", "partners": ["politie"], "duiding": "Dreiging"},
            Bram={"partners_betrekken": "nee"},
        )
        response = regie.post(url("sessie-casus", sessie.pk, sc.casus.slug), data, follow=True)
        html = response.content.decode()
        assert Inbreng.objects.filter(sessie=sessie, casus=sc.casus).count() == 2
        assert "Waar verschillen de verwachtingen?" in html
        assert "1 van 2 zouden partners betrekken" in html
        assert "1 van 2 zou de politie betrekken" in html
        assert 'class="verschil-label"' in html

    def test_with_htmx_it_returns_only_the_form_and_the_live_part_refreshes(self, regie, sessie):
        sc = sessie.casussen.first()
        pagina = url("sessie-casus", sessie.pk, sc.casus.slug)
        data = antwoorden(sessie, Ayla={"ingrijpen": "ja"}, Bram={"ingrijpen": "ja"})
        response = regie.post(pagina, data, HTTP_HX_REQUEST="true")
        html = response.content.decode()
        assert html.lstrip().startswith('<details class="paneel" id="invullen" open')
        assert "<html" not in html
        assert "De antwoorden zijn opgeslagen." in html
        assert response["HX-Trigger"] == "inbreng-opgeslagen"
        stand = regie.get(pagina, HTTP_HX_REQUEST="true").content.decode()
        assert "2 van 2 zouden ingrijpen" in stand
        assert "<strong>2 van 4</strong> hebben geantwoord" in stand

    def test_bad_input_keeps_what_was_typed(self, regie, sessie):
        sc = sessie.casussen.first()
        data = antwoorden(
            sessie, Ayla={"duiding": "x" * 301}, Bram={"actie": "anders", "actie_anders": "Gesprek"}
        )
        data[f"d{sessie.deelnemers.get(naam='Cor').pk}-ingrijpen"] = "misschien"
        html = regie.post(url("sessie-casus", sessie.pk, sc.casus.slug), data).content.decode()
        assert "De duiding mag hoogstens 300 tekens lang zijn" in html
        assert "Kies ja of nee." in html
        assert 'value="Gesprek"' in html
        assert not Inbreng.objects.exists()

    def test_a_case_not_in_the_session_is_a_404(self, regie, netwerk_a):
        sessie = maak_sessie(netwerk_a, casussen=Casus.objects.filter(modus="online"))
        offline = Casus.objects.filter(modus="offline").first()
        assert regie.get(url("sessie-casus", sessie.pk, offline.slug)).status_code == 404


class TestAfspraakUitCasus:
    def test_the_form_is_preset_from_the_case_and_the_participants(self, regie, sessie):
        sc = sessie.casussen.select_related("casus__fenomeen").first()
        response = regie.get(url("sessie-afspraak", sessie.pk, sc.casus.slug))
        form = response.context["form"]
        assert form["soort"].value() == sessie.netwerk.soorten.get(fenomeen=sc.casus.fenomeen).pk
        assert form["wie"].value() == "Jongerenwerk, Politie, Jeugdboa, School"
        assert form["status"].value() == "concept"

    def test_saving_puts_a_concept_in_the_table_linked_to_session_and_case(self, regie, sessie):
        sc = sessie.casussen.first()
        soort = sessie.netwerk.soorten.get(fenomeen=sc.casus.fenomeen)
        data = {
            "nieuw-soort": soort.pk,
            "nieuw-tekst": "Wie een oproep ziet, belt de wijkagent.",
            "nieuw-wie": "Jongerenwerk, Politie",
            "nieuw-status": "concept",
        }
        response = regie.post(url("sessie-afspraak", sessie.pk, sc.casus.slug), data)
        afspraak = Afspraak.objects.get()
        assert (afspraak.sessie, afspraak.casus, afspraak.netwerk) == (
            sessie,
            sc.casus,
            sessie.netwerk,
        )
        assert afspraak.status == Afspraak.Status.CONCEPT
        assert response.url.startswith(url("sessie-casus", sessie.pk, sc.casus.slug))
        tabel = regie.get(url("netwerk")).content.decode()
        assert "Wie een oproep ziet, belt de wijkagent." in tabel

    def test_invalid_input_is_refused_by_the_tables_own_form(self, regie, sessie):
        sc = sessie.casussen.first()
        data = {
            "nieuw-soort": "",
            "nieuw-tekst": "",
            "nieuw-wie": "Politie",
            "nieuw-status": "concept",
        }
        html = regie.post(url("sessie-afspraak", sessie.pk, sc.casus.slug), data).content.decode()
        assert "Kies een soort casus." in html
        assert "Vul de afspraak in." in html
        assert not Afspraak.objects.exists()


class TestAfronden:
    @pytest.fixture
    def twee(self, sessie, netwerk_a):
        cases = list(sessie.casussen.select_related("casus"))
        soort = netwerk_a.soorten.get(naam="Algemeen")
        velden = {"netwerk": netwerk_a, "soort": soort, "wie": "Politie", "sessie": sessie}
        eerste = Afspraak.objects.create(tekst="Een", casus=cases[0].casus, **velden)
        tweede = Afspraak.objects.create(
            tekst="Twee", casus=cases[1].casus, evaluatiedatum=date(2026, 5, 1), **velden
        )
        return eerste, tweede

    def test_the_review_lists_the_sessions_agreements_with_inline_edit(self, regie, sessie, twee):
        html = regie.get(url("sessie-afspraken", sessie.pk)).content.decode()
        for a in twee:
            assert f'id="afspraak-{a.pk}"' in html
            assert f'data-hx-get="{url("wijzigen", a.pk)}?weergave=sessie"' in html
        assert "Sessie afronden" in html

    def test_editing_in_place_swaps_back_the_review_row(self, regie, sessie, twee):
        eerste = twee[0]
        formulier = regie.get(
            url("wijzigen", eerste.pk) + "?weergave=sessie", HTTP_HX_REQUEST="true"
        ).content.decode()
        assert '<input type="hidden" name="weergave" value="sessie">' in formulier
        assert f'data-hx-get="{url("rij", eerste.pk)}?weergave=sessie"' in formulier
        data = wijzig_velden(eerste, tekst="Een, aangescherpt", wie="Politie", status="concept")
        data["weergave"] = "sessie"
        rij = regie.post(url("wijzigen", eerste.pk), data, HTTP_HX_REQUEST="true").content.decode()
        assert rij.lstrip().startswith(f'<tr id="afspraak-{eerste.pk}">')
        assert "Een, aangescherpt" in rij
        assert "Omhoog" not in rij  # the review row, not the table's
        assert sessie.eerste_casus().casus.titel in rij

    def test_without_javascript_an_edit_returns_to_the_review(self, regie, sessie, twee):
        eerste = twee[0]
        data = wijzig_velden(eerste, tekst="Een, aangescherpt", wie="Politie", status="concept")
        data["weergave"] = "sessie"
        response = regie.post(url("wijzigen", eerste.pk), data)
        assert response.url == url("sessie-afspraken", sessie.pk) + f"#afspraak-{eerste.pk}"
        terug = regie.get(url("rij", eerste.pk) + "?weergave=sessie")
        assert terug.url == url("sessie-afspraken", sessie.pk) + f"#afspraak-{eerste.pk}"

    def test_an_unknown_weergave_falls_back_to_the_table(self, regie, sessie, twee):
        response = regie.get(url("rij", twee[0].pk) + "?weergave=../../geheim")
        assert response.url == url("netwerk") + f"#afspraak-{twee[0].pk}"

    def test_closing_fixes_the_agreements_and_sets_the_default_evaluation_date(
        self, regie, sessie, twee
    ):
        response = regie.post(url("sessie-afronden", sessie.pk), {"bevestigd": "ja"}, follow=True)
        eerste, tweede = (Afspraak.objects.get(pk=a.pk) for a in twee)
        assert eerste.status == tweede.status == Afspraak.Status.VASTGESTELD
        assert eerste.evaluatiedatum == date(2026, 9, 12)  # half a year after 12 March
        assert tweede.evaluatiedatum == date(2026, 5, 1)  # kept
        assert eerste.revisie == 2
        assert (
            eerste.history.first().history_change_reason
            == "Sessie van 12 maart 2026, Gemeentehuis afgerond"
        )
        sessie.refresh_from_db()
        assert sessie.status == Sessie.Status.AFGEROND
        html = response.content.decode()
        assert f'href="{url("publiceren")}">Publiceren</a>' in html

    def test_it_only_touches_this_sessions_agreements(self, regie, sessie, twee, afspraak_a):
        afspraak_a.status = Afspraak.Status.CONCEPT
        afspraak_a.save()
        regie.post(url("sessie-afronden", sessie.pk), {"bevestigd": "ja"})
        afspraak_a.refresh_from_db()
        assert afspraak_a.status == Afspraak.Status.CONCEPT

    def test_closing_first_lists_the_undiscussed_cases_and_those_without_agreement(
        self, regie, sessie, twee
    ):
        casussen = list(sessie.casussen.select_related("casus"))
        # Discussed: the first has an answer, the third was closed in the plenary.
        Inbreng.objects.create(
            sessie=sessie, casus=casussen[0].casus, deelnemer=sessie.deelnemers.first()
        )
        regie.post(url("sessie-casus-sluiten", sessie.pk, casussen[2].casus.slug))
        html = regie.get(url("sessie-afronden", sessie.pk)).content.decode()
        assert "Nog niet besproken: 6 van 8 casussen" in html
        assert "Zonder afspraak: 6 van 8 casussen" in html
        niet_besproken = html[html.index("niet-besproken-kop") : html.index("zonder-afspraak-kop")]
        for i, sc in enumerate(casussen):
            assert (sc.casus.titel in niet_besproken) is (i not in (0, 2)), sc.casus.titel
        assert ">Ja, sessie afronden</button>" in html
        assert Sessie.objects.get(pk=sessie.pk).status != Sessie.Status.AFGEROND

    @pytest.mark.parametrize("data", [{}, {"bevestigd": "nee"}, {"bevestigd": "JA "}])
    def test_nothing_closes_without_the_confirmation(self, regie, sessie, twee, data):
        response = regie.post(url("sessie-afronden", sessie.pk), data)
        assert response.status_code == 200
        assert "De sessie is niet afgerond" in response.content.decode()
        assert Sessie.objects.get(pk=sessie.pk).status != Sessie.Status.AFGEROND
        assert not Afspraak.objects.filter(status=Afspraak.Status.VASTGESTELD).exists()

    def test_the_review_asks_before_closing(self, regie, sessie):
        html = regie.get(url("sessie-afspraken", sessie.pk)).content.decode()
        assert f'method="get" action="{url("sessie-afronden", sessie.pk)}"' in html


class TestSamenvatting:
    def test_the_summary_pdf_contains_participants_answers_differences_and_agreements(
        self, regie, sessie, netwerk_a
    ):
        sc = sessie.casussen.select_related("casus").first()
        ayla, bram = sessie.deelnemers.all()[:2]
        Inbreng.objects.create(sessie=sessie, casus=sc.casus, deelnemer=ayla, ingrijpen="ja")
        Inbreng.objects.create(sessie=sessie, casus=sc.casus, deelnemer=bram, ingrijpen="nee")
        Afspraak.objects.create(
            netwerk=netwerk_a,
            soort=netwerk_a.soorten.get(naam="Algemeen"),
            tekst="Bij twijfel belt het jongerenwerk de wijkagent.",
            wie="Jongerenwerk, Politie",
            sessie=sessie,
            casus=sc.casus,
        )
        response = regie.get(url("sessie-samenvatting-pdf", sessie.pk))
        tekst = pdf_tekst(response.content)
        assert "Bij twijfel belt het jongerenwerk de wijkagent." in tekst
        assert "Jongerenwerk, Politie" in tekst
        for naam, *_ in VIER:
            assert naam in tekst
        assert "1 van 2 zouden ingrijpen" in tekst
        assert sc.casus.titel in tekst

    def test_the_summary_page_renders_the_same_content(self, regie, sessie):
        html = regie.get(url("sessie-samenvatting", sessie.pk)).content.decode()
        assert "Vredestijd-sessie Gemeente A" in html
        assert "Download PDF" in html


class TestLijst:
    def test_it_lists_the_sessions_of_this_network_only(self, regie, sessie, netwerk_b):
        maak_sessie(netwerk_b, datum=date(2025, 1, 2))
        html = regie.get(url("sessies")).content.decode()
        assert "12 maart 2026" in html
        assert "2 januari 2025" not in html
        assert "Kopieer vorige sessie" in html


def test_deelnemer_and_sessiecasus_read_as_text(db, content, netwerk_a):
    sessie = maak_sessie(netwerk_a)
    assert str(sessie) == "12 maart 2026, Gemeentehuis"
    assert str(Deelnemer.objects.first()) == "Ayla (Jongerenwerk)"
    assert str(SessieCasus.objects.first()).endswith("(12 maart 2026, Gemeentehuis)")
