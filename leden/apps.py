from django.apps import AppConfig


class LedenConfig(AppConfig):
    """Accounts and membership: password reset and change, "Mijn account", invitations to a
    network, the regisseur's "Leden" page and the reminders."""

    name = "leden"
    verbose_name = "Leden en accounts"
