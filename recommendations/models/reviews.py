"""A review of one state by one mechanism, and the recommendations it produced."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .sources import Source
from .taxonomy import AffectedGroup, Institution, Mechanism, SdgGoal, SdgTarget, State, Theme


class ReviewCycle(models.Model):
    """One review of one state by one mechanism (for the UPR: one cycle)."""

    state_under_review = models.ForeignKey(State, on_delete=models.PROTECT, related_name="reviews")
    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="reviews")
    cycle = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="UPR cycle number (1–4); empty for other mechanisms."
    )
    session = models.CharField("Working Group session", max_length=40, blank=True)
    document_symbol = models.CharField(max_length=60, blank=True, help_text="e.g. A/HRC/15/16")
    review_date = models.DateField(null=True, blank=True)
    adoption_date = models.DateField("outcome adopted", null=True, blank=True)
    midterm_report_due = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    government_reported_supported = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many recommendations the government itself says it accepted, "
        "kept beside the count the responses give.",
    )
    government_reported_source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews_reported",
        help_text="The document in which the government gives that count.",
    )
    notes = models.TextField(blank=True)
    published_from = models.DateField(
        _("public from"),
        null=True,
        blank=True,
        help_text=_(
            "The day from which anonymous visitors read this review (its recommendations, "
            "validated statuses, published assessments and comments); empty: not published. "
            "Set with Publish and Unpublish (recommendations.publication)."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["state_under_review__name", "mechanism__code", "cycle", "review_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["state_under_review", "mechanism", "cycle"],
                name="one_review_per_state_mechanism_cycle",
            ),
            models.CheckConstraint(
                condition=Q(cycle__isnull=True) | Q(cycle__gte=1, cycle__lte=9),
                name="review_cycle_number_positive",
            ),
            models.CheckConstraint(
                condition=Q(adoption_date__isnull=True)
                | Q(review_date__isnull=True)
                | Q(adoption_date__gte=F("review_date")),
                name="review_adopted_after_review",
            ),
            models.CheckConstraint(
                condition=Q(next_review_due__isnull=True)
                | Q(review_date__isnull=True)
                | Q(next_review_due__gt=F("review_date")),
                name="review_next_after_review",
            ),
            models.CheckConstraint(
                condition=Q(midterm_report_due__isnull=True)
                | Q(review_date__isnull=True)
                | Q(midterm_report_due__gt=F("review_date")),
                name="review_midterm_after_review",
            ),
        ]

    def __str__(self):
        if self.cycle:
            year = f" ({self.review_date.year})" if self.review_date else ""
            return f"{self.state_under_review} — {self.mechanism} cycle {self.cycle}{year}"
        held = date_format(self.review_date) if self.review_date else ""
        return f"{self.state_under_review} — {self.mechanism} {held}".strip()

    @property
    def is_published(self) -> bool:
        """Whether anonymous visitors read the review today (``published_from`` reached)."""
        return self.published_from is not None and self.published_from <= timezone.localdate()


class Position(models.TextChoices):
    """The position the state under review took on a recommendation."""

    SUPPORTED = "supported", "Supported"
    PARTIALLY_SUPPORTED = "partially_supported", "Partially supported"
    NOTED = "noted", "Noted"
    PENDING = "pending", "Pending"


# The measure counts a recommendation as supported when the state committed to
# it, wholly or in part: "75 of 93 accepted" counts the one accepted in part.
SUPPORTED_POSITIONS = (Position.SUPPORTED, Position.PARTIALLY_SUPPORTED)


class Status(models.TextChoices):
    """How far a recommendation is implemented, as a validated update assesses it."""

    IMPLEMENTED = "implemented", "Implemented"
    PARTIALLY_IMPLEMENTED = "partially_implemented", "Partially implemented"
    IN_PROGRESS = "in_progress", "In progress"
    NOT_STARTED = "not_started", "Not started"
    NOT_IMPLEMENTED = "not_implemented", "Not implemented"


# UPR Info's action categories: how specific the action a recommendation asks for is (its
# database's classification, 1 = minimal … 5 = specific action), not how far it is done.
ACTION_CATEGORIES = {
    1: (
        "Minimal action",
        "addressed to states other than the one under review, or asking it to request "
        "financial or technical assistance or to share information",
    ),
    2: ("Continuing action", "asks it to continue what it does (“continue”, “maintain”)"),
    3: ("Considering action", "asks it to consider a change (“consider”, “envisage”)"),
    4: (
        "General action",
        "asks for action in general terms (“take measures”, “ensure”, “promote”)",
    ),
    5: ("Specific action", "asks for a specific action (“adopt a law”, “ratify”)"),
}


class Recommendation(models.Model):
    """One recommendation (a paragraph of the outcome report) of one review."""

    review = models.ForeignKey(
        ReviewCycle, on_delete=models.PROTECT, related_name="recommendations"
    )
    reference = models.CharField(max_length=40, help_text="Paragraph of the report, e.g. 97.12")
    sort_key = models.CharField(max_length=80, editable=False, db_index=True)
    text = models.TextField()
    recommending_states = models.ManyToManyField(
        State, blank=True, related_name="recommendations_made"
    )
    position = models.CharField(max_length=20, choices=Position.choices, default=Position.PENDING)
    position_source = models.CharField(
        max_length=250, blank=True, help_text="Where the position comes from."
    )
    position_at_review = models.CharField(
        max_length=20,
        choices=Position.choices,
        blank=True,
        help_text="The position announced at the review itself, before the final responses.",
    )
    position_explanation = models.TextField(blank=True)
    accepted_part = models.TextField(
        blank=True,
        help_text="Supported in part: what the state accepted (e.g. to ratify the Convention).",
    )
    noted_part = models.TextField(
        blank=True,
        help_text="Supported in part: what the state noted (e.g. its Optional Protocol).",
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations")
    affected_groups = models.ManyToManyField(
        AffectedGroup, blank=True, related_name="recommendations"
    )
    sdg_goals = models.ManyToManyField(SdgGoal, blank=True, related_name="recommendations")
    sdg_targets = models.ManyToManyField(
        SdgTarget,
        blank=True,
        related_name="recommendations",
        help_text="A target's goal is among the SDG goals too.",
    )
    # Typed by hand: the checker cannot follow a through model named by a string.
    institutions: "models.ManyToManyField[Institution, Responsibility]" = models.ManyToManyField(
        Institution, through="Responsibility", blank=True, related_name="recommendations"
    )
    action_category = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="UPR Info's action category: how specific the action asked for is, from 1 "
        "(minimal action) through 2 (continuing), 3 (considering) and 4 (general) to 5 "
        "(specific action). Not a measure of implementation.",
    )
    repeats = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeated_by",
        help_text="The recommendation of an earlier cycle this one repeats.",
    )
    ohchr_annotation_id = models.CharField(
        "OHCHR annotation id",
        max_length=64,
        blank=True,
        help_text="The record's identity in OHCHR's Universal Human Rights Index: a newer "
        "export updates the recommendation with the same id.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "reference"], name="recommendation_reference_unique_in_review"
            ),
            # An Index record concerning several states is one recommendation in each state's
            # review: the id is unique within a review, not across the database.
            models.UniqueConstraint(
                fields=["review", "ohchr_annotation_id"],
                condition=~Q(ohchr_annotation_id=""),
                name="recommendation_annotation_unique_in_review",
            ),
            models.CheckConstraint(
                condition=Q(action_category__isnull=True)
                | Q(action_category__gte=1, action_category__lte=5),
                name="recommendation_action_category_1_to_5",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="recommendation_text_not_empty"),
        ]

    def __str__(self):
        return f"{self.reference} {self.text[:80]}"

    def save(self, *args, **kwargs):
        # Sorting "97.10" after "97.9" needs the numbers padded; derived, never typed.
        self.sort_key = reference_sort_key(self.reference)
        super().save(*args, **kwargs)

    def clean(self):
        """What was accepted and what noted belong to a recommendation supported in part."""
        if self.position != Position.PARTIALLY_SUPPORTED:
            errors = {
                name: "Only a recommendation supported in part has an accepted and a noted part."
                for name in ("accepted_part", "noted_part")
                if getattr(self, name)
            }
            if errors:
                raise ValidationError(errors)

    @property
    def action_category_in_words(self) -> tuple[str, str] | None:
        """UPR Info's name and meaning of the action category (``ACTION_CATEGORIES``)."""
        if self.action_category is None:
            return None
        return ACTION_CATEGORIES.get(self.action_category)

    @property
    def position_in_words(self) -> str:
        """The position as a reader needs it: 'Supported in part: accepted “…”; noted “…”'
        where the parts are recorded, else the position's name."""
        if self.position != Position.PARTIALLY_SUPPORTED:
            return str(Position(self.position).label)
        parts = [
            f"{verb} “{part}”"
            for verb, part in (("accepted", self.accepted_part), ("noted", self.noted_part))
            if part
        ]
        return "Supported in part: " + "; ".join(parts) if parts else "Supported in part"


def reference_sort_key(reference: str) -> str:
    """'97.9' -> '00097.00009' so that references sort as numbers do."""
    parts = reference.replace("..", ".").split(".")
    return ".".join(part.zfill(5) if part.isdigit() else part for part in parts if part)


class Responsibility(models.Model):
    """An institution answerable for a recommendation: one lead, others supporting."""

    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        SUPPORTING = "supporting", "Supporting"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="responsibilities"
    )
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="responsibilities"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.LEAD)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "responsibilities"
        # Not by recommendation: that would join and sort by its review on every prefetch.
        ordering = ["role", "institution__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "institution"], name="one_responsibility_per_institution"
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(role="lead"),
                name="one_lead_institution_per_recommendation",
            ),
        ]

    def __str__(self):
        return f"{self.institution} ({self.get_role_display()})"
