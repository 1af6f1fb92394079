"""The database settings that make concurrent writes wait instead of fail, and the session
settings that keep a GET from writing the session back."""

import os
import threading
import time

from django.conf import settings
from django.db import connection, connections, transaction

from afspraken.models import Netwerk

SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


class TestDatabase:
    def test_each_engine_gets_the_settings_that_make_writers_wait(self, db):
        database = settings.DATABASES["default"]
        if not SQLITE:
            # PostgreSQL's row locks make a writer wait by themselves: no SQLite options.
            assert database["ENGINE"] == "django.db.backends.postgresql"
            assert not {"transaction_mode", "init_command", "timeout"} & set(database["OPTIONS"])
            return
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 1  # NORMAL
        assert connection.transaction_mode == "IMMEDIATE"
        assert database["OPTIONS"]["timeout"] >= 5

    def test_the_test_database_is_a_real_database_of_its_own(self, db):
        naam = connection.settings_dict["NAME"]
        if not SQLITE:
            assert naam.startswith("test_")
            return
        # A file of this process: an in-memory database shares one cache between the live
        # server's threads and reports "table is locked" instead of waiting.
        assert "mode=memory" not in naam and naam != ":memory:"
        assert str(os.getpid()) in naam
        assert os.path.exists(naam)

    def test_a_second_writer_waits_for_the_first_instead_of_failing(self, transactional_db):
        """Two threads, two connections: the first holds a write transaction for a moment; the
        second's write must wait for it and succeed (SQLite: BEGIN IMMEDIATE + busy timeout;
        PostgreSQL does this by itself)."""
        eerste_schrijft = threading.Event()
        fouten: list[BaseException] = []

        def eerste() -> None:
            try:
                with transaction.atomic():
                    Netwerk.objects.create(naam="Eerste", slug="eerste")
                    eerste_schrijft.set()
                    time.sleep(0.5)
            except BaseException as exc:  # reported by the main thread
                fouten.append(exc)
            finally:
                eerste_schrijft.set()
                connections.close_all()

        def tweede() -> None:
            try:
                eerste_schrijft.wait(5)
                with transaction.atomic():
                    # Read, then write: the pattern that fails "database is locked" under
                    # SQLite's default deferred transactions.
                    Netwerk.objects.count()
                    Netwerk.objects.create(naam="Tweede", slug="tweede")
            except BaseException as exc:
                fouten.append(exc)
            finally:
                connections.close_all()

        draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(30)
        assert not fouten, fouten
        assert set(Netwerk.objects.values_list("slug", flat=True)) >= {"eerste", "tweede"}


class TestSessie:
    def test_a_request_does_not_save_the_session_by_itself(self):
        # routekaart/notities.py refreshes the two-hour expiry when the walker is active; a GET
        # that rewrote the session file could overwrite notes saved meanwhile in another tab.
        assert settings.SESSION_SAVE_EVERY_REQUEST is False
        assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
