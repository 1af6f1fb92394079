"""Django's file sessions, made safe for a walker who has two tabs open or taps twice.

Django saves a session by writing back the whole dictionary it read at the start of the request.
Two requests of one session that overlap therefore lose each other's changes: the one that
finishes last writes back what it read, without the other's note. This store saves only what
its own request changed: under a lock per session, it reads what is stored now, applies this
request's changed and removed keys, and writes that. The walk keeps each step under its own key
(`routekaart.notities`), so a step's POST changes only that step, and two POSTs of different
steps both survive.

The lock is a file lock (one of a fixed set of lock files next to the sessions, chosen by the
session key), so it holds across the threads and worker processes of one machine. Several
servers share sessions through a cache instead (SESSION_ENGINE), which needs its own lock.
"""

from __future__ import annotations

import copy
import os
import zlib
from contextlib import contextmanager

from django.contrib.sessions.backends import file
from django.core.files import locks

# Lock files, not one per session: they never need cleaning up, and clearsessions ignores them
# (they don't start with SESSION_COOKIE_NAME).
SLOTEN = 64


class SessionStore(file.SessionStore):
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
            nu = file.SessionStore(self.session_key).load()
            geladen = getattr(self, "_geladen", {})
            eigen = self._get_session()
            for sleutel in geladen.keys() - eigen.keys():
                nu.pop(sleutel, None)
            for sleutel, waarde in eigen.items():
                if sleutel not in geladen or geladen[sleutel] != waarde:
                    nu[sleutel] = waarde
            self._session_cache = nu
            super().save(must_create=False)
            self._geladen = copy.deepcopy(nu)

    @contextmanager
    def _slot(self):
        """An exclusive lock for this session key, across threads and processes."""
        nummer = zlib.crc32(self.session_key.encode()) % SLOTEN
        bestand = os.path.join(self.storage_path, f".slot-{nummer:02d}")
        with open(bestand, "a+b") as slot:
            locks.lock(slot, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(slot)
