"""No log line holds a secret of a URL: the masking itself (kern.logboek.verberg_tokens),
Django's request loggers, and gunicorn's access log through the project's logger class."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.conf import settings
from django.test import Client
from gunicorn.config import Config
from gunicorn.glogging import SafeAtoms

from kern.logboek import GunicornLogger, VerbergTokens, verberg_tokens

GEHEIM = "Zq8-geheim_Token123"

MASKERS = {
    f"/uitnodiging/{GEHEIM}/": "/uitnodiging/***/",
    f"/wachtwoord-vergeten/MTI/{GEHEIM}/": "/wachtwoord-vergeten/***/***/",
    "/wachtwoord-vergeten/MTI/set-password/": "/wachtwoord-vergeten/***/***/",
    f"/afspraken/pdf/{GEHEIM}:1tX4Yb:abc/": "/afspraken/pdf/***/",
    f"/doe-mee/{GEHEIM}/": "/doe-mee/***/",
    f"/doe-mee/{GEHEIM}/casus/3/antwoord/": "/doe-mee/***/casus/3/antwoord/",
    f"/doe-mee/?code={GEHEIM}": "/doe-mee/?code=***",
    f"/ergens/?x=1&token={GEHEIM}&y=2": "/ergens/?x=1&token=***&y=2",
    f"code={GEHEIM}&x=1": "code=***&x=1",
    # A login redirect keeps the page to return to, its slashes encoded.
    f"/inloggen/?next=%2Fuitnodiging%2F{GEHEIM}%2F": "/inloggen/?next=%2Fuitnodiging%2F***%2F",
    f'GET /uitnodiging/{GEHEIM}/ HTTP/1.1" 200': 'GET /uitnodiging/***/ HTTP/1.1" 200',
    f"https://routekaart.example.nl/afspraken/pdf/{GEHEIM}/": "https://routekaart.example.nl/afspraken/pdf/***/",
}

ONGEMOEID = [
    "/doe-mee/",
    "/wachtwoord-vergeten/",
    "/wachtwoord-vergeten/verstuurd/",
    "/wachtwoord-vergeten/klaar/",
    "/afspraken/gemeente-a/1/pdf/",
    "/route/context/?modus=online&partners=ja",
    "/uitnodigingen/",
    "/ergens/?postcode=1234AB",
]


class TestVerbergTokens:
    @pytest.mark.parametrize(("pad", "verwacht"), MASKERS.items())
    def test_it_masks_the_secret_segments(self, pad, verwacht):
        assert verberg_tokens(pad) == verwacht
        assert GEHEIM not in verberg_tokens(pad)

    @pytest.mark.parametrize("pad", ONGEMOEID)
    def test_it_leaves_other_urls_alone(self, pad):
        assert verberg_tokens(pad) == pad

    def test_it_masks_the_shared_pdf_url_as_django_builds_it(self):
        from django.urls import reverse

        assert verberg_tokens(reverse("afspraken:gedeelde-pdf", args=[GEHEIM])) == (
            "/afspraken/pdf/***/"
        )


class TestDjangoLogs:
    def test_a_refused_pdf_link_is_logged_without_its_token(self, db, caplog):
        caplog.set_level(logging.WARNING, logger="django.request")
        assert Client().get(f"/afspraken/pdf/{GEHEIM}/").status_code == 403
        assert "/afspraken/pdf/***/" in caplog.text
        assert GEHEIM not in caplog.text

    def test_the_console_handler_and_request_loggers_mask(self):
        assert VerbergTokens in {
            type(f) for h in logging.getLogger().handlers for f in h.filters
        }, "de console-handler mist het filter"
        for naam in ("django.request", "django.server"):
            assert any(isinstance(f, VerbergTokens) for f in logging.getLogger(naam).filters)
        assert "verberg_tokens" in settings.LOGGING["handlers"]["console"]["filters"]

    def test_the_filter_masks_a_message_with_arguments(self):
        record = logging.LogRecord(
            "django.server",
            logging.INFO,
            __file__,
            1,
            '"%s" %s',
            (f"GET /uitnodiging/{GEHEIM}/", 200),
            None,
        )
        assert VerbergTokens().filter(record)
        assert record.getMessage() == '"GET /uitnodiging/***/" 200'


class _Antwoord:
    status = "200 OK"
    sent = 1234
    headers = [("Content-Type", "text/html"), ("Set-Cookie", f"sessionid={GEHEIM}")]


class _Verzoek:
    headers = [("COOKIE", f"sessionid={GEHEIM}"), ("REFERER", f"http://x/uitnodiging/{GEHEIM}/")]


class TestGunicornAccessLog:
    def test_its_access_line_holds_no_token_and_no_cookie(self):
        cfg = Config()
        # Even a format that names the cookie and every part of the URL.
        formaat = '%(r)s %(U)s %(q)s "%(f)s" %({cookie}i)s %({set-cookie}o)s %({raw_uri}e)s'
        cfg.set("access_log_format", formaat)
        logger = GunicornLogger(cfg)
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": f"/uitnodiging/{GEHEIM}/?token={GEHEIM}",
            "PATH_INFO": f"/uitnodiging/{GEHEIM}/",
            "QUERY_STRING": f"token={GEHEIM}",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_REFERER": f"http://x/uitnodiging/{GEHEIM}/",
            "REMOTE_ADDR": "127.0.0.1",
        }
        atoms = logger.atoms(_Antwoord(), _Verzoek(), environ, datetime.timedelta(milliseconds=5))
        regel = formaat % SafeAtoms(atoms)
        assert GEHEIM not in regel
        assert "GET /uitnodiging/***/?token=*** HTTP/1.1" in regel
        assert '"http://x/uitnodiging/***/"' in regel
