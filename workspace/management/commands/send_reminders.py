"""manage.py send_reminders: the daily digest of overdue and returned items, and the
reminders of due dates (actions' planned ends, indicators' report dates)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from workspace.due_reminders import due_reminders, send_due_reminders
from workspace.reminders import reminder_digests, send_digest


class Command(BaseCommand):
    help = (
        "E-mail each institution's users a digest of their overdue recommendations and "
        "returned progress updates, and the people responsible a reminder of each due date "
        "(an action's planned end, an indicator's report date) UPR_REMINDER_LEAD_DAYS days "
        "before it, on the day and once it has passed. Run it daily (cron or a systemd "
        "timer): a second run sends nothing twice."
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
        sent = send_due_reminders(due_reminders(today), today)
        if not sent:
            self.stdout.write("No due date to remind of.")
        for done in sent:
            self.stdout.write(
                f"{done.institution}: {done.reminders} due-date "
                f"reminder{'s' if done.reminders != 1 else ''} sent to {done.addresses} "
                f"address{'es' if done.addresses != 1 else ''}."
            )
