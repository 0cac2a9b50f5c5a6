"""What institutions do about recommendations and how far it got.

The rules on what may be recorded live here, as field validators and ``clean()``,
so that every door refuses the same input with the same message: the workspace
forms and the admin (Django's model forms run them) and the API (REST framework
runs the field validators; the services run ``full_clean``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .reviews import Recommendation, Status
from .sources import Source
from .taxonomy import Institution
from .workflow import ReportedRecord


def validate_not_negative(amount):
    if amount < 0:
        raise ValidationError(_("A budget cannot be negative."), code="negative")


validate_currency = RegexValidator(
    r"^[A-Z]{3}\Z",
    _("A currency is three letters in capitals (ISO 4217), e.g. USD, EUR or BYN."),
    code="currency",
)


def validate_assessment_date(day):
    if day > timezone.localdate():
        raise ValidationError(_("The assessment date cannot be in the future."), code="future")


# Evidence is internal unless someone says otherwise: a link or file may name people or
# hold what a ministry shared in confidence. Signed-in readers see it either way.
PUBLIC_EVIDENCE_HELP = _(
    "Tick to show the evidence (link and file) to anonymous visitors of a published review "
    "too; unticked it is internal: signed-in users only."
)


class ImplementationAction(models.Model):
    """A measure taken or planned: a law adopted, a plan approved, a training held."""

    class ActionStatus(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(max_length=250, verbose_name=_("title"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="actions", verbose_name=_("institution")
    )
    recommendations = models.ManyToManyField(
        Recommendation, related_name="actions", verbose_name=_("recommendations")
    )
    start_date = models.DateField(null=True, blank=True, verbose_name=_("start date"))
    end_date = models.DateField(null=True, blank=True, verbose_name=_("end date"))
    status = models.CharField(
        max_length=10,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        verbose_name=_("status"),
    )
    budget_amount = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_not_negative],
        verbose_name=_("budget amount"),
    )
    budget_currency = models.CharField(
        max_length=3,
        blank=True,
        help_text=_("ISO 4217, e.g. USD"),
        validators=[validate_currency],
        verbose_name=_("budget currency"),
    )
    evidence_url = models.URLField(max_length=500, blank=True, verbose_name=_("evidence url"))
    evidence_file = models.FileField(
        upload_to="evidence/actions/%Y/", blank=True, verbose_name=_("evidence file")
    )
    evidence_is_public = models.BooleanField(
        _("evidence is public"), default=False, help_text=PUBLIC_EVIDENCE_HELP
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
        help_text=_("The document that reports this action."),
        verbose_name=_("source"),
    )
    is_demo = models.BooleanField(
        default=False,
        help_text=_("Demo data: an illustration, not an official record."),
        verbose_name=_("is demo"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    # The recommendations an action serves are part of its history, so that a
    # deleted action comes back with them.
    history = HistoricalRecords(m2m_fields=[recommendations])

    class Meta:
        verbose_name = _("implementation action")
        verbose_name_plural = _("implementation actions")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="action_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | Q(budget_amount__gte=0),
                name="action_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | ~Q(budget_currency=""),
                name="action_budget_has_currency",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        """The rules between fields, each error beside the field to correct (the check
        constraints above keep the database right; these say it in words)."""
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Say in which currency the budget is.")
        if self.budget_currency and self.budget_amount is None:
            errors["budget_amount"] = _("Give the amount, or leave the currency empty.")
        if errors:
            raise ValidationError(errors)


class ProgressUpdate(ReportedRecord):
    """An assessment of a recommendation's implementation status at a date.

    Only a validated update counts: the recommendation's status is the one of its
    latest validated update, and the sequence of them is its history.
    """

    class Source(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        UN = "un", _("United Nations")
        CIVIL_SOCIETY = "civil_society", _("Civil society")

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.PROTECT,
        related_name="progress_updates",
        verbose_name=_("recommendation"),
    )
    status = models.CharField(max_length=25, choices=Status.choices, verbose_name=_("status"))
    assessed_on = models.DateField(
        help_text=_("The date the assessment speaks of."),
        validators=[validate_assessment_date],
        verbose_name=_("assessed on"),
    )
    narrative = models.TextField(verbose_name=_("narrative"))
    source = models.CharField(
        max_length=15, choices=Source.choices, default=Source.GOVERNMENT, verbose_name=_("source")
    )
    institution = models.ForeignKey(
        Institution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="progress_updates",
        help_text=_("The institution whose assessment this is."),
        verbose_name=_("institution"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    evidence_url = models.URLField(max_length=500, blank=True, verbose_name=_("evidence url"))
    evidence_file = models.FileField(
        upload_to="evidence/updates/%Y/", blank=True, verbose_name=_("evidence file")
    )
    evidence_is_public = models.BooleanField(
        _("evidence is public"), default=False, help_text=PUBLIC_EVIDENCE_HELP
    )
    # workflow_state, submitted_at, reviewed_at, reviewed_by, reviewer_comment: ReportedRecord
    is_demo = models.BooleanField(
        default=False,
        help_text=_("Demo data: an illustrative assessment, not an official one."),
        verbose_name=_("is demo"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["recommendation", "-assessed_on", "-id"]
        indexes = [
            # Covers the measure's "latest validated update" subquery (filter, order and
            # the status it reads) so that it never reads the table itself.
            models.Index(
                fields=[
                    "recommendation",
                    "workflow_state",
                    "-assessed_on",
                    "-reviewed_at",
                    "-id",
                    "status",
                ],
                name="update_latest_validated",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(workflow_state="validated") | Q(reviewed_at__isnull=False),
                name="validated_update_has_review_time",
            ),
            models.CheckConstraint(
                condition=~Q(workflow_state="returned") | ~Q(reviewer_comment=""),
                name="returned_update_has_comment",
            ),
        ]

    def __str__(self):
        return f"{self.recommendation.reference}: {self.get_status_display()} ({self.assessed_on})"
