from django.urls import path

from routekaart.views import paginas as views
from routekaart.views import stap, verslag

app_name = "routekaart"

urlpatterns = [
    path("", views.start, name="start"),
    # /stappen/<slug>/: a step's explanation, linked from the route map
    path("stappen/<slug:slug>/", views.uitleg, name="uitleg"),
    # /partners/
    path("partners/", views.partners, name="partners"),
    path("partners/<slug:slug>/", views.partner, name="partner"),
    path("afspraken-maken/", views.afspraken_maken, name="afspraken-maken"),
    # /route/: the route walk
    path("route/", stap.begin, name="route"),
    path("route/opnieuw/", stap.opnieuw, name="opnieuw"),
    path("route/verslag/", verslag.verslag, name="verslag"),
    path("route/verslag.pdf", verslag.verslag_pdf, name="verslag-pdf"),
    path("route/<slug:slug>/", stap.stap, name="stap"),
    # the fixed pages: colofon, privacy, toegankelijkheid
    path("<slug:slug>/", views.pagina, name="pagina"),
]
