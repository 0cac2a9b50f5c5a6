"""What the workspace keeps of its own: the reminders it sent and the views people saved."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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


class SavedView(models.Model):
    """A name for the filters of the dashboard or the recommendation list, so that its
    owner finds them again in the header's menu; a coordinator may share one with
    every signed-in user. Its address is the page's, with the filters."""

    class Page(models.TextChoices):
        DASHBOARD = "dashboard", _("Dashboard")
        RECOMMENDATIONS = "recommendation-list", _("Recommendations")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_views",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=120)
    page = models.CharField(_("page"), max_length=30, choices=Page.choices)
    query = models.CharField(
        _("filters"), max_length=2000, blank=True, help_text=_("The page's query string.")
    )
    shared = models.BooleanField(
        _("shared with everyone"),
        default=False,
        help_text=_("In every signed-in user's menu (coordinators share views)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "name"], name="saved_view_name_unique_per_owner"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        path = reverse(self.page)
        return f"{path}?{self.query}" if self.query else path
