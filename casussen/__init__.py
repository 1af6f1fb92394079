"""The example cases and the online phenomena they belong to (`Fenomeen`, `Casus`, `Modus`): the
content rows that the route, the live session and the agreements' case types build on. Loaded from
`content/` by `manage.py load_content`; their public pages are the routekaart's
(`routekaart.views.casussen`)."""
