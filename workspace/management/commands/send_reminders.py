"""manage.py send_reminders: the daily digest of overdue and returned items."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from workspace.reminders import reminder_digests, send_digest


class Command(BaseCommand):
    help = (
        "E-mail each institution's users a digest of their overdue recommendations and "
        "returned progress updates. Run it daily (cron or a systemd timer): a second run "
        "on the same day sends nothing twice."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        digests = reminder_digests(today)
        if not digests:
            self.stdout.write("Nothing is overdue or returned: no reminder to send.")
        for digest in digests:
            summary = f"{len(digest.overdue)} overdue, {len(digest.returned)} returned"
            if send_digest(digest, today):
                self.stdout.write(
                    f"{digest.institution}: sent to {len(digest.recipients)} "
                    f"address{'es' if len(digest.recipients) != 1 else ''} ({summary})."
                )
            else:
                self.stdout.write(f"{digest.institution}: already reminded today; nothing sent.")
