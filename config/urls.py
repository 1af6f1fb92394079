from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("casussen.urls")),
    path("", include("afspraken.urls")),
    # Last: its catch-all "<slug>/" serves the fixed pages (colofon, privacy, toegankelijkheid).
    path("", include("routekaart.urls")),
]
