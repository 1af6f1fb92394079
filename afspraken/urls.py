from django.urls import path

from afspraken import views

app_name = "afspraken"

urlpatterns = [
    # /afspraken/
    path("afspraken/", views.overzicht, name="overzicht"),
    # /afspraken/pdf/<token>/: a signed, expiring link to a version's PDF (no login). "pdf" is a
    # reserved network slug (afspraken.models.GERESERVEERDE_SLUGS).
    path("afspraken/pdf/<str:token>/", views.gedeelde_pdf, name="gedeelde-pdf"),
    # /afspraken/<netwerk>/: the table (regisseur) or the latest published version (partner)
    path("afspraken/<slug:netwerk>/", views.netwerk, name="netwerk"),
    path("afspraken/<slug:netwerk>/nieuw/", views.nieuw, name="nieuw"),
    path("afspraken/<slug:netwerk>/soorten/", views.soorten, name="soorten"),
    path("afspraken/<slug:netwerk>/publiceren/", views.publiceren, name="publiceren"),
    # /afspraken/<netwerk>/<pk>/: one row
    path("afspraken/<slug:netwerk>/<int:pk>/", views.rij, name="rij"),
    path("afspraken/<slug:netwerk>/<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("afspraken/<slug:netwerk>/<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("afspraken/<slug:netwerk>/<int:pk>/verplaatsen/", views.verplaatsen, name="verplaatsen"),
    path(
        "afspraken/<slug:netwerk>/<int:pk>/geschiedenis/", views.geschiedenis, name="geschiedenis"
    ),
    # /afspraken/<netwerk>/versies/: the published versions
    path("afspraken/<slug:netwerk>/versies/", views.versies, name="versies"),
    path("afspraken/<slug:netwerk>/versies/<int:nummer>/", views.versie, name="versie"),
    path("afspraken/<slug:netwerk>/versies/<int:nummer>/pdf/", views.pdf, name="pdf"),
    path("afspraken/<slug:netwerk>/versies/<int:nummer>/link/", views.link, name="link"),
]
