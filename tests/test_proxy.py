"""Login throttling behind a reverse proxy: django-axes must key on the visitor, not the proxy.

The settings module is run again with TRUSTED_PROXY_COUNT set, so the test checks the real
mapping from that variable to axes' ipware settings, not a copy of it."""

import runpy

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.urls import reverse

import config.settings
from tests.afspraken.personas import *  # noqa: F403 (the persona fixtures)
from tests.afspraken.personas import WACHTWOORD

PROXY = "10.0.0.5"  # the reverse proxy: every request reaches the app from this address


def _instellingen(monkeypatch, **omgeving) -> dict:
    """The settings as config/settings.py computes them from this environment."""
    monkeypatch.setenv("DEBUG", "True")
    for naam, waarde in omgeving.items():
        monkeypatch.setenv(naam, waarde)
    return runpy.run_path(config.settings.__file__)


def _axes_instellingen(monkeypatch, **omgeving) -> dict:
    berekend = _instellingen(monkeypatch, **omgeving)
    return {naam: waarde for naam, waarde in berekend.items() if "IPWARE" in naam}


def _inloggen(client, wachtwoord: str, bezoeker: str):
    return client.post(
        reverse("login"),
        {"username": "regisseur_a", "password": wachtwoord},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=bezoeker,
    )


class TestAchterEenProxy:
    def test_wrong_passwords_lock_only_the_visitor_who_typed_them(
        self, monkeypatch, client, regisseur_a
    ):
        with override_settings(**_axes_instellingen(monkeypatch, TRUSTED_PROXY_COUNT="1")):
            for _ in range(settings.AXES_FAILURE_LIMIT):
                _inloggen(client, "fout", "203.0.113.1")
            assert _inloggen(client, WACHTWOORD, "203.0.113.1").status_code == 429

            ander = Client()
            response = _inloggen(ander, WACHTWOORD, "203.0.113.2")
            assert response.status_code == 302
            assert "_auth_user_id" in ander.session

    @pytest.mark.parametrize(
        "vertrouwd, vals, bezoeker",
        [
            # The default: X-Forwarded-For is the client's word, so a new value per attempt must
            # not buy an attacker five new tries.
            pytest.param(
                "0",
                lambda i: f"203.0.113.{i + 10}",
                "203.0.113.99",
                id="without_trusted_proxies_a_forged_header_changes_nothing",
            ),
            # The proxy appends the address it saw; whatever the client sent stays on the left.
            pytest.param(
                "1",
                lambda i: f"198.51.100.{i}, 203.0.113.1",
                "203.0.113.1",
                id="an_entry_forged_in_front_of_the_proxies_is_ignored",
            ),
        ],
    )
    def test_forged_headers_buy_no_new_tries(
        self, monkeypatch, client, regisseur_a, vertrouwd, vals, bezoeker
    ):
        """`vals(i)` is the X-Forwarded-For of the i-th wrong password, `bezoeker` that of the
        right one that follows, with TRUSTED_PROXY_COUNT `vertrouwd`."""
        with override_settings(**_axes_instellingen(monkeypatch, TRUSTED_PROXY_COUNT=vertrouwd)):
            for i in range(settings.AXES_FAILURE_LIMIT):
                _inloggen(client, "fout", vals(i))
            assert _inloggen(client, WACHTWOORD, bezoeker).status_code == 429

    @pytest.mark.parametrize("waarde", ["een", "1.5"])
    def test_a_count_that_is_not_a_whole_number_is_refused(self, monkeypatch, waarde):
        with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXY_COUNT"):
            _instellingen(monkeypatch, TRUSTED_PROXY_COUNT=waarde)
