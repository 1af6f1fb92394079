"""Accounts and members: invitations to a network, "Leden", "Mijn account", password reset, a new
network by staff, and the reminder mails to regisseurs."""
