"""Logs never hold a secret from a URL: one function masks the secret segments of the URLs that
carry one (`verberg_tokens`), and both places that write a request's URL to a log use it:

- `GunicornLogger`, gunicorn's access log (deploy/gunicorn.conf.py): the request line, the path,
  the query string and the referer, and every other string a log format could name; the cookie
  and authorization headers are never logged at all;
- `VerbergTokens`, a logging filter on Django's own request loggers (django.request's "Not Found:
  …", runserver's django.server lines) and the console handler (config/settings.py LOGGING).

The secret URLs (see /tmp/team/gedeeld.txt and the url modules): an invitation
/uitnodiging/<token>/, a password-reset link /wachtwoord-vergeten/<uidb64>/<token>/ (and the
…/set-password/ it redirects to), a shared PDF /afspraken/pdf/<token>/, a live session's
participant side /doe-mee/<code>/…, and `code`/`token` query parameters. A login redirect's
?next= holds such a path with its slashes encoded (%2F): those are masked too. Route URLs carry
only the walker's choices, never notes (tests/routekaart/test_wandeling.py).
"""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

VERBORGEN = "***"

_SCHEIDING = r"(?:/|%2F)"
_SEGMENT = r"(?:(?!%2F)[^/?#&\s\"'])+"
# (path segments before the secret, how many secret segments follow)
_GEHEIME_PADEN = (
    (("uitnodiging",), 1),
    (("wachtwoord-vergeten",), 2),
    (("afspraken", "pdf"), 1),
    (("doe-mee",), 1),
)
_PADEN = [
    re.compile(
        "(?P<voor>"
        + _SCHEIDING
        + "".join(re.escape(s) + _SCHEIDING for s in voor)
        + ")(?P<geheim>"
        + _SCHEIDING.join([_SEGMENT] * aantal)
        + ")(?="
        + _SCHEIDING
        + r"|[?#&\s\"']|$)",
        re.IGNORECASE,
    )
    for voor, aantal in _GEHEIME_PADEN
]
# A query parameter `code` or `token` (also a whole query string, gunicorn's %(q)s, and one
# encoded inside ?next=).
_PARAMETERS = re.compile(
    r"(?P<voor>(?:(?<![^?&\s])|%3F|%26)(?:code|token)(?:=|%3D))[^&#\s\"']*", re.IGNORECASE
)
_SCHEIDING_RE = re.compile(f"({_SCHEIDING})", re.IGNORECASE)


def _masker(match: re.Match) -> str:
    delen = _SCHEIDING_RE.split(match["geheim"])
    # Even places are segments, odd places the separators between them.
    return match["voor"] + "".join(deel if i % 2 else VERBORGEN for i, deel in enumerate(delen))


def verberg_tokens(tekst: str) -> str:
    """`tekst` (a path, a URL, a request line or a whole log line) with every secret segment of a
    URL replaced by ***; anything else unchanged."""
    for patroon in _PADEN:
        tekst = patroon.sub(_masker, tekst)
    return _PARAMETERS.sub(lambda m: m["voor"] + VERBORGEN, tekst)


class VerbergTokens(logging.Filter):
    """A logging filter: the record's message with its URLs' secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        bericht = record.getMessage()
        veilig = verberg_tokens(bericht)
        if veilig != bericht:
            record.msg, record.args = veilig, ()
        return True


# Headers a log format might name that must never be written down.
_NOOIT = {
    "{cookie}i",
    "{authorization}i",
    "{set-cookie}o",
    "{http_cookie}e",
    "{http_authorization}e",
}


class GunicornLogger(Logger):
    """Gunicorn's logger, its access log without secrets."""

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            naam: "-"
            if naam in _NOOIT
            else verberg_tokens(waarde)
            if isinstance(waarde, str)
            else waarde
            for naam, waarde in atoms.items()
        }
