"""Django's file sessions, made safe for a walker who has two tabs open or taps twice.

Django saves a session by writing back the whole dictionary it read at the start of the request.
Two requests of one session that overlap therefore lose each other's changes: the one that
finishes last writes back what it read, without the other's note. These stores save only what
their own request changed: under a lock per session, they read what is stored now, apply this
request's changed and removed keys (`samengevoegd`), and write that. The walk keeps each step
under its own key (`routekaart.notities`), so a step's POST changes only that step, and two POSTs
of different steps both survive.

Two stores share that logic (`AlleenEigenWijzigingen`), each with its own lock:
- this module's `SessionStore`: files, locked with a file lock (one of a fixed set of lock files
  next to the sessions, chosen by the session key), which holds across the threads and worker
  processes of one machine. The default for one machine.
- `kern.session_redis.SessionStore`: the cache (Redis with REDIS_URL), locked in Redis, for
  several servers.
"""

from __future__ import annotations

import copy
import os
import zlib
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from django.contrib.sessions.backends import file
from django.contrib.sessions.backends.base import SessionBase
from django.core.files import locks

# Lock files, not one per session: they never need cleaning up, and clearsessions ignores them
# (they don't start with SESSION_COOKIE_NAME).
SLOTEN = 64


def samengevoegd(
    opgeslagen: Mapping[str, Any], geladen: Mapping[str, Any], eigen: Mapping[str, Any]
) -> dict[str, Any]:
    """What to store: the session as stored now (`opgeslagen`, perhaps changed by another request
    meanwhile), with this request's own changes on top: the keys it removed from what it loaded
    (`geladen`) are removed, the keys it added or changed (`eigen` differs) are written. A key
    this request left alone keeps whatever is stored now."""
    nu = dict(opgeslagen)
    for sleutel in geladen.keys() - eigen.keys():
        nu.pop(sleutel, None)
    for sleutel, waarde in eigen.items():
        if sleutel not in geladen or geladen[sleutel] != waarde:
            nu[sleutel] = waarde
    return nu


class AlleenEigenWijzigingen(SessionBase):
    """Mixin for a Django session store: save() writes only this request's own changes, merged
    into what is stored now, under the store's lock for this session key (`_slot`).

    `basis` is the Django store this one refines; a fresh instance of it reads what is stored."""

    basis: type[SessionBase]

    def load(self) -> dict:
        data = super().load()
        # What this request started from: save() writes only what changed since.
        self._geladen = copy.deepcopy(data)
        return data

    def save(self, must_create: bool = False) -> None:
        if must_create or self.session_key is None:
            # A new key: no other request can know it yet.
            super().save(must_create=must_create)
            self._geladen = copy.deepcopy(self._get_session(no_load=True))
            return
        with self._slot():
            opgeslagen = self.basis(self.session_key).load()
            geladen = getattr(self, "_geladen", {})
            self._session_cache = samengevoegd(opgeslagen, geladen, self._get_session())
            super().save(must_create=False)
            self._geladen = copy.deepcopy(self._session_cache)

    def _slot(self) -> AbstractContextManager[None]:
        """An exclusive lock for this session key, across every process that shares the store."""
        raise NotImplementedError


class SessionStore(AlleenEigenWijzigingen, file.SessionStore):
    basis = file.SessionStore

    @contextmanager
    def _slot(self) -> Iterator[None]:
        """A file lock for this session key, across threads and processes of this machine."""
        nummer = zlib.crc32(self.session_key.encode()) % SLOTEN
        bestand = os.path.join(self.storage_path, f".slot-{nummer:02d}")
        with open(bestand, "a+b") as slot:
            locks.lock(slot, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(slot)
