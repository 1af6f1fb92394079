"""Which item of the main menu is the current page (aria-current), for base.html's frame."""

from django.http import HttpRequest

# The main menu's items and the URL names (namespace:name, or a whole namespace) each stands for.
MENU = {
    "route": {
        "routekaart:route",
        "routekaart:stap",
        "routekaart:opnieuw",
        "routekaart:verslag",
        "routekaart:verslag-pdf",
    },
    "partners": {"routekaart:partners", "routekaart:partner"},
    "casussen": {"casussen"},
    "afspraken_maken": {"routekaart:afspraken-maken"},
    "afspraken": {"afspraken"},
    "login": {"login"},
}


def links(request: HttpRequest) -> dict:
    """`menu_huidig`: per menu item whether the resolved URL is one of its pages."""
    match = request.resolver_match
    namen = {match.view_name, match.namespace} if match else set()
    return {"menu_huidig": {item: bool(namen & van_item) for item, van_item in MENU.items()}}
