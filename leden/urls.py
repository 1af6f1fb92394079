from django.urls import include, path

from leden.views import account, beheer, leden, uitnodiging

app_name = "leden"

# /afspraken/<netwerk>/leden/: the regisseur's members and invitations
leden_urls = [
    path("", leden.leden, name="leden"),
    path("<int:pk>/rol/", leden.rol, name="lid-rol"),
    path("<int:pk>/verwijderen/", leden.verwijderen, name="lid-verwijderen"),
    path("uitnodigingen/<int:pk>/opnieuw/", leden.opnieuw, name="uitnodiging-opnieuw"),
    path("uitnodigingen/<int:pk>/intrekken/", leden.intrekken, name="uitnodiging-intrekken"),
]

urlpatterns = [
    # /wachtwoord-vergeten/: password reset by e-mail. The link's token is in the path of
    # "wachtwoord-link" (Django moves it to the session and redirects to …/set-password/).
    path(
        "wachtwoord-vergeten/",
        account.WachtwoordVergeten.as_view(),
        name="wachtwoord-vergeten",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        account.WachtwoordVerstuurd.as_view(),
        name="wachtwoord-verstuurd",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        account.WachtwoordIngesteld.as_view(),
        name="wachtwoord-ingesteld",
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        account.NieuwWachtwoord.as_view(),
        name="wachtwoord-link",
    ),
    # /wachtwoord-wijzigen/: a logged-in user changes their password
    path(
        "wachtwoord-wijzigen/",
        account.WachtwoordWijzigen.as_view(),
        name="wachtwoord-wijzigen",
    ),
    path(
        "wachtwoord-wijzigen/klaar/",
        account.WachtwoordGewijzigd.as_view(),
        name="wachtwoord-gewijzigd",
    ),
    path("mijn-account/", account.account, name="account"),
    # /uitnodiging/<token>/: an invitation link (the token is the secret; never logged)
    path("uitnodiging/<str:token>/", uitnodiging.uitnodiging, name="uitnodiging"),
    path("afspraken/<slug:netwerk>/leden/", include(leden_urls)),
    # /beheer/: staff
    path("beheer/nieuw-netwerk/", beheer.nieuw_netwerk, name="nieuw-netwerk"),
]
