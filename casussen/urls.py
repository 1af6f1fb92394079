from django.urls import path

from casussen import views

app_name = "casussen"

urlpatterns = [
    # /casussen/
    path("casussen/", views.lijst, name="lijst"),
    path("casussen/<slug:slug>/", views.fenomeen, name="fenomeen"),
]
