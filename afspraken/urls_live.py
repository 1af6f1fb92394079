"""The facilitator's live screen of a session (issue 11): the polled answers and differences, the
beamer and its controls, the timer. Included by afspraken/urls.py under a session's
/afspraken/<netwerk>/sessies/<pk>/live/. Names stay flat in the "afspraken" namespace.

The live case screen itself is the plenary's page (afspraken:sessie-casus): with htmx it answers
its polling with the #stand partial."""

from django.urls import path

from afspraken.views import live

# /afspraken/<netwerk>/sessies/<pk>/live/
urlpatterns = [
    path("beamer/", live.beamer, name="sessie-beamer"),
    path("beamer/casus/", live.beamer_casus, name="sessie-beamer-casus"),
    path("beamer/verschillen/", live.beamer_verschillen, name="sessie-beamer-verschillen"),
    path("klok/", live.klok, name="sessie-klok"),
    path("casussen/<slug:casus>/sluiten/", live.casus_sluiten, name="sessie-casus-sluiten"),
]
