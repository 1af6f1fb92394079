"""The route walk, per node (as smart-answers tests its flows): each step renders its questions,
and the next node for each answer is the one the content's graph says. Plus the walk's promises:
404 for a path that is not in the graph, htmx partials, and notes that stay in the session."""

import datetime as dt
import logging
import re
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection

from routekaart import netwerk as naad
from routekaart.models import Actie, Stap
from routekaart.notities import van_sessie
from routekaart.wandeling import MAX_NOTITIE
from tests.routekaart.stap_cache_hulp import gecachte_waarden
from tests.routekaart.wandeling_hulp import (
    ROUTE,
    TAKKEN,
    beslissingen_tot,
    beslissingen_voor_pad,
    url,
    zelfde_url,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def _stap(slug: str) -> Stap:
    return Stap.objects.get(slug=slug)


def _post_data(label: str) -> dict:
    return {"beslissing": label} if label else {}


class TestEachStep:
    @pytest.mark.parametrize("slug", ROUTE.volgorde)
    def test_it_renders_its_questions_each_with_an_answer_field(self, client, content, slug):
        stap = _stap(slug)
        html = client.get(url(slug, **beslissingen_tot(slug))).content.decode()
        assert "<html" in html
        assert f"{stap.titel}</h1>" in html
        for i, vraag in enumerate(stap.vragen):
            assert vraag["tekst"] in html
            assert f'name="vraag-{i}"' in html
        assert 'name="vragen"' not in html  # answers, not ticks

    @pytest.mark.parametrize("slug", ROUTE.volgorde)
    def test_an_htmx_request_gets_only_the_panel(self, client, content, slug):
        response = client.get(url(slug, **beslissingen_tot(slug)), **HX)
        html = response.content.decode()
        assert "<html" not in html
        assert 'id="stap-kop"' in html
        assert html.lstrip().startswith("<title>")
        assert "HX-Request" in response["Vary"]

    def test_a_history_restore_request_gets_the_full_page(self, client, content):
        response = client.get(url("bericht-duiden"), HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HX)
        assert "<html" in response.content.decode()

    @pytest.mark.parametrize("slug", [s for s in ROUTE.volgorde if ROUTE[s].aard != "start"])
    def test_the_title_says_which_step_of_how_many(self, client, content, slug):
        stap = _stap(slug)
        html = client.get(url(slug, **beslissingen_tot(slug))).content.decode()
        assert f"<title>Stap {stap.nummer} van {ROUTE.totaal} — {stap.titel}" in html

    def test_the_context_step_is_titled_voor_je_begint(self, client, content):
        assert "<title>Voor je begint — Routekaart" in client.get("/route/").content.decode()

    def test_route_pages_are_not_indexed_nor_cached(self, client, content):
        response = client.get(url("bericht-duiden"))
        assert '<meta name="robots" content="noindex">' in response.content.decode()
        assert "no-store" in response["Cache-Control"]


class TestNextNode:
    @pytest.mark.parametrize(("slug", "label", "doel"), TAKKEN)
    def test_next_node_for_answer_is_the_graphs_target(self, client, content, slug, label, doel):
        voor = beslissingen_tot(slug)
        response = client.post(url(slug, **voor), _post_data(label))
        assert response.status_code == 303
        na = {**voor, ROUTE[slug].sleutel: label} if label else voor
        assert zelfde_url(response["Location"], url(doel, **na))

    @pytest.mark.parametrize(("slug", "label", "doel"), TAKKEN)
    def test_an_htmx_answer_gets_the_next_panel_and_pushes_its_url(
        self, client, content, slug, label, doel
    ):
        voor = beslissingen_tot(slug)
        response = client.post(url(slug, **voor), _post_data(label), **HX)
        assert response.status_code == 200
        na = {**voor, ROUTE[slug].sleutel: label} if label else voor
        assert zelfde_url(response["HX-Push-Url"], url(doel, **na))
        assert f"{_stap(doel).titel}</h1>" in response.content.decode()
        assert "<html" not in response.content.decode()

    def test_the_end_leads_to_the_report(self, client, content):
        einde = next(s for s in ROUTE.volgorde if not ROUTE[s].takken())
        voor = beslissingen_tot(einde)
        response = client.post(url(einde, **voor), {})
        assert zelfde_url(response["Location"], "/route/verslag/?" + url("x", **voor).split("?")[1])

    def test_a_decision_without_ja_or_nee_is_refused(self, client, content):
        slug = ROUTE.beslissingen[0].slug
        response = client.post(url(slug, **beslissingen_tot(slug)), {"beslissing": "misschien"})
        assert response.status_code == 400
        assert "Kies Ja of Nee." in response.content.decode()


class TestImpossiblePaths:
    @pytest.mark.parametrize(
        "pad",
        [
            "/route/acties/",
            "/route/ingrijpen/?partners=misschien",
            "/route/ingrijpen/?partners=nee&alarm=ja",
            "/route/evalueren/?partners=nee&ingrijpen=nee&alarm=ja",
            "/route/bestaat-niet/",
            "/route/?modus=misschien",
            "/route/?rol=directeur",
            "/route/?fenomeen=onzin",
            "/route/?casus=bestaat-niet",
            "/route/bericht-duiden/?alarm=misschien",
            "/route/verslag/?partners=ja",
        ],
    )
    def test_a_path_that_is_not_in_the_graph_is_not_found(self, client, content, pad):
        assert client.get(pad).status_code == 404

    def test_the_start_steps_own_slug_redirects_to_the_route(self, client, content):
        response = client.get(f"/route/{ROUTE.start}/?rol=boa")
        assert response.status_code == 302
        assert response["Location"] == "/route/?rol=boa"


class TestContextStep:
    def test_it_asks_the_three_optional_questions(self, client, content):
        html = client.get("/route/").content.decode()
        assert "Zie je het bericht zelf online (met een professioneel profiel)" in html
        assert "Wat is je rol?" in html
        assert "Welk fenomeen lijkt het?" in html
        assert (
            html.count('type="radio" name="fenomeen"') == 8 + 1 + 1
        )  # eight, weet ik niet, overslaan
        assert "Weet ik nog niet" in html

    def test_volgende_carries_the_choices_into_the_query(self, client, content):
        data = {"modus": "offline", "rol": "boa", "fenomeen": "fraude"}
        response = client.post("/route/", data)
        assert zelfde_url(response["Location"], url(ROUTE[ROUTE.start].volgende, **data))

    def test_every_question_can_be_skipped(self, client, content):
        response = client.post("/route/", {"modus": "", "rol": "", "fenomeen": ""})
        assert response["Location"] == url(ROUTE[ROUTE.start].volgende)

    def test_an_unknown_choice_gets_a_dutch_error(self, client, content):
        response = client.post("/route/", {"rol": "directeur"})
        assert response.status_code == 200
        assert "Kies bij elke vraag een van de genoemde antwoorden" in response.content.decode()


class TestHints:
    def test_a_boa_hears_there_is_no_digital_investigation(self, client, content):
        assert (
            "geen digitale opsporing"
            in client.get(url("bericht-duiden", rol="boa")).content.decode()
        )
        assert (
            "geen digitale opsporing"
            not in client.get(url("bericht-duiden", rol="politie")).content.decode()
        )

    def test_hints_never_hide_a_question(self, client, content):
        stap = _stap("bericht-duiden")
        for rol in ("boa", "politie", "jongerenwerk", "oov", "andere"):
            html = client.get(url("bericht-duiden", rol=rol, modus="offline")).content.decode()
            assert all(v["tekst"] in html for v in stap.vragen)

    def test_step_one_asks_for_a_colleague_and_openbaar_or_besloten(self, client, content):
        html = client.get(url("bericht-duiden")).content.decode()
        assert "interne collega meekijken" in html
        assert "openbaar of besloten is, voordat het verdwijnt" in html


class TestAlarm:
    def _alarmstap(self):
        return Stap.objects.exclude(alarm={}).get()

    def test_yes_stays_on_the_step_and_shows_the_alert_with_only_ja(self, client, content):
        stap = self._alarmstap()
        voor = beslissingen_tot(stap.slug)
        response = client.post(url(stap.slug, **voor), {"alarm": "ja"})
        assert zelfde_url(response["Location"], url(stap.slug, **voor, alarm="ja"))
        html = client.get(response["Location"]).content.decode()
        assert 'role="alert"' in html
        assert "Onderneem direct actie, informeer en betrek partners!" in html
        assert 'value="ja">Ja</button>' in html
        assert 'value="nee">Nee</button>' not in html

    def test_nee_after_yes_is_refused(self, client, content):
        stap = self._alarmstap()
        response = client.post(url(stap.slug, alarm="ja"), {"beslissing": "nee"})
        assert response.status_code == 400

    def test_the_networks_agreements_show_at_this_step(self, client, content, monkeypatch):
        afspraak = SimpleNamespace(soort="Wapens", tekst="Bel direct de wijkagent.", wie="Politie")
        gevraagd = []

        def nep(user, fenomeen):
            gevraagd.append(fenomeen)
            return [afspraak]

        monkeypatch.setattr(naad, "afspraken_voor_route", nep)
        monkeypatch.setattr(naad, "contacten_voor_route", lambda user: [])
        client.force_login(get_user_model().objects.create_user("lid-a", password="x-geheim-1"))
        html = client.get(url(self._alarmstap().slug, fenomeen="fraude")).content.decode()
        assert "Bel direct de wijkagent." in html
        assert gevraagd == ["fraude"]

    def test_no_agreements_no_section(self, client, content):
        assert (
            "Afspraken in jouw netwerk"
            not in client.get(url(self._alarmstap().slug)).content.decode()
        )


class TestActionsAndReview:
    def test_the_actions_step_lists_the_roles_actions_first(self, client, content):
        slug = Stap.objects.get(toon_acties=True).slug
        html = client.get(url(slug, rol="boa", **beslissingen_tot(slug))).content.decode()
        for modus in ("online", "offline"):
            acties = Actie.objects.filter(modus=modus)
            # Within each mode: the boa's actions first, each group in the content's order.
            acties = sorted(acties, key=lambda a: ("boa" not in a.rollen, a.volgorde))
            posities = [html.index(a.titel) for a in acties]
            assert posities == sorted(posities)
        eerste_boa = next(a for a in Actie.objects.all() if "boa" in a.rollen)
        assert eerste_boa.titel in html

    def test_the_review_shows_what_was_answered_and_noted_earlier(self, client, content):
        review = Stap.objects.get(terugblik=True).slug
        pad = ROUTE.pad_naar(review, beslissingen_tot(review))
        eerdere = [s for s in pad[:-1] if ROUTE[s].aard == "info"]
        for slug in eerdere:
            client.post(
                url(slug, **beslissingen_tot(slug)),
                {"vraag-0": f"antwoord-{slug}", "notitie": f"notitie-{slug}"},
            )
        html = client.get(url(review, **beslissingen_tot(review))).content.decode()
        terugblik = html[html.index('id="terugblik-kop"') :]
        for slug in eerdere:
            assert f"notitie-{slug}" in terugblik
            assert f"antwoord-{slug}" in terugblik
            assert _stap(slug).vragen[0]["tekst"] in terugblik
            # An unanswered question is not listed.
            assert _stap(slug).vragen[1]["tekst"] not in terugblik


class TestOrientation:
    def test_jouw_antwoorden_lists_the_decisions_with_a_wijzig_link(self, client, content):
        einde = next(s for s in ROUTE.volgorde if not ROUTE[s].takken())
        antwoorden = beslissingen_tot(einde)
        html = client.get(url(einde, rol="boa", **antwoorden)).content.decode()
        for beslissing in ROUTE.beslissingen:
            if beslissing.sleutel in antwoorden:
                assert f"je antwoord op {_stap(beslissing.slug).beslisvraag}</span>" in html
                link = url(beslissing.slug, rol="boa", **antwoorden)
                hrefs = re.findall(r'href="([^"]+)"', html.replace("&amp;", "&"))
                assert any(zelfde_url(h, link) for h in hrefs)
        assert 'Wijzig <span class="visueel-verborgen">je antwoord op Jouw rol</span>' in html

    def test_wijzig_returns_to_the_step_with_the_earlier_choice_marked(self, client, content):
        beslissing = ROUTE.beslissingen[0]
        voor = {**beslissingen_tot(beslissing.slug), beslissing.sleutel: "nee"}
        html = client.get(url(beslissing.slug, **voor)).content.decode()
        assert "Je koos eerder: <strong>Nee</strong>" in html

    def test_the_mini_map_marks_the_current_station(self, client, content):
        html = client.get(url("bericht-duiden")).content.decode()
        assert 'id="minikaart-titel"' in html
        assert "kaart__station--huidig" in html
        # Never a Dutch decimal comma in the SVG's numbers.
        assert re.search(r'class="kaart kaart--klein" viewBox="[0-9. ]+"', html)

    def test_every_step_offers_opnieuw_beginnen(self, client, content):
        for slug in ROUTE.volgorde:
            html = client.get(url(slug, **beslissingen_tot(slug))).content.decode()
            assert 'href="/route/opnieuw/?terug=' in html
            assert "Opnieuw beginnen</a>" in html
            # The dialog that asks first (with JavaScript) posts the wipe.
            assert 'action="/route/opnieuw/"' in html


class TestPractiseCase:
    def test_a_case_presets_the_context_and_is_pinned_on_every_step(self, client, content):
        from casussen.models import Casus

        casus = Casus.objects.select_related("fenomeen").first()
        html = client.get(f"/route/?casus={casus.slug}").content.decode()
        assert f'name="modus" value="{casus.modus}" checked' in html
        assert f'name="fenomeen" value="{casus.fenomeen.slug}" checked' in html
        assert casus.titel in html
        response = client.post(f"/route/?casus={casus.slug}", {"modus": casus.modus})
        assert f"casus={casus.slug}" in response["Location"]
        assert casus.titel in client.get(response["Location"]).content.decode()


class TestNotesStayInTheSession:
    """What a walker writes (notes, short answers, chosen actions) stays in their session."""

    NOTITIE = "Zeer-unieke-notitie-7f3a9c"
    ANTWOORD = "Uniek-antwoord-41be02"
    # A chosen action's "wanneer" as the session keeps it: in no URL, table, log or cache.
    WANNEER = "volgend-contact"

    def _loop(self, client, pad: list[str]) -> list:
        """Walk one complete path with a note at every step; return every response."""
        antwoorden = beslissingen_voor_pad(pad)
        responses = []
        for van in pad[:-1]:
            node = ROUTE[van]
            data = {"notitie": self.NOTITIE, "vraag-0": self.ANTWOORD}
            if ROUTE[van].aard == "info" and _stap(van).toon_acties:
                actie = Actie.objects.first().slug
                data.update(
                    {
                        f"actie-{actie}": "on",
                        f"wie-{actie}": "collega",
                        f"wanneer-{actie}": self.WANNEER,
                    }
                )
            if node.aard == "beslissing":
                data["beslissing"] = antwoorden[node.sleutel]
            voor = beslissingen_tot(van) if van != pad[0] else {}
            voor = {k: v for k, v in antwoorden.items() if k in voor}
            responses.append(client.get(url(van, **voor)))
            responses.append(client.post(url(van, **voor), data))
            responses.append(client.post(url(van, **voor), data, **HX))
        laatste = url(pad[-1], **antwoorden)
        responses.append(client.post(laatste, {"notitie": self.NOTITIE}))
        responses.append(client.get(responses[-1]["Location"]))
        return responses

    def test_a_note_is_in_no_url_redirect_or_rendered_link(self, client, content):
        for pad in ROUTE.paden():
            for response in self._loop(client, pad):
                for kop in ("Location", "HX-Push-Url"):
                    for geheim in (self.NOTITIE, self.ANTWOORD, self.WANNEER, "wie-", "vraag-"):
                        assert geheim not in response.get(kop, "")
                html = response.content.decode()
                for link in re.findall(r'(?:href|action|data-hx-get|data-hx-post)="([^"]*)"', html):
                    for geheim in (self.NOTITIE, self.ANTWOORD, self.WANNEER):
                        assert geheim not in link
        sessie = str(van_sessie(client.session))
        assert self.NOTITIE in sessie
        assert self.ANTWOORD in sessie
        assert self.WANNEER in sessie

    def test_a_note_is_in_no_table_row_and_no_log_line(self, client, content, caplog):
        caplog.set_level(logging.DEBUG)
        caplog.set_level(logging.DEBUG, logger="django")
        # Log every SQL statement too (django.db.backends), as DEBUG=True would.
        connection.force_debug_cursor = True
        try:
            for pad in ROUTE.paden():
                self._loop(client, pad)
        finally:
            connection.force_debug_cursor = False
        geheimen = (self.NOTITIE, self.ANTWOORD, self.WANNEER)
        for model in apps.get_models():
            for rij in model.objects.all().values():
                assert not any(g in str(rij) for g in geheimen)
        with connection.cursor() as cursor:
            for tabel in connection.introspection.table_names(cursor):
                cursor.execute(f'SELECT * FROM "{tabel}"')
                assert not any(g in str(cursor.fetchall()) for g in geheimen)
        assert caplog.records
        for record in caplog.records:
            assert not any(g in record.getMessage() for g in geheimen)
            assert not any(g in str(record.args) for g in geheimen)

    def test_a_note_and_a_csrf_token_are_in_no_cache(self, client, content):
        for cache in caches.all():
            cache.clear()
        for pad in ROUTE.paden():
            self._loop(client, pad)
        # What the step template's {% cache %} blocks stored, in every cache (see
        # test_stap_cache.py for two walkers side by side).
        gecachet = "".join(gecachte_waarden().values())
        assert "Routekaart: je bent bij" in gecachet  # the walk did fill them
        assert self.NOTITIE not in gecachet
        assert self.ANTWOORD not in gecachet
        assert self.WANNEER not in gecachet
        assert "Bij het volgende contact" not in gecachet  # the plan, as shown
        assert "csrfmiddlewaretoken" not in gecachet

    def test_opnieuw_beginnen_removes_what_was_written_but_keeps_the_rest(self, client, content):
        self._loop(client, ROUTE.paden()[0])
        sessie = client.session
        sessie["iets-anders"] = "blijft"
        sessie.save()
        response = client.post("/route/opnieuw/")
        assert response.status_code == 303
        assert response["Location"] == "/route/"
        assert not van_sessie(client.session)
        assert client.session["iets-anders"] == "blijft"
        html = client.get(url(ROUTE[ROUTE.start].volgende)).content.decode()
        assert self.NOTITIE not in html
        assert self.ANTWOORD not in html

    def test_opnieuw_beginnen_asks_first_and_a_get_wipes_nothing(self, client, content):
        self._loop(client, ROUTE.paden()[0])
        terug = url(ROUTE[ROUTE.start].volgende)
        response = client.get("/route/opnieuw/", {"terug": terug})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Alles wissen en opnieuw beginnen?" in html
        assert 'action="/route/opnieuw/"' in html
        assert f'href="{terug}">Nee, ga terug</a>' in html
        assert self.NOTITIE in str(van_sessie(client.session))

    @pytest.mark.parametrize(
        "terug", ["https://elders.example/route/", "//elders.example/", "/afspraken/"]
    )
    def test_the_way_back_from_opnieuw_stays_on_the_route(self, client, content, terug):
        html = client.get("/route/opnieuw/", {"terug": terug}).content.decode()
        assert 'href="/route/">Nee, ga terug</a>' in html

    def test_after_opnieuw_a_status_message_says_so(self, client, content):
        response = client.post("/route/opnieuw/", follow=True)
        html = response.content.decode()
        assert 'role="status"' in html
        assert "Alles is gewist. Je begint opnieuw." in html

    def test_a_too_long_note_gets_a_dutch_error_and_keeps_the_text(self, client, content):
        slug = ROUTE[ROUTE.start].volgende
        tekst = "lang " * (MAX_NOTITIE // 5 + 10)
        response = client.post(url(slug), {"notitie": tekst, "vraag-1": "Mijn antwoord"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Je notitie is te lang: gebruik maximaal 2000 tekens" in html
        assert f">{tekst}</textarea>" in html
        assert 'aria-invalid="true"' in html
        assert 'name="vraag-1" value="Mijn antwoord"' in html
        assert not van_sessie(client.session)

    def test_notes_come_back_when_you_return_to_a_step(self, client, content):
        slug = ROUTE[ROUTE.start].volgende
        client.post(url(slug), {"notitie": self.NOTITIE, "vraag-2": self.ANTWOORD})
        html = client.get(url(slug)).content.decode()
        assert f">{self.NOTITIE}</textarea>" in html
        assert f'name="vraag-2" value="{self.ANTWOORD}"' in html
        assert "beantwoord</span>" in html

    # File sessions expire at the file's modification time plus SESSION_COOKIE_AGE, so the clock
    # moves forward from the real now.
    def test_the_session_lasts_two_hours_after_the_last_request(self, client, content):
        slug = ROUTE[ROUTE.start].volgende
        begin = dt.datetime.now(dt.UTC)
        client.post(url(slug), {"notitie": self.NOTITIE})
        assert client.session.get_expiry_age() == 2 * 60 * 60
        with time_machine.travel(begin + dt.timedelta(hours=1, minutes=58), tick=False):
            assert self.NOTITIE in client.get(url(slug)).content.decode()

    def test_after_two_hours_the_notes_are_gone(self, client, content):
        slug = ROUTE[ROUTE.start].volgende
        begin = dt.datetime.now(dt.UTC)
        client.post(url(slug), {"notitie": self.NOTITIE})
        with time_machine.travel(begin + dt.timedelta(hours=2, minutes=1), tick=False):
            assert self.NOTITIE not in client.get(url(slug)).content.decode()
