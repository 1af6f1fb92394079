"""The site's URLs plus a bare view, for the load benchmark only (ROOT_URLCONF=bench.urls)."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def kaal(request: HttpRequest, lengte: int) -> HttpResponse:
    """`lengte` bytes of HTML, no template, no query: what a route step is measured against."""
    return HttpResponse(b"x" * lengte, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/kaal/<int:lengte>/", kaal, name="bench-kaal"),
    path("", include("config.urls")),
]
