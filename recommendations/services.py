"""Writes with rules: the progress-update workflow, implementation actions, the
institutions responsible for a recommendation, its SDG targets' goals, and
bringing deleted records back from their history. (Indicators, their values and
clusters: ``recommendations.plans``.)

draft → submitted → validated, or → returned (with the coordinator's comment)
→ resubmitted → … (the steps: ``recommendations.workflow``, shared with indicator
values). Only a validated update changes a recommendation's status
and the dashboards: validating, deleting or restoring one refreshes the kept status
(``statuses.recommendation_status_refresh``) in the same transaction. Each transition
records who and when (and the history keeps every earlier version). The pages, the
admin and the API call these functions; none of them changes ``workflow_state`` (or
deletes an update) by hand.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from web.public_pages import public_pages_changed

from . import rules, workflow
from .models import ImplementationAction, ProgressUpdate, Recommendation, Responsibility
from .statuses import recommendation_status_refresh
from .workflow import WORKFLOW_FIELDS, TransitionError  # noqa: F401  (their old home)
from .workflow import require as _require
from .workflow import save as _save

WorkflowState = ProgressUpdate.WorkflowState

UNCHANGEABLE_UPDATE = gettext_lazy(
    "Only a draft or a returned update can be changed or submitted, by its institution or a "
    "coordinator; a validated update is corrected by a new update."
)


def _acting_institution(user, recommendation):
    """Ministry staff act for their institution; a coordinator for the recommendation's lead."""
    institution = rules.institution_of(user)
    if institution is None:
        lead = recommendation.responsibilities.filter(role=Responsibility.Role.LEAD).first()
        institution = lead.institution if lead else None
    return institution


@transaction.atomic
def progress_update_create(*, user, recommendation, **fields) -> ProgressUpdate:
    """Create a draft update on a recommendation the user may report on.

    ``fields`` are the model's editable fields (status, assessed_on, narrative,
    source, evidence_url, evidence_file). The update belongs to the user's
    institution (for a coordinator: the recommendation's lead, if any).
    Raises PermissionDenied or ValidationError; nothing is saved then.
    """
    _require(
        rules.may_report_on(user, recommendation), _("You may not report on this recommendation.")
    )
    update = ProgressUpdate(
        recommendation=recommendation,
        institution=_acting_institution(user, recommendation),
        author=user,
        workflow_state=WorkflowState.DRAFT,
        **fields,
    )
    return _save(update, user)


@transaction.atomic
def progress_update_edit(*, user, update: ProgressUpdate, **fields) -> ProgressUpdate:
    """Change an update's content (never its workflow state) as ``rules.may_change_update``
    allows: a draft or returned update, by its institution or a coordinator. Raises
    PermissionDenied (a validated update is never rewritten) or ValidationError."""
    _require(rules.may_change_update(user, update), UNCHANGEABLE_UPDATE)
    workflow.refuse_workflow_fields(fields)
    for name, value in fields.items():
        setattr(update, name, value)
    return _save(update, user)


@transaction.atomic
def progress_update_submit(*, user, update: ProgressUpdate) -> ProgressUpdate:
    """Send a draft (or a returned update, corrected) to the coordinators."""
    _require(rules.may_change_update(user, update), UNCHANGEABLE_UPDATE)
    workflow.submit(update)
    return _save(update, user)


@transaction.atomic
def progress_update_validate(*, user, update: ProgressUpdate) -> ProgressUpdate:
    """Accept a submitted update: from now on it counts in the measure."""
    _require(rules.may_validate(user), _("Only a coordinator may validate updates."))
    workflow.validate(update, user=user)
    _save(update, user)
    recommendation_status_refresh([update.recommendation_id])
    # The recommendation's status changed: clients syncing with ?updated_since= see it.
    Recommendation.objects.filter(pk=update.recommendation_id).update(updated_at=update.reviewed_at)
    public_pages_changed()  # a published review's status may have changed
    return update


@transaction.atomic
def progress_update_return(*, user, update: ProgressUpdate, comment: str) -> ProgressUpdate:
    """Send a submitted update back to its institution with the coordinator's comment."""
    _require(rules.may_validate(user), _("Only a coordinator may return updates."))
    workflow.give_back(update, user=user, comment=comment)
    return _save(update, user)


@transaction.atomic
def progress_update_delete(*, user, update: ProgressUpdate) -> None:
    """Delete an update as ``rules.may_delete_update`` allows (coordinators any, the
    history keeps it and it can be restored; ministry staff their drafts and returned
    ones). A validated one takes its part of the recommendation's status with it.
    Raises PermissionDenied."""
    _require(rules.may_delete_update(user, update), "You may not delete this update.")
    was_validated = update.workflow_state == WorkflowState.VALIDATED
    recommendation_id = update.recommendation_id
    # How simple_history is told who deleted (its documented instance attribute).
    update._history_user = user  # type: ignore[attr-defined]
    update.delete()
    if was_validated:
        recommendation_status_refresh([recommendation_id])
        Recommendation.objects.filter(pk=recommendation_id).update(updated_at=timezone.now())


@transaction.atomic
def implementation_action_create(
    *, user, recommendations, institution=None, **fields
) -> ImplementationAction:
    """Record an action serving ``recommendations`` (at least one).

    ``fields`` are the action's other editable fields (title, description,
    start_date, end_date, status, budget_amount, budget_currency, evidence_url,
    evidence_file). The action belongs to ``institution``, by default the user's
    (for a coordinator: the first recommendation's lead). Ministry staff record
    only their own institution's actions, for recommendations it is responsible
    for; coordinators any (``rules.may_record_action``). Raises PermissionDenied
    or ValidationError; nothing is saved then.
    """
    recommendations = list(recommendations)
    if institution is None and recommendations:
        institution = _acting_institution(user, recommendations[0])
    _require(
        rules.may_record_action(user, institution, recommendations),
        _("You may record actions only of your institution, for its recommendations."),
    )
    if institution is None:
        raise ValidationError({"institution": _("Say which institution took the action.")})
    action = ImplementationAction(institution=institution, created_by=user, **fields)
    _check_action(action, recommendations)
    _save(action, user)
    action.recommendations.set(recommendations)
    return action


