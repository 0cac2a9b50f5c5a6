"""What the workspace keeps of its own: the reminders it sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from recommendations.models import Institution


class ReminderSent(models.Model):
    """One institution's reminder digest of one day: recorded before it is sent, so
    that a second run of ``send_reminders`` on the same day sends nothing twice."""

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="reminders_sent",
        verbose_name=_("institution"),
    )
    date = models.DateField(verbose_name=_("date"))
    recipients = models.TextField(
        help_text=_("The addresses it went to, one a line."), verbose_name=_("recipients")
    )
    overdue_count = models.PositiveIntegerField(default=0, verbose_name=_("overdue count"))
    returned_count = models.PositiveIntegerField(default=0, verbose_name=_("returned count"))
    sent_at = models.DateTimeField(auto_now_add=True, verbose_name=_("sent at"))

    class Meta:
        ordering = ["-date", "institution__name"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "date"], name="one_reminder_per_institution_per_day"
            )
        ]

    def __str__(self):
        return f"{self.institution} — {self.date}"
