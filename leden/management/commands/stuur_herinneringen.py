"""Mail each regisseur the evaluations that are due and the contacts not checked for six months,
network by network (leden/herinneringen.py decides what and when).

Run it once a day (cron or a systemd timer, see the README). It is idempotent per day: a second
run on the same day sends nothing. `--dry-run` shows what would be sent, and sends and records
nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from leden import herinneringen


class Command(BaseCommand):
    help = "Mail regisseurs hun te evalueren afspraken en niet-gecontroleerde contacten."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="laat zien wat er verstuurd zou worden, zonder te versturen of vast te leggen",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        vandaag = timezone.localdate()
        mislukt = []
        if dry_run:
            mails, overgeslagen = herinneringen.te_sturen(vandaag)
        else:
            mails, overgeslagen, mislukt = herinneringen.stuur(vandaag)
        werkwoord = "Zou versturen" if dry_run else "Verstuurd"
        for mail in mails:
            if verbosity >= 1:
                self.stdout.write(
                    f"{werkwoord}: {mail.user.email} ({mail.netwerk.naam}): "
                    f"{len(mail.evaluaties)} te evalueren, {len(mail.contacten)} contacten "
                    "niet gecontroleerd"
                )
            if verbosity >= 2:
                for a in mail.evaluaties:
                    self.stdout.write(f"  evaluatie: {a.soort.naam}: {a.tekst[:60]}")
                for c in mail.contacten:
                    self.stdout.write(f"  contact: {c}")
        for user in overgeslagen:
            self.stderr.write(f"Overgeslagen: {user.get_username()} heeft geen e-mailadres.")
        for mail in mislukt:
            self.stderr.write(
                f"Niet verstuurd (de mailserver weigerde): {mail.user.email} ({mail.netwerk.naam})"
            )
        if verbosity >= 1:
            samenvatting = (
                f"{len(mails)} herinnering(en) {'te versturen' if dry_run else 'verstuurd'}."
            )
            self.stdout.write(self.style.SUCCESS(samenvatting))
        if mislukt:
            raise CommandError(
                f"{len(mislukt)} herinnering(en) niet verstuurd; de volgende run probeert het opnieuw."
            )
