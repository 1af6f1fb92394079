"""/gezond/: is this server able to serve? For load balancers and the container's HEALTHCHECK.

It asks the database (SELECT 1) and the cache (a key written and read back; with REDIS_URL that is
the Redis that holds the sessions) and answers 200 when both answer, else 503. The body says only
which of the two failed ("ok" / "fout"), never why: an error message may name a host or a user.
No login, no session, no cookie, never cached; SECURE_REDIRECT_EXEMPT keeps a plain-HTTP probe
from being sent to https.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("gezond: de database antwoordt niet", exc_info=True)
        return False


def _cache() -> bool:
    # A key of this request alone: two servers checking at once don't read each other's value.
    sleutel, waarde = f"gezond:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(sleutel, waarde, timeout=10)
        gelezen = cache.get(sleutel)
        cache.delete(sleutel)
        return gelezen == waarde
    except Exception:
        logger.warning("gezond: de cache antwoordt niet", exc_info=True)
        return False


@never_cache
@require_safe
def gezond(request: HttpRequest) -> JsonResponse:
    onderdelen = {"database": _database(), "cache": _cache()}
    goed = all(onderdelen.values())
    return JsonResponse(
        {"status": "ok" if goed else "fout"}
        | {naam: "ok" if ok else "fout" for naam, ok in onderdelen.items()},
        status=200 if goed else 503,
    )
