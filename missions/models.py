"""What happens around the recommendations: missions, visits, reports, trainings …"""

from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
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
        MISSION = "mission", _("Mission or study visit abroad")
        COUNTRY_VISIT = "country_visit", _("Country visit by a special procedure")
        NEEDS_ASSESSMENT = "needs_assessment", _("Needs assessment visit")
        PERIODIC_REPORT = "periodic_report", _("Report to a treaty body")
        TRAINING = "training", _("Training or seminar")
        DIALOGUE = "dialogue", _("Working group, meeting or dialogue")
        INVITATION = "invitation", _("Invitation extended")
        PROGRAMME = "programme", _("Programme or project")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    title = models.CharField(max_length=250, verbose_name=_("title"))
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(null=True, blank=True, verbose_name=_("end date"))
    date_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How exactly the sources date it: 'May 2009' is month precision."),
        verbose_name=_("date precision"),
    )
    place = models.CharField(max_length=250, blank=True, verbose_name=_("place"))
    country = models.ForeignKey(
        State,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="engagements_held",
        verbose_name=_("country"),
    )
    state_concerned = models.ForeignKey(
        State,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="engagements",
        help_text=_("The state whose recommendations this engagement is about."),
        verbose_name=_("state concerned"),
    )
    organisers = models.ManyToManyField(
        Institution, blank=True, related_name="organised", verbose_name=_("organisers")
    )
    funders = models.ManyToManyField(
        Institution, blank=True, related_name="funded", verbose_name=_("funders")
    )
    participants = models.ManyToManyField(
        Institution, blank=True, related_name="participated_in", verbose_name=_("participants")
    )
    participants_note = models.TextField(
        blank=True,
        help_text=_("People and groups taking part."),
        verbose_name=_("participants note"),
    )
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    outcomes = models.TextField(blank=True, verbose_name=_("outcomes"))
    mechanisms = models.ManyToManyField(
        Mechanism, blank=True, related_name="engagements", verbose_name=_("mechanisms")
    )
    recommendations = models.ManyToManyField(
        Recommendation, blank=True, related_name="engagements", verbose_name=_("recommendations")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="engagements", verbose_name=_("themes")
    )
    affected_groups = models.ManyToManyField(
        AffectedGroup,
        blank=True,
        related_name="engagements",
        help_text=_("Spotlight populations."),
        verbose_name=_("affected groups"),
    )
    thematic_pillars = models.TextField(
        blank=True, help_text=_("One per line."), verbose_name=_("thematic pillars")
    )
    budget_amount = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, verbose_name=_("budget amount")
    )
    budget_currency = models.CharField(max_length=3, blank=True, verbose_name=_("budget currency"))
    budget_period = models.CharField(
        max_length=40, blank=True, help_text=_("e.g. per year"), verbose_name=_("budget period")
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="engagements",
        help_text=_("The document that reports this engagement."),
        verbose_name=_("source"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
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
