"""What is due, and when: an action's planned end and an indicator's next report date.

"Due" is defined here once; the workspace's lists, the reminders and the status report
ask these functions, each with the day it speaks of (``today``), so that a test, a
report or a command run late sees the same thing for the same day.

- An action is due on its planned end (``end_date``) while it is planned or ongoing; a
  completed or cancelled one is due no more.
- An indicator is due on its next report date (``next_report_date``, moved on by its
  frequency when a value is first submitted: ``recommendations.plans``), unless its
  action was cancelled; one without a date is due no more.

An item is overdue from the day after its date. Each belongs to the institution that
must act: an action to its institution, an indicator to the institution responsible for
it (the lists of the action's institution show it too).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypedDict

from django.db.models import OuterRef, Q, QuerySet, Subquery

from ..models import ImplementationAction, Indicator, IndicatorValue


class LatestValue(TypedDict):
    """What ``with_latest_value`` adds to each indicator."""

    latest_value: Decimal | None
    latest_value_on: date | None


# An indicator as ``with_latest_value`` gives it, for the type checker (django-stubs'
# helper is a development dependency).
if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    IndicatorWithLatestValue = WithAnnotations[Indicator, LatestValue]

ActionStatus = ImplementationAction.ActionStatus
OPEN_ACTIONS = (ActionStatus.PLANNED, ActionStatus.ONGOING)


@dataclass(frozen=True)
class DueItem:
    """One date someone must meet: an action's planned end or an indicator's report."""

    kind: str  # "action" or "indicator"
    obj: ImplementationAction | Indicator
    due_on: date

    @property
    def institution(self):
        """The institution that must act (an indicator's responsible institution)."""
        return self.obj.institution

    @property
    def action(self) -> ImplementationAction:
        if isinstance(self.obj, Indicator):
            return self.obj.action
        return self.obj

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class DueLists:
    overdue: list[DueItem]
    this_month: list[DueItem]  # due from today to the month's last day


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def action_is_overdue(action: ImplementationAction, today: date) -> bool:
    """The per-object form of ``open_actions``: past its planned end while open."""
    return action.end_date is not None and action.status in OPEN_ACTIONS and action.end_date < today


def indicator_is_overdue(indicator: Indicator, today: date) -> bool:
    """The per-object form of ``reporting_indicators``: past its report date (its
    action not cancelled)."""
    return (
        indicator.next_report_date is not None
        and indicator.next_report_date < today
        and indicator.action.status != ActionStatus.CANCELLED
    )


def open_actions(actions: QuerySet[ImplementationAction] | None = None):
    """The actions with a planned end that are still planned or ongoing."""
    actions = ImplementationAction.objects.all() if actions is None else actions
    return actions.filter(end_date__isnull=False, status__in=OPEN_ACTIONS)


def reporting_indicators(indicators: QuerySet[Indicator] | None = None):
    """The indicators with a next report date whose action was not cancelled."""
    indicators = Indicator.objects.all() if indicators is None else indicators
    return indicators.filter(next_report_date__isnull=False).exclude(
        action__status=ActionStatus.CANCELLED
    )


def due_items(
    *,
    until: date | None = None,
    institution=None,
    actions: QuerySet[ImplementationAction] | None = None,
) -> list[DueItem]:
    """Every action end and indicator report due on or before ``until`` (None: any day),
    earliest first, in two queries. ``institution``: only what it must act on (its
    actions; the indicators it is responsible for or whose action is its own).
    ``actions``: only those actions and their indicators."""
    due_actions = open_actions(actions).select_related("institution")
    indicators = reporting_indicators().select_related(
        "action__institution", "institution", "responsible_person"
    )
    if actions is not None:
        indicators = indicators.filter(action__in=actions)
    if until is not None:
        due_actions = due_actions.filter(end_date__lte=until)
        indicators = indicators.filter(next_report_date__lte=until)
    if institution is not None:
        due_actions = due_actions.filter(institution=institution)
        indicators = indicators.filter(
            Q(institution=institution) | Q(action__institution=institution)
        )
    items = [DueItem("action", action, action.end_date) for action in due_actions]
    items += [DueItem("indicator", i, i.next_report_date) for i in indicators]
    items.sort(key=lambda item: (item.due_on, item.kind, str(item.obj)))
    return items


def due_lists(*, today: date, institution=None) -> DueLists:
    """What is overdue on ``today`` and what falls due from then to the end of its month
    (``due_items``; ``institution`` as there: None for every institution's)."""
    items = due_items(until=month_end(today), institution=institution)
    return DueLists(
        overdue=[item for item in items if item.is_overdue(today)],
        this_month=[item for item in items if not item.is_overdue(today)],
    )


def with_latest_value(
    indicators: QuerySet[Indicator],
) -> QuerySet[IndicatorWithLatestValue]:
    """Annotate each indicator with its latest validated value: ``latest_value`` and
    ``latest_value_on`` (None without one), latest by the date it was measured on, then
    by validation. Drafts, submissions and returned values never count."""
    latest = IndicatorValue.objects.filter(
        indicator=OuterRef("pk"), workflow_state=IndicatorValue.WorkflowState.VALIDATED
    ).order_by("-measured_on", "-reviewed_at", "-id")
    return indicators.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_value_on=Subquery(latest.values("measured_on")[:1]),
    )
