"""The live meeting, the regisseur's side (issue 11): the server-side timer and its controls, the
beamer and what it follows ("Volgende casus", "Toon verschillen"), closing a case, and the polled
fragments, which never hold a form."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from afspraken import live
from afspraken.klok import klok_van
from afspraken.models import Inbreng, Sessie
from tests.afspraken.personas import url
from tests.afspraken.sessie_hulp import maak_sessie

AMS = ZoneInfo("Europe/Amsterdam")
MOMENT = datetime(2026, 3, 12, 14, 25, tzinfo=AMS)


@pytest.fixture
def sessie(regie, netwerk_a):
    """Four participants, eight cases dealt two each: the block is 2 x 10 minutes."""
    s = maak_sessie(netwerk_a)
    regie.post(url("sessie-verdelen", s.pk), {"actie": "verdeel"})
    return s


def vers(sessie) -> Sessie:
    return Sessie.objects.get(pk=sessie.pk)


def klik(regie, sessie, actie, **extra):
    return regie.post(url("sessie-klok", sessie.pk), {"actie": actie, **extra})


class TestKlok:
    def test_the_block_is_the_minutes_times_the_most_cases_anyone_holds(self, sessie):
        assert klok_van(vers(sessie)).totaal == 20 * 60
        assert klok_van(vers(sessie)).tekst == "20:00"

    def test_start_pause_and_resume_keep_the_seconds_left(self, regie, sessie):
        with time_machine.travel(MOMENT, tick=False) as reis:
            klik(regie, sessie, "start")
            assert klok_van(vers(sessie)).eind == MOMENT + timedelta(minutes=20)
            reis.shift(timedelta(minutes=3, seconds=15))
            assert klok_van(vers(sessie)).tekst == "16:45"
            klik(regie, sessie, "pauze")
            reis.shift(timedelta(minutes=30))
            klok = klok_van(vers(sessie))
            assert (klok.gepauzeerd, klok.tekst) == (True, "16:45")
            klik(regie, sessie, "verder")
            reis.shift(timedelta(seconds=45))
            assert klok_van(vers(sessie)).tekst == "16:00"
            # resumed at 33:15 with 16:45 left
            assert klok_van(vers(sessie)).eind == MOMENT + timedelta(minutes=50)

    def test_a_paused_timer_survives_a_reload_of_every_screen(self, regie, sessie):
        with time_machine.travel(MOMENT, tick=False) as reis:
            klik(regie, sessie, "start")
            reis.shift(timedelta(minutes=5))
            klik(regie, sessie, "pauze")
            reis.shift(timedelta(minutes=2))
            for pagina in ("sessie-bedenktijd", "sessie-beamer"):
                html = regie.get(url(pagina, sessie.pk)).content.decode()
                assert "data-klok-tekst>15:00<" in html, pagina
                assert "Gepauzeerd." in html
                assert 'data-eind-ms="0"' in html
            assert (
                ">Verder</button>"
                in regie.get(url("sessie-bedenktijd", sessie.pk)).content.decode()
            )

    def test_a_running_timer_gives_every_screen_the_same_end_time(self, regie, sessie):
        with time_machine.travel(MOMENT, tick=False):
            klik(regie, sessie, "start")
            eind = str(int((MOMENT + timedelta(minutes=20)).timestamp() * 1000))
            for pagina in ("sessie-bedenktijd", "sessie-beamer"):
                html = regie.get(url(pagina, sessie.pk)).content.decode()
                assert f'data-eind-ms="{eind}"' in html, pagina
                assert ">14:45</time>" in html

    def test_a_second_start_does_not_move_the_end(self, regie, sessie):
        with time_machine.travel(MOMENT, tick=False) as reis:
            klik(regie, sessie, "start")
            reis.shift(timedelta(minutes=1))
            klik(regie, sessie, "start")
            assert klok_van(vers(sessie)).eind == MOMENT + timedelta(minutes=20)

    def test_a_timer_that_ran_out_starts_a_new_block(self, regie, sessie):
        with time_machine.travel(MOMENT, tick=False) as reis:
            klik(regie, sessie, "start")
            reis.shift(timedelta(minutes=25))
            assert klok_van(vers(sessie)).tekst == "0:00"
            klik(regie, sessie, "start")
            assert klok_van(vers(sessie)).tekst == "20:00"

    def test_opnieuw_resets_and_an_unknown_action_changes_nothing(self, regie, sessie):
        klik(regie, sessie, "start")
        klik(regie, sessie, "opnieuw")
        assert not klok_van(vers(sessie)).gestart
        response = klik(regie, sessie, "ontplof")
        assert response.status_code == 302
        assert not klok_van(vers(sessie)).gestart

    def test_without_javascript_a_control_returns_to_the_page_it_came_from(self, regie, sessie):
        terug = url("sessie-bedenktijd", sessie.pk) + "?fase=3"
        assert klik(regie, sessie, "start", terug=terug).url == terug

    @pytest.mark.parametrize(
        "terug", ["https://example.org/", "//example.org/", "/afspraken/gemeente-b/", "/\\x"]
    )
    def test_a_control_never_returns_to_another_site_or_network(self, regie, sessie, terug):
        assert klik(regie, sessie, "start", terug=terug).url == url("sessie", sessie.pk)

    def test_with_htmx_a_control_answers_with_the_controls_panel(self, regie, sessie):
        response = regie.post(
            url("sessie-klok", sessie.pk), {"actie": "start"}, HTTP_HX_REQUEST="true"
        )
        html = response.content.decode()
        assert html.lstrip().startswith('<section id="bediening"')
        assert ">Pauze</button>" in html
        assert "<html" not in html

    def test_the_setting_is_called_minutes_per_case_and_every_screen_says_the_same(
        self, regie, sessie
    ):
        zin = "10 minuten per casus; wie de meeste casussen heeft, heeft er 2: 20 minuten"
        for pagina in ("sessie", "sessie-bedenktijd", "sessie-beamer"):
            assert zin in regie.get(url(pagina, sessie.pk)).content.decode(), pagina
        ayla = sessie.deelnemers.get(naam="Ayla")
        handout = regie.get(url("sessie-handout", sessie.pk, ayla.pk)).content.decode()
        assert "Neem 10 minuten per casus; jij hebt 2 casussen: 20 minuten." in handout


def test_the_form_calls_the_one_setting_minutes_per_case(regie):
    html = regie.get(url("sessie-nieuw")).content.decode()
    assert ">Minuten per casus</label>" in html
    assert "bedenktijd per casus" not in html


class TestBeamer:
    def test_the_beamer_has_no_site_header_breadcrumb_or_step_buttons(self, regie, sessie):
        html = regie.get(url("sessie-beamer", sessie.pk)).content.decode()
        assert 'class="kop' not in html
        assert "Kruimelpad" not in html
        assert "sessiestappen" not in html
        assert "Volgende stap" not in html
        assert 'class="beamerscherm"' in html

    def test_it_shows_the_first_case_with_its_situation_and_mock_message(self, regie, sessie):
        sc = sessie.eerste_casus()
        html = regie.get(url("sessie-beamer", sessie.pk)).content.decode()
        assert sc.casus.titel in html
        assert sc.casus.bericht["tekst"] in html
        assert "Casus 1 van 8" in html
        assert "0 van 4</strong> hebben geantwoord" in html

    def test_volgende_casus_moves_the_beamer_and_the_regisseur_along(self, regie, sessie):
        eerste, tweede = list(sessie.casussen.select_related("casus"))[:2]
        response = regie.post(
            url("sessie-beamer-casus", sessie.pk), {"volgende": "1", "van": eerste.pk}
        )
        assert response.url == url("sessie-casus", sessie.pk, tweede.casus.slug)
        assert vers(sessie).huidige_casus == tweede
        assert tweede.casus.titel in regie.get(url("sessie-beamer", sessie.pk)).content.decode()

    def test_volgende_casus_sent_twice_from_the_same_case_moves_on_once(self, regie, sessie):
        eerste, tweede = list(sessie.casussen.all())[:2]
        for _ in range(2):
            regie.post(url("sessie-beamer-casus", sessie.pk), {"volgende": "1", "van": eerste.pk})
        assert vers(sessie).huidige_casus == tweede

    def test_a_case_can_be_put_on_the_beamer_by_name_and_hides_the_differences(self, regie, sessie):
        derde = list(sessie.casussen.select_related("casus"))[2]
        live.toon_verschillen(sessie, True)
        regie.post(url("sessie-beamer-casus", sessie.pk), {"naar": derde.casus.slug})
        s = vers(sessie)
        assert (s.huidige_casus, s.verschillen_tonen) == (derde, False)

    def test_an_unknown_case_changes_nothing(self, regie, sessie, netwerk_a):
        ander = maak_sessie(netwerk_a).casussen.first()
        for data in ({"naar": "bestaat-niet"}, {"volgende": "1", "van": ander.pk}, {}):
            assert regie.post(url("sessie-beamer-casus", sessie.pk), data).status_code == 302
        assert vers(sessie).huidige_casus is None

    def test_the_differences_show_only_after_toon_verschillen(self, regie, sessie):
        sc = sessie.eerste_casus()
        ayla, bram = sessie.deelnemers.all()[:2]
        Inbreng.objects.create(sessie=sessie, casus=sc.casus, deelnemer=ayla, ingrijpen="ja")
        Inbreng.objects.create(sessie=sessie, casus=sc.casus, deelnemer=bram, ingrijpen="nee")
        html = regie.get(url("sessie-beamer", sessie.pk)).content.decode()
        assert "2 van 4</strong> hebben geantwoord" in html
        assert "Waar verschillen de verwachtingen?" not in html
        regie.post(url("sessie-beamer-verschillen", sessie.pk), {"tonen": "ja"})
        html = regie.get(url("sessie-beamer", sessie.pk)).content.decode()
        assert "Waar verschillen de verwachtingen?" in html
        assert "1 van 2 zouden ingrijpen" in html
        regie.post(url("sessie-beamer-verschillen", sessie.pk), {"tonen": "nee"})
        assert (
            "1 van 2 zouden ingrijpen"
            not in regie.get(url("sessie-beamer", sessie.pk)).content.decode()
        )

    def test_the_beamer_polls_itself_and_its_fragment_holds_no_form(self, regie, sessie):
        html = regie.get(url("sessie-beamer", sessie.pk)).content.decode()
        assert 'data-hx-trigger="every 2s"' in html
        fragment = regie.get(url("sessie-beamer", sessie.pk), HTTP_HX_REQUEST="true")
        tekst = fragment.content.decode()
        assert tekst.lstrip().startswith('<div id="stand"')
        assert not re.search(r"<(form|input|textarea|select|button)\b", tekst)
        assert fragment["Vary"] == "HX-Request, Cookie" or "HX-Request" in fragment["Vary"]


class TestCasusSluiten:
    def test_closing_sets_the_time_once_and_reopening_clears_it(self, regie, sessie):
        sc = sessie.eerste_casus()
        with time_machine.travel(MOMENT, tick=False) as reis:
            response = regie.post(url("sessie-casus-sluiten", sessie.pk, sc.casus.slug))
            assert response.url.startswith(url("sessie-casus", sessie.pk, sc.casus.slug))
            reis.shift(timedelta(minutes=5))
            regie.post(url("sessie-casus-sluiten", sessie.pk, sc.casus.slug))
        sc.refresh_from_db()
        assert sc.gesloten_op == MOMENT
        regie.post(url("sessie-casus-sluiten", sessie.pk, sc.casus.slug), {"actie": "heropenen"})
        sc.refresh_from_db()
        assert sc.gesloten_op is None

    def test_a_case_of_another_session_is_a_404(self, regie, sessie, netwerk_a):
        from casussen.models import Casus

        alleen_online = maak_sessie(netwerk_a, casussen=Casus.objects.filter(modus="online"))
        offline = Casus.objects.filter(modus="offline").first()
        response = regie.post(url("sessie-casus-sluiten", alleen_online.pk, offline.slug))
        assert response.status_code == 404
