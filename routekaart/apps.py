from django.apps import AppConfig


class RoutekaartConfig(AppConfig):
    name = "routekaart"
    verbose_name = "Routekaart"

    def ready(self) -> None:
        from routekaart import inhoud

        inhoud.verbind_signalen()
