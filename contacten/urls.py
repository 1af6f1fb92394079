from django.urls import include, path

from contacten import views

app_name = "contacten"

# /afspraken/<netwerk>/contacten/<pk>/: one contact (the regisseur)
contact_urls = [
    path("", views.rij, name="rij"),
    path("wijzigen/", views.wijzigen, name="wijzigen"),
    path("verwijderen/", views.verwijderen, name="verwijderen"),
    path("gecontroleerd/", views.gecontroleerd, name="gecontroleerd"),
]

# /afspraken/<netwerk>/contacten/: the network's contact list ("Wie bel ik?")
urlpatterns = [
    path("afspraken/<slug:netwerk>/contacten/", views.lijst, name="lijst"),
    path("afspraken/<slug:netwerk>/contacten/nieuw/", views.nieuw, name="nieuw"),
    path("afspraken/<slug:netwerk>/contacten/kaart/", views.kaart, name="kaart"),
    path("afspraken/<slug:netwerk>/contacten/kaart/pdf/", views.kaart_pdf, name="kaart-pdf"),
    path("afspraken/<slug:netwerk>/contacten/<int:pk>/", include(contact_urls)),
]
