"""The steps of the workflow every reported record follows (``models.ReportedRecord``:
progress updates and indicator values), once for all of them.

draft → submitted → validated, or → returned (with the coordinator's comment) →
resubmitted → … Each step checks the state it starts from and stamps who and when; it
does not save and does not ask who may take it: the services ask ``rules`` first, then
take the step and save with ``save`` (which validates and records the history's author).
"""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import ReportedRecord, WorkflowState

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

# Written by the steps below only, never as content.
WORKFLOW_FIELDS = frozenset(
    {"workflow_state", "submitted_at", "reviewed_by", "reviewed_at", "reviewer_comment"}
)
# What a record is called in a refusal ("A draft update cannot be validated.").
RECORD_NAMES = {"progressupdate": _("update"), "indicatorvalue": _("indicator value")}


class TransitionError(ValidationError):
    """A workflow step that the record's current state does not allow."""


def require(allowed: bool, message: "_StrOrPromise"):
    """PermissionDenied with ``message`` unless ``allowed`` (the rules' answer)."""
    if not allowed:
        raise PermissionDenied(message)


def save(record, user):
    """Validate (``full_clean``) and save, the history recording ``user`` as the author
    of the change, also outside a request (commands, tests)."""
    record.full_clean()
    record._history_user = user
    record.save()
    return record


def refuse_workflow_fields(fields) -> None:
    """A ValidationError naming each workflow field among ``fields`` (content edits
    never move a record through the workflow)."""
    workflow = WORKFLOW_FIELDS & set(fields)
    if workflow:
        message = gettext("Changes only through the workflow steps.")
        raise ValidationError({name: message for name in workflow})


def _move(record: ReportedRecord, expected: tuple[str, ...], target: str):
    if record.workflow_state not in expected:
        raise TransitionError(
            gettext("A %(state)s %(record)s cannot be %(step)s.")
            % {
                "state": record.get_workflow_state_display().lower(),
                "record": RECORD_NAMES.get(str(record._meta.model_name))
                or record._meta.verbose_name,
                "step": WorkflowState(target).label.lower(),
            }
        )
    record.workflow_state = target


def submit(record: ReportedRecord) -> bool:
    """Draft or returned → submitted, stamped now. True when this is the record's first
    submission (a returned record resubmitted was submitted before)."""
    first = record.submitted_at is None
    _move(record, (WorkflowState.DRAFT, WorkflowState.RETURNED), WorkflowState.SUBMITTED)
    record.submitted_at = timezone.now()
    return first


def validate(record: ReportedRecord, *, user) -> None:
    """Submitted → validated by ``user``, now: from then on the record counts."""
    _move(record, (WorkflowState.SUBMITTED,), WorkflowState.VALIDATED)
    record.reviewed_by = user
    record.reviewed_at = timezone.now()


def give_back(record: ReportedRecord, *, user, comment: str) -> None:
    """Submitted → returned by ``user`` with ``comment`` (required: what must change)."""
    if not comment or not comment.strip():
        raise ValidationError({"reviewer_comment": gettext("Say what needs to change.")})
    _move(record, (WorkflowState.SUBMITTED,), WorkflowState.RETURNED)
    record.reviewer_comment = comment.strip()
    record.reviewed_by = user
    record.reviewed_at = timezone.now()
