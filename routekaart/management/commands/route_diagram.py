"""Print the route graph, as loaded from content/route/, as a Mermaid flowchart."""

from django.core.management.base import BaseCommand, CommandError

from routekaart import inhoud


class Command(BaseCommand):
    help = "Toont de route als Mermaid-diagram (uit de geladen content)."

    def handle(self, *args, **options):
        route = inhoud.huidige().route
        if route is None:
            raise CommandError("Er is geen route geladen: draai eerst 'manage.py load_content'.")
        self.stdout.write(route.mermaid(), ending="")
