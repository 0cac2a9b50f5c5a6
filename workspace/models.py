"""What the workspace keeps of its own: the reminders it sent and the views people saved."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from recommendations.models import ImplementationAction, Indicator, Institution


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


class DueReminderSent(models.Model):
    """One reminder of one due date (an action's planned end or an indicator's report
    date): one record per object, event and date, written before the e-mail is sent, so
    that ``send_reminders`` run again (the same day or later) never sends it twice. A
    date moved later is a new date, reminded of again."""

    class Event(models.TextChoices):
        BEFORE = "before", _("Due soon")
        ON = "on", _("Due today")
        OVERDUE = "overdue", _("Overdue")

    action = models.ForeignKey(
        ImplementationAction, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.CharField(_("event"), max_length=10, choices=Event.choices)
    due_on = models.DateField(_("due on"))
    recipients = models.TextField(_("recipients"), help_text=_("The addresses it went to."))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("due-date reminder sent")
        verbose_name_plural = _("due-date reminders sent")
        constraints = [
            models.CheckConstraint(
                condition=Q(action__isnull=True, indicator__isnull=False)
                | Q(action__isnull=False, indicator__isnull=True),
                name="due_reminder_of_an_action_or_an_indicator",
            ),
            models.UniqueConstraint(
                fields=["action", "event", "due_on"],
                condition=Q(action__isnull=False),
                name="one_reminder_per_action_event_and_date",
            ),
            models.UniqueConstraint(
                fields=["indicator", "event", "due_on"],
                condition=Q(indicator__isnull=False),
                name="one_reminder_per_indicator_event_and_date",
            ),
        ]

    def __str__(self):
        return f"{self.action or self.indicator} — {self.get_event_display()} ({self.due_on})"


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
