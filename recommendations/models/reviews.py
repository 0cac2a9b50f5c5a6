"""A review of one state by one mechanism, and the recommendations it produced."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .sources import Source
from .taxonomy import AffectedGroup, Institution, Mechanism, SdgGoal, SdgTarget, State, Theme


class ReviewCycle(models.Model):
    """One review of one state by one mechanism (for the UPR: one cycle)."""

    state_under_review = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("state under review"),
    )
    mechanism = models.ForeignKey(
        Mechanism, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("mechanism")
    )
    cycle = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("UPR cycle number (1–4); empty for other mechanisms."),
        verbose_name=_("cycle"),
    )
    session = models.CharField(_("Working Group session"), max_length=40, blank=True)
    document_symbol = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("e.g. A/HRC/15/16"),
        verbose_name=_("document symbol"),
    )
    review_date = models.DateField(null=True, blank=True, verbose_name=_("review date"))
    adoption_date = models.DateField(_("outcome adopted"), null=True, blank=True)
    midterm_report_due = models.DateField(
        null=True, blank=True, verbose_name=_("midterm report due")
    )
    next_review_due = models.DateField(null=True, blank=True, verbose_name=_("next review due"))
    government_reported_supported = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "How many recommendations the government itself says it accepted, "
            "kept beside the count the responses give."
        ),
        verbose_name=_("government reported supported"),
    )
    government_reported_source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews_reported",
        help_text=_("The document in which the government gives that count."),
        verbose_name=_("government reported source"),
    )
    notes = models.TextField(blank=True, verbose_name=_("notes"))
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
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")
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
        names = {"state": self.state_under_review, "mechanism": self.mechanism}
        if self.cycle and self.review_date:
            return gettext("%(state)s — %(mechanism)s cycle %(cycle)s (%(year)s)") % {
                **names,
                "cycle": self.cycle,
                "year": self.review_date.year,
            }
        if self.cycle:
            return gettext("%(state)s — %(mechanism)s cycle %(cycle)s") % {
                **names,
                "cycle": self.cycle,
            }
        held = date_format(self.review_date) if self.review_date else ""
        return f"{self.state_under_review} — {self.mechanism} {held}".strip()

    @property
    def is_published(self) -> bool:
        """Whether anonymous visitors read the review today (``published_from`` reached)."""
        return self.published_from is not None and self.published_from <= timezone.localdate()


class Position(models.TextChoices):
    """The position the state under review took on a recommendation."""

    SUPPORTED = "supported", _("Supported")
    PARTIALLY_SUPPORTED = "partially_supported", _("Partially supported")
    NOTED = "noted", _("Noted")
    PENDING = "pending", _("Pending")


# The measure counts a recommendation as supported when the state committed to
# it, wholly or in part: "75 of 93 accepted" counts the one accepted in part.
SUPPORTED_POSITIONS = (Position.SUPPORTED, Position.PARTIALLY_SUPPORTED)


class Status(models.TextChoices):
    """How far a recommendation is implemented, as a validated update assesses it."""

    IMPLEMENTED = "implemented", _("Implemented")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
    IN_PROGRESS = "in_progress", _("In progress")
    NOT_STARTED = "not_started", _("Not started")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")


# UPR Info's action categories: how specific the action a recommendation asks for is (its
# database's classification, 1 = minimal … 5 = specific action), not how far it is done.
ACTION_CATEGORIES = {
    1: (
        _("Minimal action"),
        _(
            "addressed to states other than the one under review, or asking it to request "
            "financial or technical assistance or to share information"
        ),
    ),
    2: (
        _("Continuing action"),
        _("asks it to continue what it does (“continue”, “maintain”)"),
    ),
    3: (_("Considering action"), _("asks it to consider a change (“consider”, “envisage”)")),
    4: (
        _("General action"),
        _("asks for action in general terms (“take measures”, “ensure”, “promote”)"),
    ),
    5: (_("Specific action"), _("asks for a specific action (“adopt a law”, “ratify”)")),
}


# Derived from other tables by their own maintainers, never written by ``save`` (nor kept
# in the history: the validated updates and the status changes are).
MAINTAINED_FIELDS = ("status", "status_on", "status_update", "status_from_demo", "search_vector")


class RecommendationManager(models.Manager):
    def get_queryset(self):
        # The search vector serves the database's full-text index and is never read here:
        # not fetched with every row (it is about as long as the text).
        return super().get_queryset().defer("search_vector")


class Recommendation(models.Model):
    """One recommendation (a paragraph of the outcome report) of one review."""

    review = models.ForeignKey(
        ReviewCycle,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("review"),
    )
    reference = models.CharField(
        max_length=40,
        help_text=_("Paragraph of the report, e.g. 97.12"),
        verbose_name=_("reference"),
    )
    sort_key = models.CharField(
        max_length=80, editable=False, db_index=True, verbose_name=_("sort key")
    )
    text = models.TextField(verbose_name=_("text"))
    recommending_states = models.ManyToManyField(
        State,
        blank=True,
        related_name="recommendations_made",
        verbose_name=_("recommending states"),
    )
    position = models.CharField(
        max_length=20,
        choices=Position.choices,
        default=Position.PENDING,
        verbose_name=_("position"),
    )
    position_source = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Where the position comes from."),
        verbose_name=_("position source"),
    )
    position_at_review = models.CharField(
        max_length=20,
        choices=Position.choices,
        blank=True,
        help_text=_("The position announced at the review itself, before the final responses."),
        verbose_name=_("position at review"),
    )
    position_explanation = models.TextField(blank=True, verbose_name=_("position explanation"))
    accepted_part = models.TextField(
        blank=True,
        help_text=_("Supported in part: what the state accepted (e.g. to ratify the Convention)."),
        verbose_name=_("accepted part"),
    )
    noted_part = models.TextField(
        blank=True,
        help_text=_("Supported in part: what the state noted (e.g. its Optional Protocol)."),
        verbose_name=_("noted part"),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="recommendations", verbose_name=_("themes")
    )
    affected_groups = models.ManyToManyField(
        AffectedGroup, blank=True, related_name="recommendations", verbose_name=_("affected groups")
    )
    sdg_goals = models.ManyToManyField(
        SdgGoal, blank=True, related_name="recommendations", verbose_name=_("sdg goals")
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget,
        blank=True,
        related_name="recommendations",
        help_text=_("A target's goal is among the SDG goals too."),
        verbose_name=_("sdg targets"),
    )
    # Typed by hand: the checker cannot follow a through model named by a string.
    institutions: "models.ManyToManyField[Institution, Responsibility]" = models.ManyToManyField(
        Institution,
        through="Responsibility",
        blank=True,
        related_name="recommendations",
        verbose_name=_("institutions"),
    )
    action_category = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_(
            "UPR Info's action category: how specific the action asked for is, from 1 "
            "(minimal action) through 2 (continuing), 3 (considering) and 4 (general) to 5 "
            "(specific action). Not a measure of implementation."
        ),
        verbose_name=_("action category"),
    )
    repeats = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeated_by",
        help_text=_("The recommendation of an earlier cycle this one repeats."),
        verbose_name=_("repeats"),
    )
    ohchr_annotation_id = models.CharField(
        _("OHCHR annotation id"),
        max_length=64,
        blank=True,
        help_text=_(
            "The record's identity in OHCHR's Universal Human Rights Index: a newer "
            "export updates the recommendation with the same id."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, db_index=True, verbose_name=_("updated at"))

    # The current status, maintained from the validated updates by
    # ``recommendations.statuses.recommendation_status_refresh`` in the transaction of
    # every step that changes them: derived, never content (see MAINTAINED_FIELDS).
    status = models.CharField(
        max_length=25,
        choices=Status.choices,
        default=Status.NOT_STARTED,
        editable=False,
        help_text="That of the latest validated progress update (not started without one).",
    )
    status_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The date the latest validated update's assessment speaks of.",
    )
    status_update = models.ForeignKey(
        "ProgressUpdate",
        null=True,
        blank=True,
        editable=False,
        # A deleted update must be followed by a refresh in the same transaction: the
        # database refuses the commit otherwise (the constraint is checked at commit).
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,  # never looked up by it
        help_text="The validated update the status comes from.",
    )
    status_from_demo = models.BooleanField(
        default=False, editable=False, help_text="The status comes from a demo update."
    )
    # Full-text search on PostgreSQL (``recommendations.search``): filled by a trigger
    # from the reference and the text; empty on other databases.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=[
            "status",
            "status_on",
            "status_update",
            "status_from_demo",
            "search_vector",
        ]
    )
    objects = RecommendationManager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["review", "sort_key"]
        indexes = [
            models.Index(fields=["status", "position"], name="recommendation_status"),
            # The API's order (review, paragraph) walks an index.
            models.Index(fields=["review", "sort_key"], name="recommendation_review_order"),
            # The measure reads only these columns: counted from an index (index-only
            # scans), not from the rows with their texts (PostgreSQL also keeps them by
            # id, for counts joined to themes or institutions: migration 0013).
            models.Index(
                fields=["review", "position", "status", "status_from_demo"],
                name="recommendation_review_counts",
            ),
            # ``search`` also matches a reference exactly, whatever its case. (PostgreSQL
            # also indexes the search vector and the latest update's date: migration 0012.)
            models.Index(Upper("reference"), name="recommendation_reference_upper"),
        ]
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
        if not self._state.adding and kwargs.get("update_fields") is None:
            # An edit (a form, the API, the importer, a revert) never writes back the
            # maintained fields it read: a validation may have changed them meanwhile.
            kwargs["update_fields"] = EDITABLE_COLUMNS
        super().save(*args, **kwargs)

    def clean(self):
        """What was accepted and what noted belong to a recommendation supported in part."""
        if self.position != Position.PARTIALLY_SUPPORTED:
            errors = {
                name: _("Only a recommendation supported in part has an accepted and a noted part.")
                for name in ("accepted_part", "noted_part")
                if getattr(self, name)
            }
            if errors:
                raise ValidationError(errors)

    @property
    def original_language(self) -> str:
        """The language of ``text`` (the UN report's, as imported)."""
        from .texts import ORIGINAL_LANGUAGE

        return ORIGINAL_LANGUAGE

    def text_in(self, language: str | None):
        """The text in ``language`` if recorded, else the original (``texts.text_in``)."""
        from .texts import text_in

        return text_in(self, language)

    @property
    def action_category_in_words(self) -> tuple[str, str] | None:
        """UPR Info's name and meaning of the action category (``ACTION_CATEGORIES``)."""
        if self.action_category is None:
            return None
        words = ACTION_CATEGORIES.get(self.action_category)
        return None if words is None else (str(words[0]), str(words[1]))

    @property
    def position_in_words(self) -> str:
        """The position as a reader needs it: 'Supported in part: accepted “…”; noted “…”'
        where the parts are recorded, else the position's name."""
        if self.position != Position.PARTIALLY_SUPPORTED:
            return str(Position(self.position).label)
        parts = [
            verb % {"part": part}
            for verb, part in (
                (gettext("accepted “%(part)s”"), self.accepted_part),
                (gettext("noted “%(part)s”"), self.noted_part),
            )
            if part
        ]
        if not parts:
            return gettext("Supported in part")
        return gettext("Supported in part: %(parts)s") % {"parts": "; ".join(parts)}


EDITABLE_COLUMNS = [
    field.name
    for field in Recommendation._meta.concrete_fields
    if not field.primary_key and field.name not in MAINTAINED_FIELDS
]


def reference_sort_key(reference: str) -> str:
    """'97.9' -> '00097.00009' so that references sort as numbers do."""
    parts = reference.replace("..", ".").split(".")
    return ".".join(part.zfill(5) if part.isdigit() else part for part in parts if part)


class Responsibility(models.Model):
    """An institution answerable for a recommendation: one lead, others supporting."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        SUPPORTING = "supporting", _("Supporting")

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="responsibilities",
        verbose_name=_("recommendation"),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="responsibilities",
        verbose_name=_("institution"),
    )
    role = models.CharField(
        max_length=10, choices=Role.choices, default=Role.LEAD, verbose_name=_("role")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        # Not by recommendation: that would join and sort by its review on every prefetch.
        ordering = ["role", "institution__name"]
        indexes = [
            # An institution's recommendations (its page, its row of a breakdown).
            models.Index(
                fields=["institution", "role", "recommendation"],
                name="responsibility_of_institution",
            ),
        ]
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
