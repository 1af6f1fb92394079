"""Accounts: password reset by e-mail (never revealing whether an address has an account,
throttled), password change, "Mijn account", and staff's "Nieuw netwerk"."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from afspraken.models import Lidmaatschap, Lidrol, Netwerk
from leden.models import Uitnodiging
from leden.views import account as account_views
from tests.afspraken.personas import WACHTWOORD, maak_gebruiker
from tests.leden.conftest import token_uit_mail

NIEUW = "blauwe-regenjas-2027-lang"
VERGETEN = reverse("leden:wachtwoord-vergeten")


def vraag_aan(client, email: str, **extra):
    return client.post(VERGETEN, {"email": email}, **extra)


class TestWachtwoordVergeten:
    def test_the_login_page_links_to_it(self, client, db):
        assert f'href="{VERGETEN}"' in client.get(reverse("login")).content.decode()

    def test_a_known_address_gets_a_dutch_mail_with_a_link_that_sets_a_new_password(
        self, client, db
    ):
        user = maak_gebruiker("anna", email="anna@gemeente.example")
        r = vraag_aan(client, "ANNA@gemeente.example")
        assert r.status_code == 302 and r.url == reverse("leden:wachtwoord-verstuurd")
        assert len(mail.outbox) == 1
        bericht = mail.outbox[0]
        assert bericht.subject == "Nieuw wachtwoord voor de Routekaart"
        assert "Je gebruikersnaam is: anna" in bericht.body
        pad = re.search(r"https?://[^/\s]+(/wachtwoord-vergeten/[^\s]+/)", bericht.body)[1]
        r = client.get(pad)
        # Django moves the token into the session: the form's page never carries it.
        assert r.status_code == 302 and r.url.endswith("/set-password/")
        assert r.headers["Referrer-Policy"] == "origin"
        r = client.get(r.url)
        assert "Kies een nieuw wachtwoord" in r.content.decode()
        r = client.post(r.wsgi_request.path, {"new_password1": NIEUW, "new_password2": NIEUW})
        assert r.status_code == 302 and r.url == reverse("leden:wachtwoord-ingesteld")
        user.refresh_from_db()
        assert user.check_password(NIEUW)
        # The link worked once.
        assert "Deze link werkt niet meer" in client.get(pad, follow=True).content.decode()

    def test_it_never_reveals_whether_an_address_has_an_account(self, db):
        maak_gebruiker("anna", email="anna@gemeente.example")
        bekend = vraag_aan(Client(), "anna@gemeente.example", follow=True)
        assert len(mail.outbox) == 1
        onbekend = vraag_aan(Client(), "niemand@gemeente.example", follow=True)
        assert len(mail.outbox) == 1  # no mail for an unknown address
        assert bekend.redirect_chain == onbekend.redirect_chain
        assert bekend.status_code == onbekend.status_code == 200

        def zonder_csrf(r) -> str:
            return re.sub(r"[A-Za-z0-9]{64}", "", r.content.decode())  # the CSRF tokens

        assert zonder_csrf(bekend) == zonder_csrf(onbekend)
        assert "Als er een account bij dit e-mailadres hoort" in zonder_csrf(bekend)

    def test_a_bad_address_gets_a_dutch_message(self, client, db):
        r = vraag_aan(client, "geen-adres")
        assert r.status_code == 200
        assert "Voer een geldig e-mailadres in." in r.content.decode()

    def test_the_form_is_throttled_per_visitor(self, client, db):
        for _ in range(account_views.FORMULIER_PER_MINUUT):
            assert vraag_aan(client, "niemand@gemeente.example").status_code == 302
        r = vraag_aan(client, "niemand@gemeente.example")
        assert r.status_code == 429 and "Te veel pogingen" in r.content.decode()
        assert vraag_aan(client, "x@gemeente.example", REMOTE_ADDR="10.1.1.1").status_code == 302

    def test_one_address_gets_few_mails_whoever_asks_and_the_answer_looks_the_same(self, db):
        maak_gebruiker("anna", email="anna@gemeente.example")
        for i in range(account_views.PER_EMAIL + 2):
            r = vraag_aan(Client(REMOTE_ADDR=f"10.0.0.{i}"), "anna@gemeente.example")
            assert r.status_code == 302 and r.url == reverse("leden:wachtwoord-verstuurd")
        assert len(mail.outbox) == account_views.PER_EMAIL

    def test_a_wrong_link_gets_a_dutch_page_and_is_throttled(self, client, db):
        url = reverse("leden:wachtwoord-link", args=["MQ", "fout-token"])
        assert "Deze link werkt niet meer" in client.get(url).content.decode()
        for _ in range(account_views.LINK_PER_MINUUT):
            client.get(url)
        assert client.get(url).status_code == 429


class TestWachtwoordWijzigen:
    def test_a_member_changes_their_password(self, client, partner_a):
        client.force_login(partner_a)
        url = reverse("leden:wachtwoord-wijzigen")
        assert "Wachtwoord wijzigen" in client.get(url).content.decode()
        r = client.post(
            url, {"old_password": WACHTWOORD, "new_password1": NIEUW, "new_password2": NIEUW}
        )
        assert r.url == reverse("leden:wachtwoord-gewijzigd")
        partner_a.refresh_from_db()
        assert partner_a.check_password(NIEUW)

    def test_a_wrong_old_password_is_refused_in_dutch(self, client, partner_a):
        client.force_login(partner_a)
        r = client.post(
            reverse("leden:wachtwoord-wijzigen"),
            {"old_password": "fout", "new_password1": NIEUW, "new_password2": NIEUW},
        )
        assert "Uw oude wachtwoord is niet juist ingevoerd" in r.content.decode()


class TestMijnAccount:
    URL = reverse("leden:account")

    def test_it_shows_name_email_and_memberships(self, client, partner_a, netwerk_b):
        partner_a.first_name, partner_a.email = "Pim Partner", "pim@jongerenwerk.example"
        partner_a.save()
        Lidmaatschap.objects.create(
            user=partner_a, netwerk=netwerk_b, rol=Lidrol.REGISSEUR, organisatie="Gemeente B"
        )
        client.force_login(partner_a)
        html = client.get(self.URL).content.decode()
        assert 'value="Pim Partner"' in html and 'value="pim@jongerenwerk.example"' in html
        assert "Gemeente A" in html and "Partner · Jongerenwerk" in html
        assert "Gemeente B" in html and "Regisseur (OOV) · Gemeente B" in html
        # The account menu leads here.
        assert f'href="{self.URL}"' in client.get(reverse("afspraken:overzicht")).content.decode()

    def test_the_name_and_email_are_saved_and_an_invited_username_follows_the_address(
        self, client, db
    ):
        user = maak_gebruiker("sam@oud.example", email="sam@oud.example")
        client.force_login(user)
        r = client.post(self.URL, {"first_name": "Sam", "email": "Sam@Nieuw.example"})
        assert r.status_code == 302
        user.refresh_from_db()
        assert (user.first_name, user.email, user.username) == (
            "Sam",
            "Sam@nieuw.example",  # Django lowers the domain
            "sam@nieuw.example",
        )

    def test_a_bad_or_taken_address_is_refused_in_dutch(self, client, partner_a, regisseur_a):
        regisseur_a.email = "oov@gemeente-a.example"
        regisseur_a.save()
        client.force_login(partner_a)
        r = client.post(self.URL, {"first_name": "Pim", "email": "geen-adres"})
        assert "Vul een geldig e-mailadres in" in r.content.decode()
        r = client.post(self.URL, {"first_name": "Pim", "email": "OOV@gemeente-a.example"})
        html = r.content.decode()
        assert "Dit e-mailadres hoort al bij een ander account." in html
        assert 'value="OOV@gemeente-a.example"' in html
        partner_a.refresh_from_db()
        assert partner_a.email == ""

    def test_it_needs_a_login(self, client, db):
        assert client.get(self.URL).url.startswith(reverse("login"))


class TestNieuwNetwerk:
    URL = reverse("leden:nieuw-netwerk")

    def test_staff_make_a_network_and_invite_its_first_regisseur_in_one_step(self, client, staff):
        client.force_login(staff)
        r = client.post(
            self.URL,
            {
                "naam": "Gemeente C",
                "slug": "gemeente-c",
                "email": "oov@gemeente-c.example",
                "organisatie": "Gemeente C (OOV)",
            },
        )
        netwerk = Netwerk.objects.get(slug="gemeente-c")
        assert r.url == reverse("admin:afspraken_netwerk_change", args=[netwerk.pk])
        u = Uitnodiging.objects.get(netwerk=netwerk)
        assert (u.email, u.rol) == ("oov@gemeente-c.example", Lidrol.REGISSEUR)
        assert netwerk.soorten.filter(naam="Algemeen").exists()
        # The invitee follows the link and is the network's regisseur.
        token = token_uit_mail()
        anoniem = Client()
        anoniem.post(
            reverse("leden:uitnodiging", args=[token]),
            {"naam": "Cor", "wachtwoord1": NIEUW, "wachtwoord2": NIEUW},
        )
        cor = get_user_model().objects.get(email="oov@gemeente-c.example")
        assert Lidmaatschap.objects.get(user=cor, netwerk=netwerk).rol == Lidrol.REGISSEUR
        assert anoniem.get(reverse("leden:leden", args=["gemeente-c"])).status_code == 200

    def test_bad_input_is_refused_in_dutch(self, client, staff, netwerk_a):
        client.force_login(staff)
        r = client.post(
            self.URL, {"naam": "", "slug": "gemeente-a", "email": "x", "organisatie": ""}
        )
        html = r.content.decode()
        assert "Vul de naam van het netwerk in." in html
        assert "Er is al een netwerk met deze korte naam." in html
        assert "Vul een geldig e-mailadres in" in html
        r = client.post(
            self.URL, {"naam": "P", "slug": "pdf", "email": "a@b.nl", "organisatie": "X"}
        )
        assert "De naam &#x27;pdf&#x27; is gereserveerd" in r.content.decode()
        assert not mail.outbox and Netwerk.objects.count() == 1

    def test_others_are_sent_to_the_admin_login(self, client, regisseur_a):
        client.force_login(regisseur_a)
        assert "/admin/login/" in client.get(self.URL).url

    def test_the_admin_network_list_links_to_it(self, client, staff):
        client.force_login(staff)
        html = client.get(reverse("admin:afspraken_netwerk_changelist")).content.decode()
        assert f'href="{self.URL}"' in html
