"""Sessions in the cache, for several servers (REDIS_URL): Django's `cache` session engine with
the merge of `kern.session_store` (a request writes back only the keys it changed), under
a lock per session key in Redis, so that two tabs or a double tap on two different servers lose
nothing either.

A session lives in the cache alone, never in the database: it expires there after
SESSION_COOKIE_AGE (two hours) without a save, as the walk's notes should. With Django's
`RedisCache` the lock is redis-py's (SET NX with an expiry, released only by its owner); with
another cache backend (the local-memory cache of a test) the same SET NX through `cache.add`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.sessions.backends import cache

from kern.session_store import AlleenEigenWijzigingen

# A save holds the lock for milliseconds; should a server die while holding it, it frees itself.
SLOT_SECONDEN = 10
# How long a save waits for the lock before it gives up (then the request fails: a 500).
WACHT_SECONDEN = 10


class SlotBezet(RuntimeError):
    """The session's lock stayed taken longer than WACHT_SECONDEN."""


class SessionStore(AlleenEigenWijzigingen, cache.SessionStore):
    basis = cache.SessionStore

    @contextmanager
    def _slot(self) -> Iterator[None]:
        naam = f"sessieslot:{self.session_key}"
        redis = getattr(self._cache, "_cache", None)
        if hasattr(redis, "get_client"):  # django.core.cache.backends.redis.RedisCache
            sleutel = self._cache.make_and_validate_key(naam)
            client = redis.get_client(sleutel, write=True)
            slot = client.lock(sleutel, timeout=SLOT_SECONDEN, blocking_timeout=WACHT_SECONDEN)
            if not slot.acquire():
                raise SlotBezet(naam)
            try:
                yield
            finally:
                slot.release()
            return
        eigenaar = uuid.uuid4().hex
        tot = time.monotonic() + WACHT_SECONDEN
        while not self._cache.add(naam, eigenaar, timeout=SLOT_SECONDEN):
            if time.monotonic() > tot:
                raise SlotBezet(naam)
            time.sleep(0.005)
        try:
            yield
        finally:
            if self._cache.get(naam) == eigenaar:
                self._cache.delete(naam)
