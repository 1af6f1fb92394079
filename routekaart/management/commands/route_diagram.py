"""Print the route graph, as loaded from content/route/, as a Mermaid flowchart."""

from django.core.management.base import BaseCommand, CommandError

from routekaart.models import Stap
from routekaart.route import Route


class Command(BaseCommand):
    help = "Toont de route als Mermaid-diagram (uit de geladen content)."

    def handle(self, *args, **options):
        stappen = list(Stap.objects.all())
        if not stappen:
            raise CommandError("Er is geen route geladen: draai eerst 'manage.py load_content'.")
        self.stdout.write(Route.uit_stappen(stappen).mermaid(), ending="")
