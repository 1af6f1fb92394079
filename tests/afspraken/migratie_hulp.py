"""A data migration of afspraken tested on rows made before it: migrate back, make the rows with
the models as they were, migrate forward, and always end at the latest migration again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _migreer(naar: list[tuple[str, str]]):
    """Migrate to `naar`; the app registry of that state (its historical models)."""
    executor = MigrationExecutor(connection)
    executor.migrate(naar)
    return executor.loader.project_state(naar).apps


@contextmanager
def rond_migratie(voor: str, na: str) -> Iterator[tuple[object, Callable[[], object]]]:
    """Yields the models before migration `na` (afspraken at `voor`) and a function that runs
    `na` and returns the models after it."""
    try:
        yield _migreer([("afspraken", voor)]), lambda: _migreer([("afspraken", na)])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
