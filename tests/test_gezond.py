"""/gezond/ for load balancers: 200 when the database and the cache answer, 503 when either does
not, with no secrets, no session or cookie, never cached, and not sent to https."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from django.db import connection
from django.test import Client

URL = "/gezond/"


@pytest.fixture
def client() -> Client:
    return Client()


def _json(antwoord) -> dict:
    assert antwoord["Content-Type"] == "application/json"
    return json.loads(antwoord.content)


class TestGezond:
    def test_it_answers_200_when_database_and_cache_answer(self, client, db):
        antwoord = client.get(URL)
        assert antwoord.status_code == 200
        assert _json(antwoord) == {"status": "ok", "database": "ok", "cache": "ok"}

    def test_it_answers_a_head_request_too(self, client, db):
        assert client.head(URL).status_code == 200

    def test_it_sets_no_cookie_and_is_never_cached(self, client, db):
        antwoord = client.get(URL)
        assert not antwoord.cookies
        assert "no-store" in antwoord["Cache-Control"]
        assert "Cookie" not in antwoord.get("Vary", "")

    def test_it_answers_503_when_the_database_is_down(self, client, db):
        with mock.patch.object(
            connection, "cursor", side_effect=ConnectionError("host db, user routekaart")
        ):
            antwoord = client.get(URL)
        assert antwoord.status_code == 503
        assert _json(antwoord) == {"status": "fout", "database": "fout", "cache": "ok"}
        assert b"routekaart" not in antwoord.content  # nothing of the error itself

    def test_it_answers_503_when_the_cache_is_down(self, client, db, settings):
        # A Redis nobody listens on (port 1): every cache call fails as when Redis stopped.
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:1/0",
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
        antwoord = client.get(URL)
        assert antwoord.status_code == 503
        assert _json(antwoord) == {"status": "fout", "database": "ok", "cache": "fout"}
        assert b"127.0.0.1" not in antwoord.content

    def test_it_answers_503_when_the_cache_loses_what_it_was_given(self, client, db):
        with mock.patch("kern.gezond.cache.get", return_value=None):
            antwoord = client.get(URL)
        assert antwoord.status_code == 503
        assert _json(antwoord)["cache"] == "fout"

    def test_a_plain_http_probe_is_answered_not_sent_to_https(self, client, db, settings):
        settings.SECURE_SSL_REDIRECT = True
        assert client.get(URL).status_code == 200
        assert client.get("/route/").status_code == 301  # every other page still is

    def test_it_refuses_a_post(self, client, db):
        assert client.post(URL).status_code == 405
