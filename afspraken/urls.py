from django.urls import path

from afspraken import sessie_views, views

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
    # /afspraken/<netwerk>/sessies/: the vredestijd session, step by step (afspraken/sessie_views.py)
    path("afspraken/<slug:netwerk>/sessies/", sessie_views.sessies, name="sessies"),
    path("afspraken/<slug:netwerk>/sessies/nieuw/", sessie_views.nieuw, name="sessie-nieuw"),
    path("afspraken/<slug:netwerk>/sessies/<int:pk>/", sessie_views.sessie, name="sessie"),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/verdelen/",
        sessie_views.verdelen,
        name="sessie-verdelen",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/hand-outs/",
        sessie_views.handouts,
        name="sessie-handouts",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/hand-outs/pdf/",
        sessie_views.handouts_pdf,
        name="sessie-handouts-pdf",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/hand-outs/<int:deelnemer>/",
        sessie_views.handout,
        name="sessie-handout",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/bedenktijd/",
        sessie_views.bedenktijd,
        name="sessie-bedenktijd",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/casussen/<slug:casus>/",
        sessie_views.casus,
        name="sessie-casus",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/casussen/<slug:casus>/afspraak/",
        sessie_views.afspraak,
        name="sessie-afspraak",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/afspraken/",
        sessie_views.afspraken,
        name="sessie-afspraken",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/afronden/",
        sessie_views.afronden,
        name="sessie-afronden",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/samenvatting/",
        sessie_views.samenvatting,
        name="sessie-samenvatting",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/samenvatting/pdf/",
        sessie_views.samenvatting_pdf,
        name="sessie-samenvatting-pdf",
    ),
    # /afspraken/<netwerk>/evaluaties/: step 6, later
    path("afspraken/<slug:netwerk>/evaluaties/", sessie_views.evaluaties, name="evaluaties"),
    path(
        "afspraken/<slug:netwerk>/evaluaties/nieuw/",
        sessie_views.evaluatie_nieuw,
        name="evaluatie-nieuw",
    ),
    path(
        "afspraken/<slug:netwerk>/evaluaties/<int:pk>/",
        sessie_views.evaluatie,
        name="evaluatie",
    ),
    path(
        "afspraken/<slug:netwerk>/evaluaties/<int:pk>/afspraken/<int:afspraak>/",
        sessie_views.evaluatie_aanpassen,
        name="evaluatie-aanpassen",
    ),
]
