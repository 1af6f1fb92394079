"""Staff: "Nieuw netwerk", a network and the invitation of its first regisseur in one step."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from afspraken.models import Lidrol
from kern.types import HtmxHttpRequest
from leden import uitnodigingen
from leden.forms import NieuwNetwerkForm
from leden.views.leden import verstuur


@require_http_methods(["GET", "POST"])
@staff_member_required
def nieuw_netwerk(request: HtmxHttpRequest) -> HttpResponse:
    form = NieuwNetwerkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            netwerk = form.save()
            uitnodiging, token = uitnodigingen.maak(
                netwerk,
                email=form.cleaned_data["email"],
                rol=Lidrol.REGISSEUR,
                organisatie=form.cleaned_data["organisatie"],
                door=request.user,
            )
        if verstuur(request, uitnodiging, token):
            messages.success(
                request,
                f"Netwerk {netwerk.naam} is aangemaakt en {uitnodiging.email} is uitgenodigd "
                "als regisseur.",
            )
        return redirect("admin:afspraken_netwerk_change", netwerk.pk)
    return render(request, "leden/nieuw_netwerk.html", {"form": form})
