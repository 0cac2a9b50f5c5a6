"""What the workspace keeps of its own: the reminders it sent."""

from django.db import models

from recommendations.models import Institution


class ReminderSent(models.Model):
    """One institution's reminder digest of one day: recorded before it is sent, so
    that a second run of ``send_reminders`` on the same day sends nothing twice."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    date = models.DateField()
    recipients = models.TextField(help_text="The addresses it went to, one a line.")
    overdue_count = models.PositiveIntegerField(default=0)
    returned_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "institution__name"]
        verbose_name = "reminder sent"
        verbose_name_plural = "reminders sent"
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "date"], name="one_reminder_per_institution_per_day"
            )
        ]

    def __str__(self):
        return f"{self.institution} — {self.date}"
