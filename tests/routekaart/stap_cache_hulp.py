"""What Django's caches hold, for tests that prove the step template's {% cache %} blocks keep
nothing of a walker (templates/routekaart/stap.html)."""

import pickle

from django.core.cache import caches


def gecachte_waarden() -> dict[str, str]:
    """Every value in the process's local-memory caches (the test settings' caches), by key."""
    waarden = {}
    for cache in caches.all():
        for sleutel, waarde in getattr(cache, "_cache", {}).items():
            waarden[sleutel] = str(pickle.loads(waarde))
    return waarden
