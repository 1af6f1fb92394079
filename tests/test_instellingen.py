"""The database settings that make concurrent writes wait instead of fail, and the session
settings that keep a GET from writing the session back."""

import os
import secrets
import subprocess
import sys
import threading
import time

import pytest
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


def _productie(tmp_path, **extra: str) -> dict[str, str]:
    """The environment of a production server (DEBUG off, a long random SECRET_KEY, HTTPS, a
    PostgreSQL and a Redis URL; nothing is asked of either by these commands)."""
    weg = ("DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # (conftest's)
    env = {k: v for k, v in os.environ.items() if k not in weg}
    return (
        env
        | {
            "DEBUG": "False",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "routekaart.example.nl",
            "HTTPS": "True",
            "DATABASE_URL": "postgres://routekaart:geheim@127.0.0.1:1/routekaart",
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "SESSION_FILE_PATH": str(tmp_path / "sessies"),
        }
        | extra
    )


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestProductie:
    def test_check_deploy_is_clean_with_the_production_variables(self, tmp_path):
        uit = _manage(_productie(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
        assert uit.returncode == 0, uit.stdout + uit.stderr
        assert "System check identified no issues" in uit.stdout

    def test_with_redis_url_the_cache_and_the_sessions_are_in_redis(self, tmp_path):
        code = (
            "from django.conf import settings as s; "
            "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'], "
            "s.SESSION_ENGINE, s.DATABASES['default']['ENGINE'])"
        )
        uit = _manage(_productie(tmp_path), "shell", "-v", "0", "-c", code)
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout.split() == [
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:1/0",
            "kern.session_redis",
            "django.db.backends.postgresql",
        ]

    def test_without_redis_url_one_machine_keeps_file_sessions_and_a_local_cache(self):
        if os.environ.get("REDIS_URL"):
            pytest.fail("deze test hoort zonder REDIS_URL te draaien")
        assert settings.SESSION_ENGINE == "kern.session_store"
        assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")

    def test_two_servers_preparing_at_once_on_one_new_database_both_succeed(self, tmp_path):
        """bin/start's `voorbereiden` (migrate, load_content) takes a lock: without it the second
        migrate fails on a table the first just created. (PostgreSQL: the cluster leg.)"""
        env = _productie(tmp_path, COLLECTSTATIC="False", DB_NAME=str(tmp_path / "een.sqlite3"))
        del env["DATABASE_URL"]
        opdracht = [sys.executable, "manage.py", "voorbereiden", "-v0"]
        processen = [
            subprocess.Popen(
                opdracht, cwd=settings.BASE_DIR, env=env, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        fouten = [p.communicate(timeout=180)[1] for p in processen]
        assert [p.returncode for p in processen] == [0, 0], fouten
