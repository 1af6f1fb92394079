from django.urls import include, path

from afspraken import urls_deelname, urls_live
from afspraken.views import (
    bespreken,
    evaluatie,
    publiceren,
    samenvatting,
    sessie,
    sessie_nieuw,
    tabel,
)

app_name = "afspraken"

# Each group below is included under its prefix, so a route is written once relative to it; the
# names stay flat in the namespace (afspraken:sessie-verdelen, ...).

# /afspraken/<netwerk>/<pk>/: one row of the table
rij_urls = [
    path("", tabel.rij, name="rij"),
    path("wijzigen/", tabel.wijzigen, name="wijzigen"),
    path("verwijderen/", tabel.verwijderen, name="verwijderen"),
    path("verplaatsen/", tabel.verplaatsen, name="verplaatsen"),
    path("geschiedenis/", tabel.geschiedenis, name="geschiedenis"),
]

# /afspraken/<netwerk>/versies/: the published versions
versie_urls = [
    path("", publiceren.versies, name="versies"),
    path("<int:nummer>/", publiceren.versie, name="versie"),
    path("<int:nummer>/pdf/", publiceren.pdf, name="pdf"),
    path("<int:nummer>/link/", publiceren.link, name="link"),
]

# /afspraken/<netwerk>/sessies/<pk>/: one vredestijd session, step by step (afspraken/views/sessie.py,
# bespreken.py, samenvatting.py)
een_sessie_urls = [
    path("", sessie.sessie, name="sessie"),
    path("verdelen/", sessie.verdelen, name="sessie-verdelen"),
    path("hand-outs/", sessie.handouts, name="sessie-handouts"),
    path("hand-outs/pdf/", sessie.handouts_pdf, name="sessie-handouts-pdf"),
    path("hand-outs/<int:deelnemer>/", sessie.handout, name="sessie-handout"),
    path("bedenktijd/", sessie.bedenktijd, name="sessie-bedenktijd"),
    path("casussen/<slug:casus>/", bespreken.casus, name="sessie-casus"),
    path("casussen/<slug:casus>/afspraak/", bespreken.afspraak, name="sessie-afspraak"),
    path("afspraken/", bespreken.afspraken, name="sessie-afspraken"),
    path("afronden/", bespreken.afronden, name="sessie-afronden"),
    path("samenvatting/", samenvatting.samenvatting, name="sessie-samenvatting"),
    path("samenvatting/pdf/", samenvatting.samenvatting_pdf, name="sessie-samenvatting-pdf"),
    path("deelname/", include(urls_deelname.regie)),
    path("live/", include(urls_live.urlpatterns)),
]

# /afspraken/<netwerk>/sessies/: the sessions
sessie_urls = [
    path("", sessie.sessies, name="sessies"),
    path("nieuw/", sessie_nieuw.nieuw, name="sessie-nieuw"),
    path("<int:pk>/", include(een_sessie_urls)),
]

# /afspraken/<netwerk>/evaluaties/: step 6 of the session, later
evaluatie_urls = [
    path("", evaluatie.evaluaties, name="evaluaties"),
    path("nieuw/", evaluatie.evaluatie_nieuw, name="evaluatie-nieuw"),
    path("<int:pk>/", evaluatie.evaluatie, name="evaluatie"),
    path(
        "<int:pk>/afspraken/<int:afspraak>/",
        evaluatie.evaluatie_aanpassen,
        name="evaluatie-aanpassen",
    ),
]

# /afspraken/<netwerk>/: the table (regisseur) or the latest published version (partner)
netwerk_urls = [
    path("", tabel.netwerk, name="netwerk"),
    path("nieuw/", tabel.nieuw, name="nieuw"),
    path("soorten/", tabel.soorten, name="soorten"),
    path("publiceren/", publiceren.publiceren, name="publiceren"),
    path("<int:pk>/", include(rij_urls)),
    path("versies/", include(versie_urls)),
    path("sessies/", include(sessie_urls)),
    path("evaluaties/", include(evaluatie_urls)),
]

urlpatterns = [
    # /doe-mee/: a participant joins a live session on their own phone (no account)
    path("doe-mee/", include(urls_deelname.doe_mee)),
    # /afspraken/
    path("afspraken/", tabel.overzicht, name="overzicht"),
    # /afspraken/pdf/<token>/: a signed, expiring link to a version's PDF (no login). "pdf" is a
    # reserved network slug (afspraken.models.GERESERVEERDE_SLUGS).
    path("afspraken/pdf/<str:token>/", publiceren.gedeelde_pdf, name="gedeelde-pdf"),
    path("afspraken/<slug:netwerk>/", include(netwerk_urls)),
]
