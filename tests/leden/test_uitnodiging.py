"""Invitations: the regisseur invites on the Leden page, the mail carries a single-use link valid
for 7 days; the invitee makes an account (or accepts with the one they have) and becomes a member.
Resend kills the old link, withdraw kills the link, attempts are throttled, tokens never logged."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from afspraken.models import Lidmaatschap, Lidrol
from leden import uitnodigingen
from leden.models import Uitnodiging, token_hash
from leden.views import uitnodiging as uitnodiging_view
from tests.afspraken.personas import WACHTWOORD, maak_gebruiker
from tests.leden.conftest import token_uit_mail

NIEUW_WACHTWOORD = "paars-fietsrek-2026-lang"


def leden_url(netwerk="gemeente-a") -> str:
    return reverse("leden:leden", args=[netwerk])


def link(token: str) -> str:
    return reverse("leden:uitnodiging", args=[token])


@pytest.fixture
def uitnodiging(netwerk_a, regisseur_a):
    """An invitation of a partner without an account, and its token."""
    return uitnodigingen.maak(
        netwerk_a,
        email="sam@politie.example",
        rol=Lidrol.PARTNER,
        organisatie="Politie",
        door=regisseur_a,
    )


def maak_account(client, token: str, **data):
    velden = {
        "naam": "Sam de Vries",
        "wachtwoord1": NIEUW_WACHTWOORD,
        "wachtwoord2": NIEUW_WACHTWOORD,
    }
    return client.post(link(token), velden | data)


class TestUitnodigen:
    def test_the_regisseur_invites_by_mail_with_a_link_whose_token_is_stored_only_as_a_hash(
        self, client, regisseur_a
    ):
        client.force_login(regisseur_a)
        r = client.post(
            leden_url(),
            {"email": "Sam@Politie.example", "rol": "partner", "organisatie": "Politie"},
        )
        assert r.status_code == 302
        assert len(mail.outbox) == 1
        bericht = mail.outbox[0]
        assert bericht.to == ["Sam@Politie.example"]
        assert "Gemeente A" in bericht.subject
        assert "7 dagen geldig" in bericht.body
        token = token_uit_mail()
        u = Uitnodiging.objects.get()
        assert u.token_hash == token_hash(token) and token not in u.token_hash
        assert (u.rol, u.organisatie, u.uitgenodigd_door) == ("partner", "Politie", regisseur_a)
        assert u.verloopt_op - timezone.now() > dt.timedelta(days=6, hours=23)
        pagina = client.get(leden_url()).content.decode()
        assert "Sam@Politie.example" in pagina and "Opnieuw sturen" in pagina

    def test_bad_input_gets_dutch_messages_and_keeps_what_was_typed(self, client, regisseur_a):
        client.force_login(regisseur_a)
        r = client.post(leden_url(), {"email": "geen-adres", "rol": "baas", "organisatie": ""})
        html = r.content.decode()
        assert r.status_code == 200
        assert "Vul een geldig e-mailadres in" in html
        assert "Kies partner of regisseur." in html
        assert "Vul de organisatie in." in html
        assert 'value="geen-adres"' in html
        assert not mail.outbox and not Uitnodiging.objects.exists()

    def test_a_member_or_an_open_invitation_cannot_be_invited_twice(
        self, client, regisseur_a, partner_a, uitnodiging
    ):
        partner_a.email = "partner@example.org"
        partner_a.save()
        client.force_login(regisseur_a)
        r = client.post(
            leden_url(), {"email": "PARTNER@example.org", "rol": "partner", "organisatie": "X"}
        )
        assert "is al lid van Gemeente A" in r.content.decode()
        r = client.post(
            leden_url(), {"email": "sam@politie.example", "rol": "partner", "organisatie": "X"}
        )
        assert "Er staat al een uitnodiging open" in r.content.decode()
        assert Uitnodiging.objects.count() == 1 and not mail.outbox

    @hypothesis_settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(email=st.text(max_size=200), organisatie=st.text(max_size=260))
    def test_any_email_or_organisation_is_either_invited_or_refused_in_dutch(
        self, client, regisseur_a, email, organisatie
    ):
        client.force_login(regisseur_a)
        voor = Uitnodiging.objects.count()
        r = client.post(leden_url(), {"email": email, "rol": "partner", "organisatie": organisatie})
        if r.status_code == 302:
            u = Uitnodiging.objects.latest("pk")
            assert len(u.email) <= 150 and 0 < len(u.organisatie) <= 200
            u.delete()
        else:
            assert r.status_code == 200
            assert "Controleer de gemarkeerde velden." in r.content.decode()
            assert Uitnodiging.objects.count() == voor

    def test_a_stranger_to_the_network_cannot_resend_or_withdraw_its_invitations(
        self, client, regisseur_b, uitnodiging
    ):
        u, _ = uitnodiging
        client.force_login(regisseur_b)
        for naam in ("uitnodiging-opnieuw", "uitnodiging-intrekken"):
            r = client.post(reverse(f"leden:{naam}", args=["gemeente-b", u.pk]))
            assert r.status_code == 404
        u.refresh_from_db()
        assert u.stand == "geldig"


class TestNieuwAccount:
    def test_the_invitee_sets_a_name_and_password_and_becomes_a_logged_in_member(
        self, client, uitnodiging
    ):
        u, token = uitnodiging
        r = client.get(link(token))
        assert r.status_code == 200
        html = r.content.decode()
        assert "Uitnodiging voor Gemeente A" in html and "Maak je account" in html
        assert r.headers["Referrer-Policy"] == "origin"
        r = maak_account(client, token)
        assert r.status_code == 302 and r.url == reverse("afspraken:netwerk", args=["gemeente-a"])
        user = get_user_model().objects.get(email="sam@politie.example")
        assert user.username == "sam@politie.example" and user.first_name == "Sam de Vries"
        assert user.check_password(NIEUW_WACHTWOORD)
        lid = Lidmaatschap.objects.get(user=user)
        assert (lid.netwerk.slug, lid.rol, lid.organisatie) == ("gemeente-a", "partner", "Politie")
        u.refresh_from_db()
        assert u.gebruikt_op is not None and u.gebruikt_door == user
        # Logged in: the network's page opens.
        assert client.get(r.url).status_code == 200

    def test_a_get_redeems_nothing(self, client, uitnodiging):
        u, token = uitnodiging
        client.get(link(token))
        client.get(link(token))
        u.refresh_from_db()
        assert u.gebruikt_op is None and not get_user_model().objects.filter(email=u.email).exists()

    def test_the_link_works_once(self, client, uitnodiging):
        _, token = uitnodiging
        assert maak_account(client, token).status_code == 302
        client.logout()
        for r in (client.get(link(token)), maak_account(client, token, naam="Iemand anders")):
            assert r.status_code == 410
            assert "Deze uitnodiging is al gebruikt" in r.content.decode()
        assert get_user_model().objects.filter(email="sam@politie.example").count() == 1

    def test_weak_or_unequal_passwords_are_refused_in_dutch_and_the_name_stays(
        self, client, uitnodiging
    ):
        u, token = uitnodiging
        r = maak_account(client, token, wachtwoord1="12345678", wachtwoord2="12345678")
        html = r.content.decode()
        assert r.status_code == 200 and "Dit wachtwoord is te algemeen" in html
        assert 'value="Sam de Vries"' in html
        r = maak_account(client, token, wachtwoord2="iets-anders-2026")
        assert "De twee wachtwoorden zijn niet gelijk." in r.content.decode()
        u.refresh_from_db()
        assert u.gebruikt_op is None

    def test_the_link_expires_after_seven_days(self, client, uitnodiging):
        _, token = uitnodiging
        with time_machine.travel(timezone.now() + dt.timedelta(days=6, hours=23)):
            assert client.get(link(token)).status_code == 200
        with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
            for r in (client.get(link(token)), maak_account(client, token)):
                assert r.status_code == 410
                assert "Deze uitnodiging is verlopen" in r.content.decode()
        assert not get_user_model().objects.filter(email="sam@politie.example").exists()

    def test_an_unknown_token_gets_a_dutch_page(self, client, db):
        for token in ("onzin", "x" * 500, "%C3%A9%00"):
            r = client.get(f"/uitnodiging/{token}/")
            assert r.status_code == 404
            assert "Deze uitnodiging bestaat niet (meer)" in r.content.decode()

    def test_someone_logged_in_with_another_account_is_asked_to_log_out(
        self, client, partner_a, uitnodiging
    ):
        u, token = uitnodiging
        client.force_login(partner_a)
        r = client.post(link(token), {})
        assert r.status_code == 200
        assert "Je bent ingelogd met een ander account" in r.content.decode()
        u.refresh_from_db()
        assert u.gebruikt_op is None


class TestBestaandAccount:
    @pytest.fixture
    def bestaand(self, db):
        return maak_gebruiker("sam", email="Sam@Politie.example", first_name="Sam")

    def test_the_page_offers_the_login_that_returns_to_the_invitation(
        self, client, bestaand, uitnodiging
    ):
        _, token = uitnodiging
        html = client.get(link(token)).content.decode()
        assert "Er is al een account met dit e-mailadres" in html
        assert f'name="next" value="{link(token)}"' in html
        assert "Maak je account" not in html
        # The login form on the page posts to the login view and comes back here.
        r = client.post(
            reverse("login"), {"username": "sam", "password": WACHTWOORD, "next": link(token)}
        )
        assert r.status_code == 302 and r.url == link(token)

    def test_after_logging_in_they_accept_and_become_a_member(self, client, bestaand, uitnodiging):
        u, token = uitnodiging
        client.force_login(bestaand)
        assert "Accepteren" in client.get(link(token)).content.decode()
        assert not Lidmaatschap.objects.filter(user=bestaand).exists()
        r = client.post(link(token))
        assert r.status_code == 302
        lid = Lidmaatschap.objects.get(user=bestaand)
        assert (lid.rol, lid.organisatie) == ("partner", "Politie")
        assert client.post(link(token)).status_code == 410

    def test_a_member_already_keeps_their_role(self, client, netwerk_a, regisseur_a):
        regisseur_a.email = "oov@gemeente-a.example"
        regisseur_a.save()
        u, token = uitnodigingen.maak(
            netwerk_a, email=regisseur_a.email, rol="partner", organisatie="X", door=None
        )
        client.force_login(regisseur_a)
        client.post(link(token))
        assert Lidmaatschap.objects.get(user=regisseur_a).rol == Lidrol.REGISSEUR
        u.refresh_from_db()
        assert u.gebruikt_op is not None


class TestOpnieuwEnIntrekken:
    def test_resend_mails_a_new_link_for_seven_new_days_and_the_old_link_dies(
        self, client, regisseur_a, uitnodiging, settings
    ):
        # Sessions in the cookie: a session file's age is the disk's, not the travelled time.
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
        u, oud = uitnodiging
        later = timezone.now() + dt.timedelta(days=5)
        with time_machine.travel(later):
            client.force_login(regisseur_a)
            r = client.post(reverse("leden:uitnodiging-opnieuw", args=["gemeente-a", u.pk]))
        assert r.status_code == 302
        nieuw = token_uit_mail()
        assert nieuw != oud
        u.refresh_from_db()
        assert u.verloopt_op - later > dt.timedelta(days=6, hours=23)
        client = Client()  # anonymous, and no session from another time
        r = client.get(link(oud))
        assert r.status_code == 404 and "bestaat niet (meer)" in r.content.decode()
        # The new link still works on day 11, when the first would have expired.
        with time_machine.travel(timezone.now() + dt.timedelta(days=11)):
            assert maak_account(client, nieuw).status_code == 302

    def test_a_withdrawn_invitation_is_refused_in_dutch(self, client, regisseur_a, uitnodiging):
        u, token = uitnodiging
        client.force_login(regisseur_a)
        client.post(reverse("leden:uitnodiging-intrekken", args=["gemeente-a", u.pk]))
        assert f'id="uitnodiging-{u.pk}"' not in client.get(leden_url()).content.decode()
        client.logout()
        for r in (client.get(link(token)), maak_account(client, token)):
            assert r.status_code == 410
            assert "Deze uitnodiging is ingetrokken" in r.content.decode()
        # A used or withdrawn invitation cannot be resent.
        client.force_login(regisseur_a)
        client.post(reverse("leden:uitnodiging-opnieuw", args=["gemeente-a", u.pk]))
        assert not mail.outbox
        assert client.get(link(token)).status_code == 410

    def test_two_redemptions_at_once_cannot_both_win(self, uitnodiging):
        """The claim is one conditional UPDATE: an invitation claimed meanwhile is refused even
        when the caller read it while it was still open."""
        u, _ = uitnodiging
        gelezen = Uitnodiging.objects.get(pk=u.pk)
        uitnodigingen.nieuw_account(u, naam="Eerste", wachtwoord=NIEUW_WACHTWOORD)
        with pytest.raises(uitnodigingen.UitnodigingOngeldig) as fout:
            uitnodigingen.accepteer(gelezen, tweede := maak_gebruiker("tweede"))
        assert fout.value.stand == "gebruikt"
        assert not Lidmaatschap.objects.filter(user=tweede).exists()


class TestRem:
    def test_the_eleventh_attempt_in_a_minute_is_refused_even_with_a_valid_link(
        self, client, uitnodiging
    ):
        _, token = uitnodiging
        for i in range(uitnodiging_view.PER_MINUUT):
            assert client.get(f"/uitnodiging/geraden-{i}/").status_code == 404
        r = client.get(link(token))
        assert r.status_code == 429
        assert "Te veel pogingen" in r.content.decode()
        assert maak_account(client, token).status_code == 429
        assert not get_user_model().objects.filter(email="sam@politie.example").exists()
        # Another address is not hindered.
        r = client.get(link(token), REMOTE_ADDR="10.0.0.7")
        assert r.status_code == 200

    def test_a_minute_later_the_link_works_again(self, client, uitnodiging):
        _, token = uitnodiging
        for _ in range(uitnodiging_view.PER_MINUUT):
            client.get(link(token))
        assert client.get(link(token)).status_code == 429
        with time_machine.travel(timezone.now() + dt.timedelta(seconds=61)):
            assert client.get(link(token)).status_code == 200


class TestNooitGelogd:
    def test_no_log_record_holds_a_token(self, client, caplog, regisseur_a, uitnodiging):
        u, token = uitnodiging
        caplog.set_level(logging.DEBUG)
        client.get(link(token))
        client.get("/uitnodiging/fout-token-123/")
        maak_account(client, token)
        client.get(link(token))  # used: 410
        for _ in range(uitnodiging_view.PER_MINUUT):
            client.get(link(token))  # 429
        client.force_login(regisseur_a)
        client.post(reverse("leden:uitnodiging-opnieuw", args=["gemeente-a", u.pk]))
        tekst = "\n".join(r.getMessage() for r in caplog.records)
        assert token not in tekst and "fout-token-123" not in tekst
        assert "/uitnodiging/" not in tekst
