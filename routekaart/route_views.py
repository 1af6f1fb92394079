"""The route walk (placeholder until the walk is built: /route/ starts at the first step's
explanation)."""

from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from routekaart.types import HtmxHttpRequest


@require_GET
def begin(request: HtmxHttpRequest):
    return redirect("routekaart:uitleg", "start")
