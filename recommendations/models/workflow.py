"""The workflow every reported record goes through: progress updates and indicator values.

draft → submitted → validated, or → returned (with the coordinator's comment) → resubmitted
→ … The states and the fields that record each step live here once; the steps themselves
are ``recommendations.workflow`` (called by the services), and who may take them is
``recommendations.rules``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkflowState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VALIDATED = "validated", _("Validated")
    RETURNED = "returned", _("Returned")


class ReportedRecord(models.Model):
    """What an institution reports and a coordinator validates or returns. Only a
    validated record counts; the fields below are written by the workflow steps only."""

    WorkflowState = WorkflowState

    # No verbose names given: the progress updates' fields, moved here as they were (a
    # name given would be a migration of that table).
    workflow_state = models.CharField(
        max_length=10, choices=WorkflowState.choices, default=WorkflowState.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_comment = models.TextField(blank=True)
    # Each concrete record names the institution that reports it (for the type checker;
    # an annotation alone adds no field).
    institution_id: int

    class Meta:
        abstract = True
