"""The two session stores (files on one machine, the cache with REDIS_URL) write back only what
their own request changed, under a lock per session: the shared merge, overlapping saves of one
session in threads, the two-hour expiry in the cache, and that the cache store never asks the
database. Real concurrent requests against two servers sharing Redis: tests/cluster/."""

from __future__ import annotations

import threading
import time

import pytest
import time_machine
from django.core.cache import caches

from kern import session_redis, session_store
from kern.session_store import samengevoegd


class TestSamengevoegd:
    def test_it_keeps_what_another_request_stored_meanwhile(self):
        geladen = {"route:a": {"notitie": "oud"}}
        eigen = {"route:a": {"notitie": "oud"}, "route:b": {"notitie": "nieuw"}}
        opgeslagen = {"route:a": {"notitie": "uit het andere tabblad"}}
        assert samengevoegd(opgeslagen, geladen, eigen) == {
            "route:a": {"notitie": "uit het andere tabblad"},
            "route:b": {"notitie": "nieuw"},
        }

    def test_its_own_change_wins_over_what_is_stored(self):
        geladen = {"route:a": {"notitie": "oud"}}
        eigen = {"route:a": {"notitie": "van mij"}}
        opgeslagen = {"route:a": {"notitie": "van een ander"}, "x": 1}
        assert samengevoegd(opgeslagen, geladen, eigen) == {
            "route:a": {"notitie": "van mij"},
            "x": 1,
        }

    def test_a_key_it_removed_is_removed_and_one_it_never_saw_stays(self):
        geladen = {"route:a": 1, "route:b": 2}
        eigen = {"route:b": 2}
        opgeslagen = {"route:a": 1, "route:b": 2, "route:c": 3}
        assert samengevoegd(opgeslagen, geladen, eigen) == {"route:b": 2, "route:c": 3}

    def test_it_changes_none_of_its_inputs(self):
        opgeslagen, geladen, eigen = {"a": 1}, {"a": 1}, {"b": 2}
        samengevoegd(opgeslagen, geladen, eigen)
        assert (opgeslagen, geladen, eigen) == ({"a": 1}, {"a": 1}, {"b": 2})

    def test_both_stores_use_this_one_merge(self):
        for store in (session_store.SessionStore, session_redis.SessionStore):
            assert issubclass(store, session_store.AlleenEigenWijzigingen)
            assert store.save is session_store.AlleenEigenWijzigingen.save


@pytest.fixture
def lokale_cache():
    """The cache store on the local-memory cache (the lock then uses cache.add, as SET NX)."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture(params=["bestanden", "cache"])
def store(request, lokale_cache):
    return {"bestanden": session_store.SessionStore, "cache": session_redis.SessionStore}[
        request.param
    ]


class TestOpslag:
    def test_two_overlapping_requests_keep_each_others_keys(self, store):
        eerste = store()
        eerste["route:start"] = {"notitie": "start"}
        eerste.save()
        sleutel = eerste.session_key
        tab1, tab2 = store(sleutel), store(sleutel)
        tab1.load(), tab2.load()
        tab1["route:a"] = {"notitie": "tab 1"}
        tab2["route:b"] = {"notitie": "tab 2"}
        del tab2["route:start"]
        tab1.save()
        tab2.save()
        assert store(sleutel).load() == {
            "route:a": {"notitie": "tab 1"},
            "route:b": {"notitie": "tab 2"},
        }

    def test_twenty_threads_saving_at_once_lose_nothing(self, store):
        eerste = store()
        eerste["begin"] = True
        eerste.save()
        sleutel = eerste.session_key
        start = threading.Barrier(20)
        fouten: list[BaseException] = []

        def schrijf(i: int) -> None:
            try:
                s = store(sleutel)
                s.load()
                start.wait(timeout=10)
                s[f"route:stap-{i}"] = {"notitie": f"notitie {i}"}
                s.save()
            except BaseException as exc:  # reported by the main thread
                fouten.append(exc)

        draden = [threading.Thread(target=schrijf, args=(i,)) for i in range(20)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(30)
        assert not fouten, fouten
        opgeslagen = store(sleutel).load()
        assert {k for k in opgeslagen if k.startswith("route:")} == {
            f"route:stap-{i}" for i in range(20)
        }

    def test_a_lock_taken_elsewhere_makes_a_save_wait_for_it(self, lokale_cache):
        s = session_redis.SessionStore()
        s["a"] = 1
        s.save()
        andere = session_redis.SessionStore(s.session_key)
        andere.load()
        andere["b"] = 2
        gestart = threading.Event()

        def houd_vast():
            with s._slot():
                gestart.set()
                time.sleep(0.3)

        draad = threading.Thread(target=houd_vast)
        draad.start()
        gestart.wait(5)
        begin = time.monotonic()
        andere.save()
        assert time.monotonic() - begin >= 0.2
        draad.join()
        assert session_redis.SessionStore(s.session_key).load() == {"a": 1, "b": 2}


class TestCacheOpslag:
    def test_a_session_expires_two_hours_after_its_last_save(self, lokale_cache, settings):
        assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
        with time_machine.travel(0, tick=False) as reis:
            s = session_redis.SessionStore()
            s["route:a"] = {"notitie": "blijft even"}
            s.save()
            reis.shift(2 * 60 * 60 - 60)
            andere = session_redis.SessionStore(s.session_key)
            andere["route:b"] = {"notitie": "vernieuwd"}
            andere.save()  # renews the two hours
            reis.shift(2 * 60 * 60 - 60)
            assert session_redis.SessionStore(s.session_key).load()["route:a"]
            reis.shift(120)
            assert session_redis.SessionStore(s.session_key).load() == {}

    def test_it_never_asks_the_database(self, lokale_cache):
        # No `db` fixture: pytest-django makes any query here fail the test.
        s = session_redis.SessionStore()
        s["route:a"] = {"notitie": "alleen in de cache"}
        s.save()
        s.cycle_key()
        s.save()
        t = session_redis.SessionStore(s.session_key)
        assert t.load() == {"route:a": {"notitie": "alleen in de cache"}}
        t.flush()
