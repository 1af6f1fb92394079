from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kern.gezond import gezond

urlpatterns = [
    path("admin/", admin.site.urls),
    # For load balancers: database and cache reachable? 200 or 503 (kern/gezond.py).
    path("gezond/", gezond, name="gezond"),
    # Login and logout under Dutch paths (logout is POST only); before the catch-all "<slug>/".
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("routekaart.urls_casussen")),
    path("", include("afspraken.urls")),
    path("", include("contacten.urls")),
    # Accounts and members: password reset and change, "Mijn account", invitations, "Leden".
    path("", include("leden.urls")),
    # Last: its catch-all "<slug>/" serves the fixed pages (colofon, privacy, toegankelijkheid).
    path("", include("routekaart.urls")),
]

# A step of the route opened without its route gets its own 404 (400, 403, 500: Django's
# defaults render templates/400.html, 403.html and 500.html).
handler404 = "kern.fouten.niet_gevonden"
