"""What happens around the recommendations: missions, visits, reports, trainings …"""

from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from simple_history.models import HistoricalRecords

from recommendations.models import (
    AffectedGroup,
    Institution,
    Mechanism,
    Recommendation,
    Source,
    State,
    Theme,
)


class Engagement(models.Model):
    class Kind(models.TextChoices):
        MISSION = "mission", "Mission or study visit abroad"
        COUNTRY_VISIT = "country_visit", "Country visit by a special procedure"
        NEEDS_ASSESSMENT = "needs_assessment", "Needs assessment visit"
        PERIODIC_REPORT = "periodic_report", "Report to a treaty body"
        TRAINING = "training", "Training or seminar"
        DIALOGUE = "dialogue", "Working group, meeting or dialogue"
        INVITATION = "invitation", "Invitation extended"
        PROGRAMME = "programme", "Programme or project"

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=250)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How exactly the sources date it: 'May 2009' is month precision.",
    )
    place = models.CharField(max_length=250, blank=True)
    country = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="engagements_held"
    )
    state_concerned = models.ForeignKey(
        State,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="engagements",
        help_text="The state whose recommendations this engagement is about.",
    )
    organisers = models.ManyToManyField(Institution, blank=True, related_name="organised")
    funders = models.ManyToManyField(Institution, blank=True, related_name="funded")
    participants = models.ManyToManyField(Institution, blank=True, related_name="participated_in")
    participants_note = models.TextField(blank=True, help_text="People and groups taking part.")
    summary = models.TextField(blank=True)
    outcomes = models.TextField(blank=True)
    mechanisms = models.ManyToManyField(Mechanism, blank=True, related_name="engagements")
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="engagements")
    themes = models.ManyToManyField(Theme, blank=True, related_name="engagements")
    affected_groups = models.ManyToManyField(
        AffectedGroup,
        blank=True,
        related_name="engagements",
        help_text="Spotlight populations.",
    )
    thematic_pillars = models.TextField(blank=True, help_text="One per line.")
    budget_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(max_length=3, blank=True)
    budget_period = models.CharField(max_length=40, blank=True, help_text="e.g. per year")
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="engagements",
        help_text="The document that reports this engagement.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="engagement_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | Q(budget_amount__gte=0),
                name="engagement_budget_not_negative",
            ),
            models.UniqueConstraint(
                fields=["kind", "title", "start_date"], name="engagement_unique_kind_title_date"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({date_format(self.start_date, 'YEAR_MONTH_FORMAT')})"

    @property
    def when(self) -> str:
        """The dates as precisely as the sources give them, in the active language's
        formats: '14 Dec 2015 – 17 Dec 2015', 'May 2009', '2009'."""
        formats = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}
        start = date_format(self.start_date, formats[self.date_precision])
        if not self.end_date or self.end_date == self.start_date:
            return start
        end = date_format(self.end_date, formats[self.date_precision])
        return start if start == end else f"{start} – {end}"

    @property
    def pillars(self) -> list[str]:
        return [line.strip() for line in self.thematic_pillars.splitlines() if line.strip()]
