from django.urls import path

from routekaart.views import casussen as views

app_name = "casussen"

urlpatterns = [
    # /casussen/
    path("casussen/", views.lijst, name="lijst"),
    path("casussen/<slug:slug>/", views.fenomeen, name="fenomeen"),
]
