"""Reads that compute: above all the one measure every view shows.

For any set of recommendations the measure gives the total, the count by
position, and among the supported ones the count by implementation status and
the two percentages. The dashboard, the exports and the API all call
``measure`` or ``measure_by``; nothing else computes these figures.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import (
    SUPPORTED_POSITIONS,
    Position,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
    Status,
)


class CurrentStatus(TypedDict):
    """What ``with_current_status`` adds to each recommendation."""

    current_status: str


class CurrentStatusAndDemo(CurrentStatus):
    """What ``with_status_is_demo`` adds to recommendations with their ``current_status``."""

    status_is_demo: bool


# A recommendation as ``with_current_status`` gives it, for the type checker (django-stubs'
# helper is a development dependency).
if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    RecommendationWithStatus = WithAnnotations[Recommendation, CurrentStatus]
    RecommendationWithStatusAndDemo = WithAnnotations[Recommendation, CurrentStatusAndDemo]


@dataclass(frozen=True)
class Measure:
    total: int
    by_position: dict[str, int]
    supported: int
    by_status: dict[str, int]
    percent_implemented: Decimal | None
    percent_at_least_partially: Decimal | None
    # Whether a supported recommendation's status here comes from a demo assessment
    # (``ProgressUpdate.is_demo``): then the figures illustrate, they do not report.
    includes_demo: bool = False

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
            "includes_demo": self.includes_demo,
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


def demo_assessments_exist() -> bool:
    """Whether the deployment holds any validated demo assessment (one query): where it
    holds none, no door needs to say anything about demo data."""
    return validated_updates().filter(is_demo=True).exists()


def _latest_validated(as_of: date | None, field: str) -> Subquery:
    """``field`` of a recommendation's latest validated update (latest by assessment
    date, then by validation): the update that decides its status."""
    return Subquery(
        validated_updates(as_of)
        .filter(recommendation=OuterRef("pk"))
        .order_by("-assessed_on", "-reviewed_at", "-id")
        .values(field)[:1]
    )


def current_status_expression(as_of: date | None = None):
    """An expression for a recommendation's status: its latest validated update's
    status (latest by assessment date, then by validation), or "not started"."""
    return Coalesce(_latest_validated(as_of, "status"), Value(Status.NOT_STARTED.value))


def status_is_demo_expression(as_of: date | None = None):
    """An expression for whether a recommendation's status (as of a day) comes from a
    demo assessment: its deciding update is flagged ``is_demo``. False without one."""
    return Coalesce(_latest_validated(as_of, "is_demo"), Value(False))


def with_current_status(
    recommendations: QuerySet[Recommendation], as_of: date | None = None
) -> "QuerySet[RecommendationWithStatus]":
    """Annotate each recommendation with ``current_status`` (as of a date if given).
    Only annotates: which recommendations existed on that day is ``held_by``."""
    return recommendations.annotate(current_status=current_status_expression(as_of))


def with_status_is_demo(
    recommendations: "QuerySet[RecommendationWithStatus]", as_of: date | None = None
) -> "QuerySet[RecommendationWithStatusAndDemo]":
    """Annotate each recommendation with ``status_is_demo``: whether its status (as of a
    day if given) comes from a demo assessment (``status_is_demo_expression``)."""
    return recommendations.annotate(status_is_demo=status_is_demo_expression(as_of))


def held_by(recommendations: QuerySet[Recommendation], day: date) -> QuerySet[Recommendation]:
    """The recommendations of reviews held on or before ``day`` (a review without a
    review date counts as held): before its review a recommendation did not exist,
    so on such a day it has no figure at all, not even "not started"."""
    return recommendations.filter(
        Q(review__review_date__isnull=True) | Q(review__review_date__lte=day)
    )


def _status_counts(
    recommendations: QuerySet[Recommendation], as_of: date | None, fields: list[str]
) -> QuerySet:
    """Counts of recommendations per (fields…, position, status, whether the status is a
    demo assessment's): the database does the counting; callers only fold these few
    rows (groups × positions × statuses × 2). As of a day, only the recommendations of
    reviews held by then (``held_by``)."""
    if as_of is not None:
        recommendations = held_by(recommendations, as_of)
    return (
        recommendations.annotate(
            _current_status=current_status_expression(as_of),
            _status_is_demo=status_is_demo_expression(as_of),
        )
        .values(*fields, "position", "_current_status", "_status_is_demo")
        .annotate(_count=Count("pk", distinct=True))
        .order_by()
    )


def _fold(rows) -> Measure:
    by_position = dict.fromkeys(Position.values, 0)
    by_status = dict.fromkeys(Status.values, 0)
    includes_demo = False
    for row in rows:
        by_position[row["position"]] += row["_count"]
        if row["position"] in SUPPORTED_POSITIONS:
            by_status[row["_current_status"]] += row["_count"]
            includes_demo = includes_demo or bool(row["_status_is_demo"])
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
        includes_demo=includes_demo,
    )


def percentage(part: int, whole: int) -> Decimal | None:
    """part ÷ whole in per cent, rounded half up to one decimal; None when whole is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def measure(recommendations: QuerySet[Recommendation], *, as_of: date | None = None) -> Measure:
    """The measure of a set of recommendations, in one query.

    ``as_of`` measures the set as it stood on that day: only the recommendations of
    reviews held by then (``held_by``; a review not yet held has no figure that day)
    and only updates validated and assessed on or before it. A supported
    recommendation without a validated update counts as not started; with no
    supported recommendation the percentages are None ("no data"). ``includes_demo``
    says whether any supported recommendation's status (that day) comes from a demo
    assessment, so that every door can say the figures illustrate.
    """
    return _fold(_status_counts(recommendations, as_of, []))


# What each grouping of ``measure_by`` groups on: (key field, label field). A group's key
# is the identifier the filters take for it: a theme's or affected group's slug, a
# state's ISO3 code, an institution's or review's id, an SDG goal's number.
GROUPINGS = {
    "review": ("review_id", None),
    "mechanism": ("review__mechanism__code", "review__mechanism__name"),
    "theme": ("themes__slug", "themes__name"),
    "institution": ("institutions__id", "institutions__name"),
    "recommending_state": ("recommending_states__iso3", "recommending_states__name"),
    "sdg": ("sdg_goals__number", "sdg_goals__name"),
    "sdg_target": ("sdg_targets__code", "sdg_targets__name"),
    "affected_group": ("affected_groups__slug", "affected_groups__name"),
    "position": ("position", None),
    "status": ("_current_status", None),  # of every recommendation, supported or not
}


def measure_by(
    recommendations: QuerySet[Recommendation], group_by: str, *, as_of: date | None = None
) -> list[GroupMeasure]:
    """The measure of each group of a set, in one query, largest groups first.

    A recommendation with several themes (states, institutions, goals, targets,
    groups) counts once in each; one with none is in a group whose key is None. ``as_of`` is
    as in ``measure``: a group with only recommendations of reviews not yet held on
    that day (grouped by review: a review not yet held) is absent.
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
        labels[key] = (
            row[label_field] or str(key)
            if label_field and key is not None
            else _label(group_by, key)
        )
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
