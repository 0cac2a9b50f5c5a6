"""Writes with rules: the progress-update workflow, implementation actions and
the institutions responsible for a recommendation.

draft → submitted → validated, or → returned (with the coordinator's comment)
→ resubmitted → … Only a validated update changes a recommendation's status
and the dashboards. Each transition records who and when (and the history
keeps every earlier version). The pages, the admin and the API call these
functions; none of them changes ``workflow_state`` by hand.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from . import rules
from .models import ImplementationAction, ProgressUpdate, Recommendation, Responsibility

State = ProgressUpdate.WorkflowState


class TransitionError(ValidationError):
    """A workflow step that the update's current state does not allow."""


def _require(allowed: bool, message: str):
    if not allowed:
        raise PermissionDenied(message)


def _move(update: ProgressUpdate, expected: tuple[str, ...], target: str):
    if update.workflow_state not in expected:
        raise TransitionError(
            f"A {update.get_workflow_state_display().lower()} update cannot be "
            f"{State(target).label.lower()}."
        )
    update.workflow_state = target


@transaction.atomic
def progress_update_create(*, user, recommendation, **fields) -> ProgressUpdate:
    """Create a draft update on a recommendation the user may report on.

    ``fields`` are the model's editable fields (status, assessed_on, narrative,
    source, evidence_url, evidence_file). The update belongs to the user's
    institution (for a coordinator: the recommendation's lead, if any).
    Raises PermissionDenied or ValidationError; nothing is saved then.
    """
    _require(
        rules.may_report_on(user, recommendation), "You may not report on this recommendation."
    )
    institution = rules.institution_of(user)
    if institution is None:
        lead = recommendation.responsibilities.filter(role="lead").first()
        institution = lead.institution if lead else None
    update = ProgressUpdate(
        recommendation=recommendation,
        institution=institution,
        author=user,
        workflow_state=State.DRAFT,
        **fields,
    )
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def progress_update_edit(*, user, update: ProgressUpdate, **fields) -> ProgressUpdate:
    """Change a draft or returned update's content (not its workflow state)."""
    _require(rules.may_change_update(user, update), "You may not change this update.")
    if update.workflow_state not in (State.DRAFT, State.RETURNED) and not rules.is_coordinator(
        user
    ):
        raise TransitionError("Only a draft or returned update can be edited.")
    for name, value in fields.items():
        setattr(update, name, value)
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def progress_update_submit(*, user, update: ProgressUpdate) -> ProgressUpdate:
    """Send a draft (or a returned update, corrected) to the coordinators."""
    _require(rules.may_change_update(user, update), "You may not submit this update.")
    _move(update, (State.DRAFT, State.RETURNED), State.SUBMITTED)
    update.submitted_at = timezone.now()
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def progress_update_validate(*, user, update: ProgressUpdate) -> ProgressUpdate:
    """Accept a submitted update: from now on it counts in the measure."""
    _require(rules.may_validate(user), "Only a coordinator may validate updates.")
    _move(update, (State.SUBMITTED,), State.VALIDATED)
    update.reviewed_by = user
    update.reviewed_at = timezone.now()
    update.full_clean()
    update.save()
    # The recommendation's status changed: clients syncing with ?updated_since= see it.
    Recommendation.objects.filter(pk=update.recommendation_id).update(updated_at=update.reviewed_at)
    return update


@transaction.atomic
def progress_update_return(*, user, update: ProgressUpdate, comment: str) -> ProgressUpdate:
    """Send a submitted update back to its institution with the coordinator's comment."""
    _require(rules.may_validate(user), "Only a coordinator may return updates.")
    if not comment or not comment.strip():
        raise ValidationError({"reviewer_comment": "Say what needs to change."})
    _move(update, (State.SUBMITTED,), State.RETURNED)
    update.reviewer_comment = comment.strip()
    update.reviewed_by = user
    update.reviewed_at = timezone.now()
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def implementation_action_create(*, user, recommendations, **fields) -> ImplementationAction:
    """Record an action (``fields``: the model's editable fields) serving ``recommendations``.

    Ministry staff record their own institution's actions for recommendations it
    is responsible for; coordinators any (``rules.may_record_action``). An action
    serves at least one recommendation. Raises PermissionDenied or
    ValidationError; nothing is saved then.
    """
    _require(
        rules.may_record_action(user, fields.get("institution"), recommendations),
        "You may record actions only of your institution, for its recommendations.",
    )
    action = ImplementationAction(created_by=user, **fields)
    _check_action(action, recommendations)
    action.save()
    action.recommendations.set(recommendations)
    return action


@transaction.atomic
def implementation_action_edit(
    *, user, action: ImplementationAction, recommendations=None, **fields
) -> ImplementationAction:
    """Change an action the user may change (``rules.may_change_action``); with
    ``recommendations`` also the recommendations it serves. The same rules as
    ``implementation_action_create`` hold for the result."""
    _require(rules.may_change_action(user, action), "You may not change this action.")
    for name, value in fields.items():
        setattr(action, name, value)
    if recommendations is None:
        recommendations = list(action.recommendations.all())
    _require(
        rules.may_record_action(user, action.institution, recommendations),
        "You may record actions only of your institution, for its recommendations.",
    )
    _check_action(action, recommendations)
    action.save()
    action.recommendations.set(recommendations)
    return action


def _check_action(action: ImplementationAction, recommendations):
    if not recommendations:
        raise ValidationError({"recommendations": "Name the recommendations the action serves."})
    action.full_clean()


@transaction.atomic
def recommendation_assign_institutions(
    *, user, recommendation: Recommendation, lead, supporting
) -> Recommendation:
    """Make ``lead`` (an Institution or None) the lead institution and ``supporting``
    the supporting ones; responsibilities no longer named are removed (their
    history is kept). An institution named as both is the lead. Coordinators only.
    """
    _require(rules.is_coordinator(user), "Only a coordinator assigns institutions.")
    wanted = {institution.pk: Responsibility.Role.SUPPORTING for institution in supporting}
    if lead is not None:
        wanted[lead.pk] = Responsibility.Role.LEAD
    existing = {r.institution_id: r for r in recommendation.responsibilities.all()}
    for institution_id, responsibility in existing.items():
        if institution_id not in wanted:
            responsibility.delete()
    # Demote before promoting: there is at most one lead at any moment.
    ordered = sorted(wanted.items(), key=lambda item: item[1] == Responsibility.Role.LEAD)
    for institution_id, role in ordered:
        responsibility = existing.get(institution_id)
        if responsibility is None:
            Responsibility.objects.create(
                recommendation=recommendation, institution_id=institution_id, role=role
            )
        elif responsibility.role != role:
            responsibility.role = role
            responsibility.save()
    return recommendation
