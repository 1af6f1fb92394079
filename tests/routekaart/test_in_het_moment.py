"""The route in the moment (issue 9), with the test client: urgent first, answers instead of
ticks, actions chosen with wie and wanneer, evaluate now or later, and the safety net."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from routekaart.models import Actie, Stap
from routekaart.notities import van_sessie
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, url, zelfde_url

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
ALARMVRAAG = "Is de kans aannemelijk dat in de toekomst ernstige feiten worden gepleegd"


def _alarmstap() -> Stap:
    return Stap.objects.exclude(alarm={}).get()


def _actiestap() -> Stap:
    return Stap.objects.get(toon_acties=True)


def _evaluatiestap() -> Stap:
    return Stap.objects.get(aard="evaluatie")


def _html(client, slug: str, **query) -> str:
    return client.get(url(slug, **beslissingen_tot(slug), **query)).content.decode()


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html.replace("&amp;", "&"))


class TestUrgentFirst:
    @pytest.mark.parametrize("slug", ROUTE.volgorde)
    def test_every_route_page_has_the_emergency_line(self, client, content, slug):
        html = _html(client, slug)
        assert '<a class="noodlijn" href="tel:112">' in html
        assert "Acuut gevaar?</span> <strong>Bel 112</strong>" in html

    def test_the_confirmation_page_and_the_report_have_it_too(self, client, content):
        einde = next(s for s in ROUTE.volgorde if not ROUTE[s].takken())
        verslag = client.get(
            f"/route/verslag/?{'&'.join(f'{k}={v}' for k, v in beslissingen_tot(einde).items())}"
        )
        for html in (client.get("/route/opnieuw/").content.decode(), verslag.content.decode()):
            assert 'href="tel:112"' in html

    def test_the_alarm_question_comes_before_the_intro_and_the_guiding_questions(
        self, client, content
    ):
        stap = _alarmstap()
        html = _html(client, stap.slug)
        alarm = html.index(ALARMVRAAG)
        assert html.index('id="stap-kop"') < alarm
        assert alarm < html.index(stap.vragen[0]["tekst"])
        assert alarm < html.index('class="stap__intro"')

    def test_yes_with_htmx_focuses_the_alert_not_the_heading(self, client, content):
        stap = _alarmstap()
        response = client.post(url(stap.slug, **beslissingen_tot(stap.slug)), {"alarm": "ja"}, **HX)
        html = response.content.decode()
        alert = re.search(r'<div class="alarm" id="alarm" role="alert" tabindex="-1"([^>]*)>', html)
        assert alert and "data-focus-na-wissel" in alert.group(1)
        kop = re.search(r"<h1 [^>]*>", html).group(0)
        assert "data-focus-na-wissel" not in kop
        assert "alarm=ja" in response["HX-Push-Url"]

    def test_yes_without_javascript_lands_on_the_alert(self, client, content):
        stap = _alarmstap()
        response = client.post(url(stap.slug, **beslissingen_tot(stap.slug)), {"alarm": "ja"})
        assert response.status_code == 303
        assert response["Location"].endswith("#alarm")

    def test_a_later_visit_to_the_alarm_step_focuses_the_heading(self, client, content):
        stap = _alarmstap()
        html = _html(client, stap.slug, alarm="ja")
        assert 'id="alarm" role="alert"' in html
        assert re.search(r'<h1 id="stap-kop" tabindex="-1" data-focus-na-wissel>', html)

    def test_the_alarm_is_in_jouw_antwoorden_at_once_and_further_on(self, client, content):
        stap = _alarmstap()
        html = _html(client, stap.slug, alarm="ja")
        antwoorden = html[html.index('id="antwoorden-kop"') :]
        assert "Ernstige feiten aannemelijk?</dt>" in antwoorden
        volgende = ROUTE.volgende(stap.slug, "ja")
        verder = client.get(
            url(volgende, **beslissingen_tot(stap.slug), **{stap.sleutel: "ja"}, alarm="ja")
        ).content.decode()
        assert "Ernstige feiten aannemelijk?</dt>" in verder

    def test_the_alert_shows_the_networks_agreements(self, client, content, monkeypatch):
        from types import SimpleNamespace

        from routekaart import netwerk as naad

        afspraak = SimpleNamespace(
            netwerk="Voorbeeldgemeente", soort="Wapens", tekst="Bel de wijkagent.", wie="Politie"
        )
        monkeypatch.setattr(naad, "afspraken_voor_route", lambda user, f: [afspraak])
        monkeypatch.setattr(naad, "contacten_voor_route", lambda user: [])
        client.force_login(get_user_model().objects.create_user("lid-b", password="x-geheim-1"))
        html = _html(client, _alarmstap().slug, alarm="ja")
        alert = html[html.index('id="alarm"') : html.index("Dit klopt niet")]
        assert "Bel de wijkagent." in alert
        assert html.count("Bel de wijkagent.") == 1  # not again below


class TestAnswersNotTicks:
    def test_an_answer_is_kept_in_the_session_and_counts_as_done(self, client, content):
        slug = ROUTE[ROUTE.start].volgende
        client.post(url(slug), {"vraag-3": "Een mes en een geldzak", "notitie": "Notitie"})
        stap = van_sessie(client.session)[slug]
        assert stap.antwoorden == {3: "Een mes en een geldzak"}
        assert stap.notitie == "Notitie"
        html = client.get(url(slug)).content.decode()
        vraag = re.search(r'<li class="vraag vraag--beantwoord">.*?</li>', html, re.S).group(0)
        assert 'name="vraag-3" value="Een mes en een geldzak"' in vraag
        assert '<details class="vraag__details" open>' in vraag
        assert html.count("vraag--beantwoord") == 1

    def test_an_answer_is_one_line(self, client, content):
        slug = ROUTE[ROUTE.start].volgende
        client.post(url(slug), {"vraag-0": "twee\r\nregels"})
        assert van_sessie(client.session)[slug].antwoorden == {0: "twee regels"}

    def test_each_answer_field_says_not_to_write_names(self, client, content):
        html = _html(client, ROUTE[ROUTE.start].volgende)
        assert 'aria-describedby="antwoord-hulp"' in html
        assert re.search(r'id="antwoord-hulp">[^<]*Noteer geen namen', html)
        assert 'maxlength="300"' in html

    def test_enter_in_an_answer_saves_and_stays_never_the_alarm(self, client, content):
        stap = _alarmstap()
        adres = url(stap.slug, **beslissingen_tot(stap.slug))
        # Enter submits the form with its first submit button: the hidden "bewaar".
        html = client.get(adres).content.decode()
        formulier = html[html.index('id="stapformulier"') :]
        knoppen = re.findall(r'<button[^>]*type="submit"[^>]*>', formulier)
        assert 'name="bewaar"' in knoppen[0]
        response = client.post(adres, {"bewaar": "ja", "vraag-0": "Bewaard"})
        assert response.status_code == 303
        assert zelfde_url(response["Location"], adres)
        assert "alarm" not in response["Location"]
        assert van_sessie(client.session)[stap.slug].antwoorden == {0: "Bewaard"}


class TestChoosingActions:
    def _adres(self):
        slug = _actiestap().slug
        return slug, url(slug, **beslissingen_tot(slug))

    def test_a_chosen_action_with_wie_and_wanneer_becomes_the_plan(self, client, content):
        slug, adres = self._adres()
        actie = Actie.objects.get(slug="handhavend-optreden")
        data = {f"actie-{actie.slug}": "on", f"wie-{actie.slug}": "boa"}
        data[f"wanneer-{actie.slug}"] = "deze-week"
        response = client.post(adres, data)
        assert response.status_code == 303
        assert van_sessie(client.session)[slug].acties == {
            actie.slug: {"wie": "boa", "wanneer": "deze-week"}
        }
        html = client.get(response["Location"]).content.decode()
        plan = html[html.index('id="plan-kop"') :]
        assert actie.titel in plan
        assert "Boa, deze week" in plan

    def test_the_choice_comes_back_on_the_step(self, client, content):
        _, adres = self._adres()
        actie = Actie.objects.first()
        client.post(
            adres,
            {f"actie-{actie.slug}": "on", f"wie-{actie.slug}": "om", f"wanneer-{actie.slug}": "nu"},
        )
        html = client.get(adres).content.decode()
        assert f'name="actie-{actie.slug}" value="on" checked' in html
        assert '<option value="om" selected>' in html
        assert '<option value="nu" selected>' in html

    def test_wie_offers_me_a_colleague_and_the_partners(self, client, content):
        _, adres = self._adres()
        html = client.get(adres).content.decode()
        for label in ("Ik", "Een collega", "Jongerenwerk", "Politie", "Boa", "OOV (gemeente)"):
            assert f">{label}</option>" in html
        for label in ("School", "Hulpverlening", "Openbaar Ministerie (OM)"):
            assert f">{label}</option>" in html
        for label in ("Nu", "Vandaag", "Deze week", "Bij het volgende contact"):
            assert f">{label}</option>" in html
        assert '<optgroup label="Een partner">' in html

    def test_a_choice_without_wie_gets_a_dutch_message_and_keeps_the_rest(self, client, content):
        slug, adres = self._adres()
        actie = Actie.objects.first()
        response = client.post(
            adres, {f"actie-{actie.slug}": "on", f"wanneer-{actie.slug}": "vandaag", "notitie": "x"}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert f"Kies bij ‘{actie.titel}’ wie het doet en wanneer" in html
        assert '<option value="vandaag" selected>' in html
        assert ">x</textarea>" in html
        assert slug not in van_sessie(client.session)

    def test_no_action_is_chosen_beforehand(self, client, content):
        _, adres = self._adres()
        html = client.get(adres).content.decode()
        assert not re.search(r'name="actie-[^"]+" value="on" checked', html)
        assert " selected>" not in html


class TestEvaluateNowOrLater:
    def _adres(self):
        slug = _evaluatiestap().slug
        return slug, url(slug, **beslissingen_tot(slug))

    def test_it_says_you_can_answer_now_or_later(self, client, content):
        _, adres = self._adres()
        html = client.get(adres).content.decode()
        assert "nu beantwoorden, of later samen met je partners" in html
        assert 'aria-label="Klaar: naar het routeverslag">Klaar</button>' in html
        assert 'type="date" id="evaluatiemoment"' in html

    def test_klaar_keeps_the_evaluatiemoment_and_leads_to_the_report(self, client, content):
        slug, adres = self._adres()
        datum = timezone.localdate() + dt.timedelta(days=14)
        response = client.post(adres, {"evaluatiemoment": datum.isoformat()})
        assert response.status_code == 303
        assert response["Location"].startswith("/route/verslag/")
        assert van_sessie(client.session)[slug].evaluatiemoment == datum

    @pytest.mark.parametrize("datum", ["morgen", "2026-02-30", "1999-01-01", "2300-01-01"])
    def test_a_wrong_date_gets_a_dutch_message_and_is_kept(self, client, content, datum):
        slug, adres = self._adres()
        response = client.post(adres, {"evaluatiemoment": datum, "notitie": "blijft"})
        html = response.content.decode()
        assert response.status_code == 200
        assert re.search(
            r'class="fout" id="evaluatiemoment-fout">(Vul een datum in|Kies een datum tussen)', html
        )
        assert f'value="{datum}"' in html
        assert ">blijft</textarea>" in html
        assert slug not in van_sessie(client.session)


class TestOrientationAndSafetyNet:
    @pytest.mark.parametrize("slug", [s for s in ROUTE.volgorde if s != ROUTE.start])
    def test_every_step_has_terug_to_the_step_before_with_the_choices(self, client, content, slug):
        antwoorden = beslissingen_tot(slug)
        html = client.get(url(slug, rol="boa", **antwoorden)).content.decode()
        terug = re.search(r'<a class="terug" href="([^"]+)"', html.replace("&amp;", "&")).group(1)
        pad = ROUTE.pad_naar(slug, antwoorden)
        assert zelfde_url(terug, url(pad[-2], rol="boa", **antwoorden)) or (
            pad[-2] == ROUTE.start and zelfde_url(terug, url(ROUTE.start, rol="boa", **antwoorden))
        )

    def test_the_start_has_no_terug(self, client, content):
        assert 'class="terug"' not in client.get("/route/").content.decode()

    def test_no_radio_is_preselected(self, client, content):
        html = client.get("/route/").content.decode()
        assert 'type="radio"' in html
        assert "checked" not in html

    def test_ja_and_nee_look_the_same(self, client, content):
        beslissing = ROUTE.beslissingen[0].slug
        html = _html(client, beslissing)
        ja = re.search(r'<button class="([^"]+)" type="submit" name="beslissing" value="ja">', html)
        nee = re.search(
            r'<button class="([^"]+)" type="submit" name="beslissing" value="nee">', html
        )
        assert ja.group(1) == nee.group(1) == "knop knop--keuze"

    def test_forwarded_is_said_in_plain_words(self, client, content):
        html = _html(client, "bericht-duiden", modus="offline")
        antwoorden = html[html.index('id="antwoorden-kop"') :]
        assert "<dt>Situatie</dt>" in antwoorden
        assert "Doorgestuurd gekregen" in antwoorden
        assert "Offline" not in antwoorden
        html = _html(client, "bericht-duiden", modus="online")
        assert "Zelf online gezien" in html[html.index('id="antwoorden-kop"') :]

    def test_the_progress_says_step_n_of_m_and_opens_the_map(self, client, content):
        stap = Stap.objects.get(slug="contextinformatie")
        html = _html(client, stap.slug)
        details = html[html.index('<details class="orientatie"') :]
        samenvatting = details[: details.index("</summary>")]
        assert f"Stap {stap.nummer} van {ROUTE.totaal}" in samenvatting
        assert (
            f'<progress class="voortgang__strip" max="{ROUTE.totaal}" value="{stap.nummer}"'
            in samenvatting
        )
        assert details.index('class="kaart kaart--klein"') < details.index("</details>")


class TestTips:
    @pytest.mark.parametrize("slug", [s for s in ROUTE.volgorde if s != ROUTE.start])
    def test_one_voor_jouw_situatie_box_with_warnings_set_apart(self, client, content, slug):
        stap = Stap.objects.get(slug=slug)
        html = client.get(
            url(slug, rol="boa", modus="online", **beslissingen_tot(slug))
        ).content.decode()
        assert html.count("Voor jouw situatie</h2>") <= 1
        assert html.count('class="waarschuwing"') == len(stap.aandachtspunten)
        gekozen = {"rol": "boa", "modus": "online"}
        passend = [h for h in stap.hints if all(gekozen.get(k) == h[k] for k in gekozen if k in h)]
        passend = [h for h in passend if "fenomeen" not in h]
        assert html.count('class="tip"><span class="tip__label">Tip:</span>') == len(passend)

    def test_the_professional_profile_tip_is_not_for_who_was_forwarded_the_message(
        self, client, content
    ):
        tip = "Via je herkenbare professionele profiel"
        assert tip in _html(client, "bericht-duiden", rol="jongerenwerk", modus="online")
        assert tip not in _html(client, "bericht-duiden", rol="jongerenwerk", modus="offline")
        assert tip not in _html(client, "bericht-duiden", rol="jongerenwerk")
        assert tip not in _html(client, "bericht-duiden", modus="online")

    def test_tips_still_never_hide_a_question(self, client, content):
        stap = Stap.objects.get(slug="bericht-duiden")
        for modus in ("online", "offline", ""):
            html = _html(client, stap.slug, rol="jongerenwerk", modus=modus)
            assert all(v["tekst"] in html for v in stap.vragen)
