"""The routekaart's pages: the public reference pages (paginas), the example cases (casussen),
the route walk (stap: the context step, each step, "Opnieuw beginnen") and its report (verslag);
wandelfout turns the walk's errors into 404s."""
