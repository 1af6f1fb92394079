"""Load the routekaart's content files into the database.

Reads `content/` (or --map): route steps, partners, phenomena, cases, actions and pages, each a
Markdown file with YAML front matter (the keys are documented in content/README.md). Markdown is
rendered and sanitized here, once. The load is all-or-nothing: every file is read and checked
(including the route graph) before anything is written, and the writing happens in one
transaction, so a bad file leaves the database as it was and the message names the file and the
field. Running it twice changes nothing the second time, and says so; rows whose file vanished
are removed. A load that changed something gives the content a new version token (see
routekaart.inhoud), so every running server shows the new content at its next request.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from routekaart import inhoud
from routekaart.inlezen import ContentFout, lees_alles, toepassen


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Laadt de content (content/*.md) in de database: alles of niets."

    def add_arguments(self, parser):
        parser.add_argument(
            "--map", type=Path, default=None, help="contentmap (standaard: content/)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="controleer en tel, schrijf niets"
        )

    def handle(self, *args, **options):
        map_ = options["map"] or settings.CONTENT_DIR
        try:
            alles = lees_alles(Path(map_))
        except ContentFout as exc:
            raise CommandError(f"Content niet geladen: {exc}") from exc
        try:
            with transaction.atomic(), inhoud.lading():
                tellingen = toepassen(alles)
                if any(t.veranderd for t in tellingen.values()):
                    # In the same transaction: every process's in-memory copy of the content
                    # (routekaart.inhoud) is stale from the moment the change commits.
                    inhoud.markeer_gewijzigd()
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            pass
        verbosity = options["verbosity"]
        for naam, t in tellingen.items():
            if verbosity >= 2 or (verbosity >= 1 and t.veranderd):
                self.stdout.write(
                    f"{naam}: {t.nieuw} nieuw, {t.gewijzigd} gewijzigd, "
                    f"{t.ongewijzigd} ongewijzigd, {t.verwijderd} verwijderd"
                )
        veranderd = any(t.veranderd for t in tellingen.values())
        if verbosity == 0:
            return
        if options["dry_run"]:
            self.stdout.write("Proefdraai: er is niets opgeslagen.")
        elif not veranderd:
            self.stdout.write(self.style.SUCCESS("Content is al actueel: niets gewijzigd."))
        else:
            self.stdout.write(self.style.SUCCESS("Content geladen."))
