from django.urls import path

from afspraken.views import bespreken, evaluatie, publiceren, sessie, tabel

app_name = "afspraken"

urlpatterns = [
    # /afspraken/
    path("afspraken/", tabel.overzicht, name="overzicht"),
    # /afspraken/pdf/<token>/: a signed, expiring link to a version's PDF (no login). "pdf" is a
    # reserved network slug (afspraken.models.GERESERVEERDE_SLUGS).
    path("afspraken/pdf/<str:token>/", publiceren.gedeelde_pdf, name="gedeelde-pdf"),
    # /afspraken/<netwerk>/: the table (regisseur) or the latest published version (partner)
    path("afspraken/<slug:netwerk>/", tabel.netwerk, name="netwerk"),
    path("afspraken/<slug:netwerk>/nieuw/", tabel.nieuw, name="nieuw"),
    path("afspraken/<slug:netwerk>/soorten/", tabel.soorten, name="soorten"),
    path("afspraken/<slug:netwerk>/publiceren/", publiceren.publiceren, name="publiceren"),
    # /afspraken/<netwerk>/<pk>/: one row
    path("afspraken/<slug:netwerk>/<int:pk>/", tabel.rij, name="rij"),
    path("afspraken/<slug:netwerk>/<int:pk>/wijzigen/", tabel.wijzigen, name="wijzigen"),
    path("afspraken/<slug:netwerk>/<int:pk>/verwijderen/", tabel.verwijderen, name="verwijderen"),
    path("afspraken/<slug:netwerk>/<int:pk>/verplaatsen/", tabel.verplaatsen, name="verplaatsen"),
    path(
        "afspraken/<slug:netwerk>/<int:pk>/geschiedenis/", tabel.geschiedenis, name="geschiedenis"
    ),
    # /afspraken/<netwerk>/versies/: the published versions
    path("afspraken/<slug:netwerk>/versies/", publiceren.versies, name="versies"),
    path("afspraken/<slug:netwerk>/versies/<int:nummer>/", publiceren.versie, name="versie"),
    path("afspraken/<slug:netwerk>/versies/<int:nummer>/pdf/", publiceren.pdf, name="pdf"),
    path("afspraken/<slug:netwerk>/versies/<int:nummer>/link/", publiceren.link, name="link"),
    # /afspraken/<netwerk>/sessies/: the vredestijd session, step by step (afspraken/views/sessie.py, bespreken.py)
    path("afspraken/<slug:netwerk>/sessies/", sessie.sessies, name="sessies"),
    path("afspraken/<slug:netwerk>/sessies/nieuw/", sessie.nieuw, name="sessie-nieuw"),
    path("afspraken/<slug:netwerk>/sessies/<int:pk>/", sessie.sessie, name="sessie"),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/verdelen/",
        sessie.verdelen,
        name="sessie-verdelen",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/hand-outs/",
        sessie.handouts,
        name="sessie-handouts",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/hand-outs/pdf/",
        sessie.handouts_pdf,
        name="sessie-handouts-pdf",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/hand-outs/<int:deelnemer>/",
        sessie.handout,
        name="sessie-handout",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/bedenktijd/",
        sessie.bedenktijd,
        name="sessie-bedenktijd",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/casussen/<slug:casus>/",
        bespreken.casus,
        name="sessie-casus",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/casussen/<slug:casus>/afspraak/",
        bespreken.afspraak,
        name="sessie-afspraak",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/afspraken/",
        bespreken.afspraken,
        name="sessie-afspraken",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/afronden/",
        bespreken.afronden,
        name="sessie-afronden",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/samenvatting/",
        bespreken.samenvatting,
        name="sessie-samenvatting",
    ),
    path(
        "afspraken/<slug:netwerk>/sessies/<int:pk>/samenvatting/pdf/",
        bespreken.samenvatting_pdf,
        name="sessie-samenvatting-pdf",
    ),
    # /afspraken/<netwerk>/evaluaties/: step 6, later
    path("afspraken/<slug:netwerk>/evaluaties/", evaluatie.evaluaties, name="evaluaties"),
    path(
        "afspraken/<slug:netwerk>/evaluaties/nieuw/",
        evaluatie.evaluatie_nieuw,
        name="evaluatie-nieuw",
    ),
    path(
        "afspraken/<slug:netwerk>/evaluaties/<int:pk>/",
        evaluatie.evaluatie,
        name="evaluatie",
    ),
    path(
        "afspraken/<slug:netwerk>/evaluaties/<int:pk>/afspraken/<int:afspraak>/",
        evaluatie.evaluatie_aanpassen,
        name="evaluatie-aanpassen",
    ),
]
