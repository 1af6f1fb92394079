"""Everything a server needs before it serves: `migrate`, `collectstatic` and `load_content`, one
server at a time. bin/start runs it before gunicorn.

Servers that start together against one database (two containers, CI's cluster leg) would
otherwise migrate at the same time, and the second would fail creating a table the first just
made. So the three steps run under one lock: on PostgreSQL an advisory lock (held by this
command's connection, freed by the server if the process dies), on SQLite a file lock next to
the database file. The second server waits, then finds nothing left to do.

COLLECTSTATIC=False skips collectstatic where the files were collected when the image was built.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import locks
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from config.settings import env_bool

# Any number, the same for every server of this site: the advisory lock's key ("Route" in ASCII).
SLOT = 0x526F757465


@contextmanager
def een_tegelijk() -> Iterator[None]:
    """An exclusive lock across every server that shares this database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [SLOT])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [SLOT])
        return
    database = Path(settings.DATABASES["default"]["NAME"])
    with open(database.with_name(database.name + ".voorbereiden"), "a+b") as slot:
        locks.lock(slot, locks.LOCK_EX)
        try:
            yield
        finally:
            locks.unlock(slot)


class Command(BaseCommand):
    help = "Zet alles klaar om te serveren (migrate, collectstatic, load_content), één server tegelijk."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        with een_tegelijk():
            call_command("migrate", interactive=False, verbosity=verbosity)
            if env_bool("COLLECTSTATIC", True):
                call_command("collectstatic", interactive=False, verbosity=verbosity)
            call_command("load_content", verbosity=verbosity)
