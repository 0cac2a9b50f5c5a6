"""Implementation plans: what an action measures (indicators), the values reported for
them, and clusters of recommendations one plan answers together.

An indicator belongs to an action; its values go through the same workflow as progress
updates (``ReportedRecord``: draft → submitted → validated / returned) and only validated
values count. Each indicator is due at its ``next_report_date``, which moves on by its
frequency when a value is first submitted (``Indicator.following_report_date``; the
services do it). The rules between fields live here, as for actions, so that every door
refuses the same input with the same message.
"""

import calendar
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .progress import ImplementationAction, validate_assessment_date
from .reviews import Recommendation
from .taxonomy import Institution
from .workflow import ReportedRecord


def add_months(day: date, months: int) -> date:
    """``day`` ``months`` later, on the same day of the month or the month's last day
    (31 January + 1 month: 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Cluster(models.Model):
    """A named theme of work grouping recommendations, across mechanisms and cycles, so
    that one plan answers them together (OHCHR's clusters in NRTD)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Its name in addresses and filters.")
    )
    description = models.TextField(_("description"), blank=True)
    recommendations = models.ManyToManyField(
        Recommendation, related_name="clusters", blank=True, verbose_name=_("recommendations")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[recommendations])

    class Meta:
        ordering = ["name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [models.UniqueConstraint(Lower("name"), name="cluster_name_unique")]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """What an action's progress is measured by: a baseline, a target in a unit, and a
    value reported at a frequency by the institution (and person) responsible."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        YEARLY = "yearly", _("Yearly")
        ONCE = "once", _("Once")

    # How far each report moves the next report date (None: no further report).
    MONTHS_BETWEEN_REPORTS = {"monthly": 1, "quarterly": 3, "yearly": 12, "once": None}

    action = models.ForeignKey(
        ImplementationAction,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("action"),
    )
    name = models.CharField(
        _("what is measured"),
        max_length=250,
        help_text=_("e.g. Victims of trafficking referred to assistance"),
    )
    description = models.TextField(
        _("how it is measured"), blank=True, help_text=_("The definition and the data it uses.")
    )
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_("e.g. persons, %, cases")
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    frequency = models.CharField(
        _("frequency of reporting"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.YEARLY,
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("responsible institution"),
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators_responsible_for",
        verbose_name=_("person responsible"),
        help_text=_("Staff of the responsible institution; reminded of each report date."),
    )
    next_report_date = models.DateField(
        _("next report due"),
        null=True,
        blank=True,
        help_text=_("Moves on by the frequency when a value is submitted."),
    )
    is_demo = models.BooleanField(
        _("demo"), default=False, help_text=_("Demo data: an illustration, not an official record.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "name", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def clean(self):
        person = self.responsible_person
        if person is not None and self.institution_id is not None:
            profile = getattr(person, "profile", None)
            if profile is None or profile.institution_id != self.institution_id:
                raise ValidationError(
                    {
                        "responsible_person": _(
                            "The person responsible must be staff of the responsible institution."
                        )
                    }
                )

    def following_report_date(self) -> date | None:
        """The report date after the next one: one period on (None for a one-off
        indicator, or when no date is set)."""
        months = self.MONTHS_BETWEEN_REPORTS[self.frequency]
        if months is None or self.next_report_date is None:
            return None
        return add_months(self.next_report_date, months)


class IndicatorValue(ReportedRecord):
    """A value of an indicator, measured on a date, reported by an institution and, once
    validated by a coordinator, part of the record."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name=_("indicator")
    )
    measured_on = models.DateField(
        _("measured on"),
        help_text=_("The date the value speaks of."),
        validators=[validate_assessment_date],
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True)
    institution = models.ForeignKey(
        Institution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_values",
        verbose_name=_("institution"),
        help_text=_("The institution that reports the value."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="evidence/indicators/%Y/", blank=True
    )
    is_demo = models.BooleanField(
        _("demo"), default=False, help_text=_("Demo data: an illustration, not an official value.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "-measured_on", "-id"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.CheckConstraint(
                condition=~Q(workflow_state="validated") | Q(reviewed_at__isnull=False),
                name="validated_value_has_review_time",
            ),
            models.CheckConstraint(
                condition=~Q(workflow_state="returned") | ~Q(reviewer_comment=""),
                name="returned_value_has_comment",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.measured_on})"
