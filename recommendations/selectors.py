"""Reads that compute: above all the one measure every view shows.

For any set of recommendations the measure gives the total, the count by
position, and among the supported ones the count by implementation status and
the two percentages. The dashboard, the exports and the API all call
``measure`` or ``measure_by``; nothing else computes these figures.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from .models import (
    SUPPORTED_POSITIONS,
    Position,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
    Status,
)


@dataclass(frozen=True)
class Measure:
    total: int
    by_position: dict[str, int]
    supported: int
    by_status: dict[str, int]
    percent_implemented: Decimal | None
    percent_at_least_partially: Decimal | None

    @property
    def implemented(self) -> int:
        return self.by_status[Status.IMPLEMENTED]

    @property
    def partially_implemented(self) -> int:
        return self.by_status[Status.PARTIALLY_IMPLEMENTED]

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "by_position": self.by_position,
            "supported": self.supported,
            "by_status": self.by_status,
            "percent_implemented": _as_float(self.percent_implemented),
            "percent_at_least_partially": _as_float(self.percent_at_least_partially),
        }


@dataclass(frozen=True)
class GroupMeasure:
    key: object
    label: str
    measure: Measure


def validated_updates(as_of: date | None = None) -> QuerySet[ProgressUpdate]:
    """The updates that count: validated ones, assessed on or before ``as_of`` if given."""
    updates = ProgressUpdate.objects.filter(workflow_state=ProgressUpdate.WorkflowState.VALIDATED)
    if as_of is not None:
        updates = updates.filter(assessed_on__lte=as_of)
    return updates


def current_status_expression(as_of: date | None = None):
    """An expression for a recommendation's status: its latest validated update's
    status (latest by assessment date, then by validation), or "not started"."""
    latest = (
        validated_updates(as_of)
        .filter(recommendation=OuterRef("pk"))
        .order_by("-assessed_on", "-reviewed_at", "-id")
        .values("status")[:1]
    )
    return Coalesce(Subquery(latest), Value(Status.NOT_STARTED.value))


def with_current_status(
    recommendations: QuerySet[Recommendation], as_of: date | None = None
) -> QuerySet[Recommendation]:
    """Annotate each recommendation with ``current_status`` (as of a date if given)."""
    return recommendations.annotate(current_status=current_status_expression(as_of))


def overdue_threshold(today: date | None = None) -> date:
    """The day ``settings.UPR_OVERDUE_MONTHS`` months before ``today`` (default: today)."""
    today = today or timezone.localdate()
    months = today.year * 12 + today.month - 1 - settings.UPR_OVERDUE_MONTHS
    year, month = divmod(months, 12)
    month += 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def with_overdue_flag(
    recommendations: QuerySet[Recommendation], *, today: date | None = None
) -> QuerySet[Recommendation]:
    """Annotate ``current_status``, ``last_validated_on`` (the assessment date of the
    latest validated update, or None) and ``is_overdue``.

    A recommendation is overdue when it is supported (wholly or in part), not yet
    implemented, and no validated update has been assessed for more than
    ``settings.UPR_OVERDUE_MONTHS`` months; without any validated update the months
    count from the review's adoption (or review) date. The workspace, the reminders
    and the dashboards all ask this one function.
    """
    latest = (
        validated_updates()
        .filter(recommendation=OuterRef("pk"))
        .order_by("-assessed_on")
        .values("assessed_on")[:1]
    )
    since = Coalesce(
        "last_validated_on",
        "review__adoption_date",
        "review__review_date",
        TruncDate("created_at"),
        output_field=DateField(),
    )
    overdue = (
        Q(position__in=SUPPORTED_POSITIONS)
        & ~Q(current_status=Status.IMPLEMENTED)
        & Q(progress_since__lt=overdue_threshold(today))
    )
    return with_current_status(recommendations).annotate(
        last_validated_on=Subquery(latest, output_field=DateField()),
        progress_since=since,
        is_overdue=Case(
            When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
    )


def overdue_recommendations(
    recommendations: QuerySet[Recommendation], *, today: date | None = None
) -> QuerySet[Recommendation]:
    """The overdue ones of a set of recommendations (see ``with_overdue_flag``)."""
    return with_overdue_flag(recommendations, today=today).filter(is_overdue=True)


def _status_counts(
    recommendations: QuerySet[Recommendation], as_of: date | None, fields: list[str]
) -> QuerySet:
    """Counts of recommendations per (fields…, position, status): the database does the
    counting; callers only fold these few rows (groups × positions × statuses)."""
    return (
        recommendations.annotate(_current_status=current_status_expression(as_of))
        .values(*fields, "position", "_current_status")
        .annotate(_count=Count("pk", distinct=True))
        .order_by()
    )


def _fold(rows) -> Measure:
    by_position = dict.fromkeys(Position.values, 0)
    by_status = dict.fromkeys(Status.values, 0)
    for row in rows:
        by_position[row["position"]] += row["_count"]
        if row["position"] in SUPPORTED_POSITIONS:
            by_status[row["_current_status"]] += row["_count"]
    supported = sum(by_position[position] for position in SUPPORTED_POSITIONS)
    implemented = by_status[Status.IMPLEMENTED]
    partially = by_status[Status.PARTIALLY_IMPLEMENTED]
    return Measure(
        total=sum(by_position.values()),
        by_position=by_position,
        supported=supported,
        by_status=by_status,
        percent_implemented=percentage(implemented, supported),
        percent_at_least_partially=percentage(implemented + partially, supported),
    )


def percentage(part: int, whole: int) -> Decimal | None:
    """part ÷ whole in per cent, rounded half up to one decimal; None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def measure(recommendations: QuerySet[Recommendation], *, as_of: date | None = None) -> Measure:
    """The measure of a set of recommendations, in one query.

    ``as_of`` counts only updates validated and assessed on or before that date.
    A supported recommendation without a validated update counts as not started;
    with no supported recommendation the percentages are None ("no data").
    """
    return _fold(_status_counts(recommendations, as_of, []))


