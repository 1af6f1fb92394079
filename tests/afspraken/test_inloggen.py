"""Dutch login and logout, throttled by django-axes; the account menu."""

from django.conf import settings
from django.urls import reverse

from tests.afspraken.personas import WACHTWOORD


class TestInloggen:
    def test_it_logs_in_with_dutch_pages_and_goes_to_the_agreements(self, client, regisseur_a):
        assert "Inloggen" in client.get(reverse("login")).content.decode()
        response = client.post(
            reverse("login"), {"username": "regisseur_a", "password": WACHTWOORD}
        )
        assert response.status_code == 302
        assert response["Location"] == "/afspraken/"
        assert client.get("/afspraken/")["Location"] == "/afspraken/gemeente-a/"

    def test_a_wrong_password_gets_a_dutch_error_and_keeps_the_username(self, client, regisseur_a):
        html = client.post(
            reverse("login"), {"username": "regisseur_a", "password": "fout"}
        ).content.decode()
        assert "Voer een juiste gebruikersnaam en wachtwoord in." in html
        assert 'value="regisseur_a"' in html

    def test_after_too_many_failures_even_the_right_password_is_refused(self, client, regisseur_a):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(reverse("login"), {"username": "regisseur_a", "password": "fout"})
        response = client.post(
            reverse("login"), {"username": "regisseur_a", "password": WACHTWOORD}
        )
        html = response.content.decode()
        assert response.status_code == 429
        assert "Inloggen tijdelijk geblokkeerd" in html
        assert "ook niet met het juiste wachtwoord" in html
        assert "_auth_user_id" not in client.session

    def test_logout_is_a_post_with_a_dutch_page(self, client, regisseur_a):
        client.force_login(regisseur_a)
        assert client.get(reverse("logout")).status_code == 405
        response = client.post(reverse("logout"))
        assert "Je bent uitgelogd" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_passwords_are_hashed_with_argon2(self, regisseur_a):
        assert regisseur_a.password.startswith("argon2")


class TestAccountMenu:
    def test_anonymous_visitors_see_inloggen(self, client, content):
        html = client.get("/").content.decode()
        assert '<li><a href="/inloggen/">Inloggen</a></li>' in html
        assert "Uitloggen" not in html

    def test_members_see_afspraken_and_a_logout_button(self, client, content, partner_a):
        client.force_login(partner_a)
        html = client.get("/").content.decode()
        assert '<li><a href="/afspraken/">Afspraken</a></li>' in html
        assert '<form method="post" action="/uitloggen/">' in html
        assert '<button type="submit">Uitloggen</button>' in html
