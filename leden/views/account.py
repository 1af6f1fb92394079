"""Accounts: password reset by e-mail and password change (Django's own views, under Dutch paths
and with Dutch templates), and "Mijn account".

The reset form never says whether an address has an account: Django's PasswordResetView mails
only an active account with that address and shows the same "verstuurd" page either way. Both
the form and the link are throttled per visitor's address (kern.rem); a mail to one address
is sent at most PER_EMAIL times per PER_EMAIL_MINUTEN, whoever asks, and a refused one looks
the same as a sent one.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from kern import rem
from kern.types import HtmxHttpRequest
from leden.forms import AccountForm
from leden.views.hulp import niet_loggen, te_vaak_pagina

# Requests of the reset form per visitor's address per minute, and of its link.
FORMULIER_PER_MINUUT = 5
LINK_PER_MINUUT = 10
# Mails to one address: at most this many per this many minutes.
PER_EMAIL = 3
PER_EMAIL_MINUTEN = 15


class WachtwoordVergeten(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("leden:wachtwoord-verstuurd")

    def post(self, request, *args, **kwargs):
        if rem.te_vaak("wachtwoord-formulier", rem.adres(request), limiet=FORMULIER_PER_MINUUT):
            return te_vaak_pagina(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].lower()
        if rem.te_vaak(
            "wachtwoord-email", email, limiet=PER_EMAIL, seconden=PER_EMAIL_MINUTEN * 60
        ):
            # The same answer as a sent mail: nobody learns anything from the refusal.
            return redirect(self.get_success_url())
        return super().form_valid(form)


class WachtwoordVerstuurd(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class MetWachtwoordregels:
    """The password rules as plain sentences, for the new password's help text."""

    def get_context_data(self, **kwargs):
        regels = password_validation.password_validators_help_texts()
        return super().get_context_data(**kwargs) | {"wachtwoordregels": regels}


class NieuwWachtwoord(MetWachtwoordregels, auth_views.PasswordResetConfirmView):
    """Django's view moves the token from the URL into the session at once (a redirect to
    …/set-password/), so the page with the form never carries it."""

    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("leden:wachtwoord-ingesteld")

    def dispatch(self, *args, **kwargs):
        if rem.te_vaak("wachtwoord-link", rem.adres(self.request), limiet=LINK_PER_MINUUT):
            response = te_vaak_pagina(self.request)
        else:
            response = super().dispatch(*args, **kwargs)
        response.headers["Referrer-Policy"] = "origin"
        return niet_loggen(response)


class WachtwoordIngesteld(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class WachtwoordWijzigen(MetWachtwoordregels, auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("leden:wachtwoord-gewijzigd")


class WachtwoordGewijzigd(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


@require_http_methods(["GET", "POST"])
@login_required
def account(request: HtmxHttpRequest) -> HttpResponse:
    """Name, e-mail address (editable) and the memberships of the logged-in user."""
    user = request.user
    oude_email = user.email
    form = AccountForm(request.POST if request.method == "POST" else None, instance=user)
    if request.method == "POST" and form.is_valid():
        bewaard = form.save(commit=False)
        # An invited account logs in with its address: the username follows the address.
        if oude_email and bewaard.username.lower() == oude_email.lower():
            bewaard.username = bewaard.email.lower()
        bewaard.save()
        messages.success(request, "Je gegevens zijn opgeslagen.")
        return redirect("leden:account")
    if request.method == "POST":
        # Keep showing the saved account, not the half-validated instance.
        user.refresh_from_db()
    ctx = {
        "form": form,
        "account": user,
        "lidmaatschappen": user.lidmaatschappen.select_related("netwerk").order_by("netwerk__naam"),
    }
    return render(request, "leden/account.html", ctx)