# What each grouping of ``measure_by`` groups on: (key field, label field).
GROUPINGS = {
    "review": ("review_id", None),
    "theme": ("themes__id", "themes__name"),
    "institution": ("institutions__id", "institutions__name"),
    "recommending_state": ("recommending_states__iso3", "recommending_states__name"),
    "sdg": ("sdg_goals__number", "sdg_goals__name"),
    "affected_group": ("affected_groups__id", "affected_groups__name"),
    "position": ("position", None),
    "status": ("_current_status", None),  # of every recommendation, supported or not
}


def measure_by(
    recommendations: QuerySet[Recommendation], group_by: str, *, as_of: date | None = None
) -> list[GroupMeasure]:
    """The measure of each group of a set, in one query, largest groups first.

    A recommendation with several themes (states, institutions, goals, groups)
    counts once in each; one with none is in a group whose key is None.
    Raises ValueError for an unknown ``group_by``.
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"Cannot group by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    key_field, label_field = GROUPINGS[group_by]
    fields = [key_field] + ([label_field] if label_field else [])
    if group_by == "status":
        fields = []  # the status is already one of the counted dimensions
    rows_by_key: dict[object, list[dict]] = {}
    labels: dict[object, str] = {}
    for row in _status_counts(recommendations, as_of, fields):
        key = row["_current_status"] if group_by == "status" else row[key_field]
        rows_by_key.setdefault(key, []).append(row)
        labels[key] = row[label_field] if label_field and key is not None else _label(group_by, key)
    if group_by == "review":
        reviews = ReviewCycle.objects.select_related("state_under_review", "mechanism")
        labels = {review.pk: str(review) for review in reviews.filter(pk__in=list(rows_by_key))}
    groups = [
        GroupMeasure(key=key, label=labels[key], measure=_fold(rows))
        for key, rows in rows_by_key.items()
    ]
    groups.sort(key=lambda group: (-group.measure.total, str(group.label)))
    return groups


def _label(group_by: str, key) -> str:
    if key is None:
        return "None recorded"
    if group_by == "position":
        return Position(key).label
    if group_by == "status":
        return Status(key).label
    return str(key)


def _as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
