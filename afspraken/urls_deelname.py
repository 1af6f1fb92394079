"""The participants' side of a live session (issue 11): joining by code or QR on their own phone,
and their cases and inbreng. Included by afspraken/urls.py: `doe_mee` under /doe-mee/, `regie`
under a session's /afspraken/<netwerk>/sessies/<pk>/deelname/ (the regisseur's controls: a new
code, releasing a claim). Names stay flat in the "afspraken" namespace."""

from django.urls import path

from afspraken.views import doe_mee as views
from afspraken.views import sessiecode

# /doe-mee/: the code form; /doe-mee/<code>/ (the QR's address): "Wie ben jij?"; then the
# participant's own page, its polled status fragment and saving one case's inbreng.
doe_mee = [
    path("", views.code, name="doe-mee"),
    path("<str:code>/", views.wie, name="doe-mee-wie"),
    path("<str:code>/casussen/", views.casussen, name="doe-mee-casussen"),
    path("<str:code>/status/", views.status, name="doe-mee-status"),
    path("<str:code>/casussen/<slug:casus>/", views.inbreng, name="doe-mee-inbreng"),
]

# /afspraken/<netwerk>/sessies/<pk>/deelname/: the regisseur only
regie = [
    path("code/", sessiecode.nieuwe_code, name="sessie-code"),
    path("<int:deelnemer>/vrijgeven/", sessiecode.vrijgeven, name="sessie-vrijgeven"),
]
