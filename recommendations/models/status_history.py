"""The compact history of each recommendation's status, for the measure as of a past day."""

from django.db import models
from django.db.models import F, Q

from .progress import ProgressUpdate
from .reviews import Recommendation, Status


class StatusChange(models.Model):
    """A recommendation had ``status`` from ``day`` (the assessment date of the validated
    update that set it) until ``until`` (the next change's day; None while it holds).

    One row per change, not per update: the measure as of a day reads the one row whose
    period holds that day instead of replaying every update. Derived from the validated
    updates by ``recommendations.statuses.recommendation_status_refresh``, never edited.
    """

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="status_changes"
    )
    day = models.DateField()
    until = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=25, choices=Status.choices)
    is_demo = models.BooleanField(default=False)
    update = models.ForeignKey(
        ProgressUpdate,
        # Rewritten with the recommendation's history in the transaction that deletes an
        # update; the database refuses a commit that forgot to (checked at commit).
        on_delete=models.DO_NOTHING,
        related_name="+",
    )

    class Meta:
        ordering = ["recommendation", "day"]
        indexes = [
            # The over-time series reads every change of a set of recommendations.
            models.Index(fields=["day", "recommendation"], name="status_change_day"),
            # Whether a series counts a demo assessment: found at once, or at once not found
            # where there is none (a real deployment's history, read without a scan).
            models.Index(
                fields=["recommendation"], condition=Q(is_demo=True), name="status_change_demo"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "day"], name="one_status_change_per_day"
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=F("day")),
                name="status_change_until_after_day",
            ),
        ]

    def __str__(self):
        return f"{self.recommendation_id}: {self.get_status_display()} from {self.day}"


class FiguresVersion(models.Model):
    """The generation of the figures: one row whose number every change of a validated
    update adds one to (``caching.statuses_changed``), in that change's transaction.
    Cached figures are keyed by it (``caching.figures_version``), so none outlives the
    data it counted. ``catalogue_generation`` moves with every other change of what the
    figures show (``caching.figures_changed``: a renamed theme, a bulk load), not with
    validations: what names and lists the recommendations without counting their
    statuses (the filters' options) is kept by it across validations."""

    generation = models.BigIntegerField(default=0)
    catalogue_generation = models.BigIntegerField(default=0)

    def __str__(self):
        return f"figures generation {self.generation}"
