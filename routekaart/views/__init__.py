"""The routekaart's pages: the public reference pages (paginas), the example cases (casussen) and
the route walk (route)."""
