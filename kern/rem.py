"""One throttle for every guessable secret typed or followed by a visitor: a session's join code,
an invitation link, a password-reset link. (Wrong passwords have their own: django-axes.)

A fixed window per key in Django's cache: `cache.add` starts a window with count 1 and its
timeout, `cache.incr` counts on. Both are atomic in Redis and in the local-memory cache, so
concurrent attempts are all counted, and with REDIS_URL the count is shared by every server.
"""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.http import HttpRequest


def adres(request: HttpRequest) -> str:
    """The visitor's address, as the login throttle sees it (TRUSTED_PROXY_COUNT in settings)."""
    return get_client_ip_address(request) or "onbekend"


def te_vaak(soort: str, sleutel: str, *, limiet: int, seconden: int = 60) -> bool:
    """Count one attempt of `soort` (e.g. "sessiecode") by `sleutel` (e.g. an address); True when
    this attempt is over `limiet` within the window of `seconden`, so the caller refuses it."""
    naam = f"rem:{soort}:{sleutel}"
    if cache.add(naam, 1, timeout=seconden):
        return False
    try:
        aantal = cache.incr(naam)
    except ValueError:
        # The window ended between add and incr: this attempt opens a new one.
        cache.add(naam, 1, timeout=seconden)
        return False
    return aantal > limiet


def vergeet(soort: str, sleutel: str) -> None:
    """Forget the attempts of `sleutel` (tests, or after a successful attempt where that fits)."""
    cache.delete(f"rem:{soort}:{sleutel}")