@transaction.atomic
def implementation_action_edit(
    *, user, action: ImplementationAction, recommendations=None, **fields
) -> ImplementationAction:
    """Change an action the user may change (``rules.may_change_action``); with
    ``recommendations`` also the recommendations it serves. The same rules as
    ``implementation_action_create`` hold for the result."""
    _require(rules.may_change_action(user, action), _("You may not change this action."))
    for name, value in fields.items():
        setattr(action, name, value)
    if recommendations is None:
        recommendations = list(action.recommendations.all())
    _require(
        rules.may_record_action(user, action.institution, recommendations),
        _("You may record actions only of your institution, for its recommendations."),
    )
    _check_action(action, recommendations)
    _save(action, user)
    action.recommendations.set(recommendations)
    return action


def _check_action(action: ImplementationAction, recommendations):
    if not recommendations:
        raise ValidationError({"recommendations": _("Name the recommendations the action serves.")})
    action.full_clean()


@transaction.atomic
def recommendation_assign_institutions(
    *, user, recommendation: Recommendation, lead, supporting
) -> Recommendation:
    """Make ``lead`` (an Institution or None) the lead institution and ``supporting``
    the supporting ones; responsibilities no longer named are removed (their
    history is kept). An institution named as both is the lead. Coordinators only.
    """
    _require(rules.is_coordinator(user), _("Only a coordinator assigns institutions."))
    wanted = {institution.pk: Responsibility.Role.SUPPORTING for institution in supporting}
    if lead is not None:
        wanted[lead.pk] = Responsibility.Role.LEAD
    existing = {r.institution_id: r for r in recommendation.responsibilities.all()}
    for institution_id, dropped in existing.items():
        if institution_id not in wanted:
            # How simple_history is told who deleted (its documented instance attribute).
            dropped._history_user = user  # type: ignore[attr-defined]
            dropped.delete()
    # Demote before promoting: there is at most one lead at any moment.
    ordered = sorted(wanted.items(), key=lambda item: item[1] == Responsibility.Role.LEAD)
    for institution_id, role in ordered:
        responsibility = existing.get(institution_id)
        if responsibility is None:
            _save(
                Responsibility(
                    recommendation=recommendation, institution_id=institution_id, role=role
                ),
                user,
            )
        elif responsibility.role != role:
            responsibility.role = role
            _save(responsibility, user)
    return recommendation


def recommendation_add_target_goals(*, recommendation: Recommendation) -> Recommendation:
    """Give the recommendation the goal of each of its SDG targets (target 16.3: goal 16),
    keeping the goals it has: the rule the API and the admin follow after saving its
    targets (the importer follows it for a whole batch, ``importing.saving``). Two queries."""
    goals = {target.goal_id for target in recommendation.sdg_targets.all()}
    missing = goals - set(recommendation.sdg_goals.values_list("number", flat=True))
    if missing:
        recommendation.sdg_goals.add(*missing)
    return recommendation


@transaction.atomic
def deleted_record_restore(*, user, model, object_id):
    """Bring a deleted object back as it was when it was deleted, with the same id.

    Many-to-many links the history keeps (an action's recommendations) come back
    too, as far as the linked objects still exist, and so do the responsibilities
    deleted with a recommendation. (A recommendation's themes, groups, goals and
    recommending states are not in its history and must be set again.) The
    restore is itself recorded in the history. Raises PermissionDenied, or
    ValidationError when the object exists or its history has no deletion.
    """
    _require(rules.may_restore(user), _("Only a coordinator may restore deleted records."))
    if model.objects.filter(pk=object_id).exists():
        raise ValidationError(
            _("%(name)s %(number)s exists; nothing to restore.")
            % {"name": model._meta.verbose_name, "number": object_id}
        )
    records = model.history.filter(id=object_id).order_by("-history_date", "-history_id")
    deletion = records.first()
    if deletion is None or deletion.history_type != "-":
        raise ValidationError(
            _("No deleted %(name)s %(number)s is on record.")
            % {"name": model._meta.verbose_name, "number": object_id}
        )
    # The version before the deletion holds the links (deleting removes them first).
    before = records.exclude(history_type="-").first()
    restored = deletion.instance
    _save(restored, user)
    for field in getattr(deletion, "_history_m2m_fields", []):
        if before is None:
            break
        through_name = field.m2m_reverse_field_name()
        linked_ids = getattr(before, field.name).values_list(f"{through_name}_id", flat=True)
        related = field.related_model.objects.filter(pk__in=list(linked_ids))
        getattr(restored, field.name).set(related)
    if model is Recommendation:
        _restore_responsibilities(user, restored, deleted_at=deletion.history_date)
        recommendation_status_refresh([restored.pk])
    if model is ProgressUpdate and restored.workflow_state == WorkflowState.VALIDATED:
        recommendation_status_refresh([restored.recommendation_id])
    return restored


def _restore_responsibilities(user, recommendation, *, deleted_at):
    """The responsibilities deleted together with the recommendation (the cascade)."""
    deleted = Responsibility.history.filter(
        recommendation_id=recommendation.pk, history_type="-", history_date__lte=deleted_at
    ).exclude(id__in=Responsibility.objects.values("pk"))
    restored = set()
    for record in deleted.order_by("-history_date"):
        if record.id not in restored:
            _save(record.instance, user)
            restored.add(record.id)
