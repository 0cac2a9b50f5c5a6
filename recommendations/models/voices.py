"""Voices beside the government's: independent assessments by national human-rights
institutions and NGOs, and comments from the public. Neither changes a recommendation's
official status or the measure: both are shown beside it, once a coordinator has
published (or approved) them (``recommendations.voices``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .progress import validate_assessment_date
from .reviews import Recommendation, Status
from .taxonomy import Institution


class IndependentAssessment(models.Model):
    """An NHRI's or NGO's own assessment of how far a recommendation is implemented, on
    the same scale as the official status: submitted by a contributor, then published or
    declined (with the reason) by a coordinator."""

    class ModerationState(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.PROTECT,
        related_name="independent_assessments",
        verbose_name=_("recommendation"),
    )
    organisation = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="independent_assessments",
        verbose_name=_("organisation"),
        help_text=_("The national human-rights institution or NGO whose assessment this is."),
    )
    status = models.CharField(_("status"), max_length=25, choices=Status.choices)
    assessed_on = models.DateField(
        _("assessed on"),
        help_text=_("The date the assessment speaks of."),
        validators=[validate_assessment_date],
    )
    narrative = models.TextField(_("assessment"))
    sources = models.TextField(
        _("sources"),
        help_text=_(
            "The reports, articles or documents it rests on: one a line, a link or a citation."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    moderation_state = models.CharField(
        _("moderation"),
        max_length=10,
        choices=ModerationState.choices,
        default=ModerationState.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("independent assessment")
        verbose_name_plural = _("independent assessments")
        ordering = ["recommendation", "-assessed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(moderation_state="declined") | ~Q(decline_reason=""),
                name="declined_assessment_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(moderation_state="published") | Q(decided_at__isnull=False),
                name="published_assessment_has_decision_time",
            ),
        ]

    def __str__(self):
        return (
            f"{self.organisation} on {self.recommendation.reference}: {self.get_status_display()}"
        )

    @property
    def source_lines(self) -> list[str]:
        """The sources, one per line, blank lines dropped."""
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class PublicComment(models.Model):
    """A comment from anyone on a published recommendation, shown once a coordinator
    approves it. The e-mail address is for the coordinators only, never shown."""

    class ModerationState(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="public_comments",
        verbose_name=_("recommendation"),
    )
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mail"), help_text=_("For the coordinators only, never shown on the site.")
    )
    comment = models.TextField(_("comment"), max_length=5000)
    moderation_state = models.CharField(
        _("moderation"),
        max_length=10,
        choices=ModerationState.choices,
        default=ModerationState.PENDING,
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["recommendation", "submitted_at", "id"]

    def __str__(self):
        return f"{self.name} on {self.recommendation.reference}"
