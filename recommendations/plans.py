"""Writes with rules for implementation plans: indicators, their values, clusters.

An indicator's values follow the progress updates' workflow (``recommendations.workflow``):
draft → submitted → validated, or → returned with the coordinator's comment → resubmitted.
Only validated values count (the status report, the API's readers). The duty to report
is the institution's, so an indicator's next report date moves on by its frequency when
a value is first submitted, not when a coordinator validates it: a late validation does
not make the institution late, and a value returned to it waits in its "returned" list
(resubmitting it does not move the date again). A one-off indicator has no date after
its report.

The pages, the admin and the API call these functions; each asks ``rules`` first.
Raises PermissionDenied or ValidationError; nothing is saved then.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from . import rules, workflow
from .models import Cluster, ImplementationAction, Indicator, IndicatorValue
from .workflow import require, save


def _unchangeable_value() -> str:
    return _(
        "Only a draft or a returned value can be changed or submitted, by its institution or "
        "a coordinator; a validated value is corrected by a new value."
    )


@transaction.atomic
def indicator_create(*, user, action: ImplementationAction, **fields) -> Indicator:
    """Add an indicator to ``action`` (``rules.may_add_indicator``). ``fields`` are the
    indicator's editable fields (name, description, unit, baseline, target, frequency,
    institution, responsible_person, next_report_date); the responsible institution is
    the action's unless another is given."""
    require(
        rules.may_add_indicator(user, action),
        _("Indicators are added by the action's institution or a coordinator."),
    )
    fields.setdefault("institution", action.institution)
    indicator = Indicator(action=action, created_by=user, **fields)
    return save(indicator, user)


@transaction.atomic
def indicator_edit(*, user, indicator: Indicator, **fields) -> Indicator:
    """Change an indicator the user may change (``rules.may_change_indicator``); moving it
    to another action needs the right to add indicators to that one."""
    require(
        rules.may_change_indicator(user, indicator),
        _("Only the action's institution or a coordinator may change this indicator."),
    )
    action = fields.get("action")
    if action is not None and action.pk != indicator.action_id:
        require(
            rules.may_add_indicator(user, action),
            _("Indicators are added by the action's institution or a coordinator."),
        )
    for name, value in fields.items():
        setattr(indicator, name, value)
    return save(indicator, user)


@transaction.atomic
def indicator_value_create(*, user, indicator: Indicator, **fields) -> IndicatorValue:
    """A draft value of ``indicator`` (``rules.may_report_on_indicator``). ``fields``:
    measured_on, value, comment, evidence_url, evidence_file (and is_demo). The value is
    reported by the user's institution (for a coordinator: the indicator's)."""
    require(
        rules.may_report_on_indicator(user, indicator),
        _("You may not report values of this indicator."),
    )
    value = IndicatorValue(
        indicator=indicator,
        institution=rules.institution_of(user) or indicator.institution,
        author=user,
        workflow_state=IndicatorValue.WorkflowState.DRAFT,
        **fields,
    )
    return save(value, user)


@transaction.atomic
def indicator_value_edit(*, user, indicator_value: IndicatorValue, **fields) -> IndicatorValue:
    """Change a value's content (never its workflow state), as
    ``rules.may_change_indicator_value`` allows. (``indicator_value``: ``value`` is one of
    its fields.)"""
    require(rules.may_change_indicator_value(user, indicator_value), _unchangeable_value())
    workflow.refuse_workflow_fields(fields)
    for name, content in fields.items():
        setattr(indicator_value, name, content)
    return save(indicator_value, user)


@transaction.atomic
def indicator_value_submit(*, user, indicator_value: IndicatorValue) -> IndicatorValue:
    """Send a draft (or a corrected returned value) to the coordinators. Its first
    submission moves the indicator's next report date on by one period."""
    require(rules.may_change_indicator_value(user, indicator_value), _unchangeable_value())
    first = workflow.submit(indicator_value)
    save(indicator_value, user)
    if first:
        _advance_report_date(indicator_value.indicator_id, user)
    return indicator_value


@transaction.atomic
def indicator_value_validate(*, user, indicator_value: IndicatorValue) -> IndicatorValue:
    """Accept a submitted value (coordinators): from now on it is part of the record."""
    require(rules.may_validate(user), _("Only a coordinator may validate values."))
    workflow.validate(indicator_value, user=user)
    return save(indicator_value, user)


@transaction.atomic
def indicator_value_return(
    *, user, indicator_value: IndicatorValue, comment: str
) -> IndicatorValue:
    """Send a submitted value back to its institution with the coordinator's comment."""
    require(rules.may_validate(user), _("Only a coordinator may return values."))
    workflow.give_back(indicator_value, user=user, comment=comment)
    return save(indicator_value, user)


def _advance_report_date(indicator_id: int, user):
    # Locked: two values submitted at once move the date twice, never once.
    indicator = Indicator.objects.select_for_update().get(pk=indicator_id)
    if indicator.next_report_date is None:
        return
    indicator.next_report_date = indicator.following_report_date()
    save(indicator, user)


@transaction.atomic
def cluster_add_recommendations(*, user, cluster: Cluster, recommendations) -> int:
    """Add ``recommendations`` to ``cluster`` (coordinators), keeping those it has; the
    number added. The cluster's history records the change."""
    require(rules.is_coordinator(user), _("Only a coordinator curates clusters."))
    recommendations = list(recommendations)
    before = set(cluster.recommendations.values_list("pk", flat=True))
    added = [r for r in recommendations if r.pk not in before]
    if added:
        # The history records the new links, and who made them, as the links change.
        cluster._history_user = user  # type: ignore[attr-defined]
        cluster.recommendations.add(*added)
    return len(added)
