"""Reads that compute: above all the one measure every view shows.

For any set of recommendations the measure gives the total, the count by
position, and among the supported ones the count by implementation status and
the two percentages. The dashboard, the exports and the API all call
``measure`` or ``measure_by`` (``measure_by_each``: several groupings in one query,
folded alike); nothing else computes these figures.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, F, Field, FilteredRelation, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext

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


def current_status_expression(as_of: date | None = None):
    """An expression for a recommendation's status: its latest validated update's
    status (latest by assessment date, then by validation), or "not started".

    Today that is the maintained column ``Recommendation.status``
    (``recommendations.statuses``); as of a day, the status change in force that day
    (``StatusChange``, joined by ``with_current_status``)."""
    if as_of is None:
        return F("status")
    return Coalesce(F(f"{_then(as_of)}__status"), Value(Status.NOT_STARTED.value))


def status_is_demo_expression(as_of: date | None = None):
    """An expression for whether a recommendation's status (as of a day) comes from a
    demo assessment: its deciding update is flagged ``is_demo``. False without one.
    Today the maintained column ``Recommendation.status_from_demo``; as of a day, the
    status change in force (joined as ``current_status_expression`` joins it)."""
    if as_of is None:
        return F("status_from_demo")
    return Coalesce(F(f"{_then(as_of)}__is_demo"), Value(False))


def _then(as_of: date) -> str:
    return f"_status_on_{as_of:%Y%m%d}"


def _status_then(recommendations: QuerySet[Recommendation], as_of: date | None):
    """Join each recommendation to its status change in force on ``as_of`` (at most one:
    the periods of one recommendation do not overlap), as ``_then(as_of)``."""
    if as_of is None or _then(as_of) in recommendations.query._filtered_relations:  # type: ignore[attr-defined]
        return recommendations
    in_force = Q(status_changes__day__lte=as_of) & (
        Q(status_changes__until__isnull=True) | Q(status_changes__until__gt=as_of)
    )
    return recommendations.annotate(
        **{_then(as_of): FilteredRelation("status_changes", condition=in_force)}
    )


def with_current_status(
    recommendations: QuerySet[Recommendation], as_of: date | None = None
) -> "QuerySet[RecommendationWithStatus]":
    """Annotate each recommendation with ``current_status`` (as of a date if given).
    Only annotates: which recommendations existed on that day is ``held_by``."""
    return _status_then(recommendations, as_of).annotate(
        current_status=current_status_expression(as_of)
    )


def with_status_is_demo(
    recommendations: "QuerySet[RecommendationWithStatus]", as_of: date | None = None
) -> "QuerySet[RecommendationWithStatusAndDemo]":
    """Annotate each recommendation with ``status_is_demo``: whether its status (as of a
    day if given) comes from a demo assessment (``status_is_demo_expression``)."""
    return _status_then(recommendations, as_of).annotate(
        status_is_demo=status_is_demo_expression(as_of)
    )


def held_by(recommendations: QuerySet[Recommendation], day: date) -> QuerySet[Recommendation]:
    """The recommendations of reviews held on or before ``day`` (a review without a
    review date counts as held): before its review a recommendation did not exist,
    so on such a day it has no figure at all, not even "not started"."""
    return recommendations.filter(
        Q(review__review_date__isnull=True) | Q(review__review_date__lte=day)
    )


def each_once(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """The same recommendations, each in one row only: a filter across a many-valued
    relation (two themes asked for, say) repeats a recommendation once per match.
    Such a set is taken as ``pk IN (…)``; a plain one is left as it is, so that counting
    its rows needs no DISTINCT (which sorts, and spills to disk at scale)."""
    query = recommendations.query
    repeats = query.distinct or any(
        getattr(join, "filtered_relation", None) is None
        and (
            getattr(join.join_field, "one_to_many", False)
            or getattr(join.join_field, "many_to_many", False)
        )
        for join in query.alias_map.values()
        if hasattr(join, "join_field")
    )
    if not repeats and not query.is_sliced:
        return recommendations
    return Recommendation.objects.filter(pk__in=recommendations.values("pk"))


def _status_counts(
    recommendations: QuerySet[Recommendation], as_of: date | None, fields: list[str], **named
) -> QuerySet:
    """Counts of recommendations per (fields…, position, status, whether the status is a
    demo assessment's, and the ``named`` expressions): the database does the counting;
    callers only fold these few rows (groups × positions × statuses × 2). As of a day,
    only the recommendations of reviews held by then (``held_by``).

    Each recommendation is counted in one row per group it belongs to: the set is taken
    once (``each_once``) and the one grouping join (themes, say) cannot repeat it within
    a group, so a plain COUNT suffices."""
    recommendations = each_once(recommendations)
    if as_of is not None:
        recommendations = held_by(recommendations, as_of)
    return (
        _status_then(recommendations, as_of)
        .annotate(
            _current_status=current_status_expression(as_of),
            _status_is_demo=status_is_demo_expression(as_of),
        )
        .values(*fields, "position", "_current_status", "_status_is_demo", **named)
        .annotate(_count=Count("*"))
        .order_by()
    )


def _fold(rows) -> Measure:
    return _fold_counts(
        (row["position"], row["_current_status"], row["_status_is_demo"], row["_count"])
        for row in rows
    )


# The vocabularies' values, listed once (an enum's ``values`` is built on every call).
_POSITIONS = tuple(Position.values)
_STATUSES = tuple(Status.values)
_SUPPORTED = frozenset(SUPPORTED_POSITIONS)


def _fold_counts(counts) -> Measure:
    """The measure of (position, status, whether from a demo assessment, how many)
    counts: the one place that adds up."""
    by_position = dict.fromkeys(_POSITIONS, 0)
    by_status = dict.fromkeys(_STATUSES, 0)
    includes_demo = False
    for position, status, is_demo, count in counts:
        by_position[position] += count
        if position in _SUPPORTED:
            by_status[status] += count
            includes_demo = includes_demo or bool(is_demo and count)
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
    # In tenths of a per cent, rounded half up, with whole numbers only (exact, and fast
    # enough for the thousands of figures of a series over time).
    tenths = (2000 * part + whole) // (2 * whole)
    return Decimal(tenths).scaleb(-1)


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
# state's ISO3 code, an institution's or review's id, an SDG goal's number, a cluster's slug.
GROUPINGS = {
    "review": ("review_id", None),
    "mechanism": ("review__mechanism__code", "review__mechanism__name"),
    "theme": ("themes__slug", "themes__name"),
    "institution": ("institutions__id", "institutions__name"),
    "recommending_state": ("recommending_states__iso3", "recommending_states__name"),
    "sdg": ("sdg_goals__number", "sdg_goals__name"),
    "sdg_target": ("sdg_targets__code", "sdg_targets__name"),
    "affected_group": ("affected_groups__slug", "affected_groups__name"),
    "cluster": ("clusters__slug", "clusters__name"),
    "position": ("position", None),
    "status": ("_current_status", None),  # of every recommendation, supported or not
}


def measure_by(
    recommendations: QuerySet[Recommendation], group_by: str, *, as_of: date | None = None
) -> list[GroupMeasure]:
    """The measure of each group of a set, in one query, largest groups first.

    A recommendation with several themes (states, institutions, goals, targets,
    groups, clusters) counts once in each; one with none is in a group whose key is
    None. ``as_of`` is as in ``measure``: a group with only recommendations of reviews
    not yet held on that day (grouped by review: a review not yet held) is absent.
    Raises ValueError for an unknown ``group_by``.
    """
    key_field, label_field, fields = _grouping(group_by)
    rows_by_key, labels = _by_key(
        _status_counts(recommendations, as_of, fields), group_by, key_field, label_field
    )
    if group_by == "review":
        labels = _review_labels(rows_by_key)
    return _groups(rows_by_key, labels)


def measure_by_each(
    recommendations: QuerySet[Recommendation], groupings: list[str], *, as_of: date | None = None
) -> dict[str, list[GroupMeasure]]:
    """``measure_by`` of one set for each of ``groupings`` (those whose groups are named,
    ``NAMED_GROUPINGS``: a dashboard's breakdowns), in one query for all of them: the
    counts of each grouping (``_status_counts``) one after the other (``UNION ALL``), each
    key and name as text, then each key read back by its own field. Raises ValueError
    for another grouping."""
    parts = []
    for index, group_by in enumerate(groupings):
        if group_by not in NAMED_GROUPINGS:
            raise ValueError(f"{group_by!r} is not one of {NAMED_GROUPINGS}")
        key_field, label_field = GROUPINGS[group_by]
        assert label_field is not None  # a named grouping
        counted = _status_counts(
            recommendations,
            as_of,
            [],
            _grouping=Value(index),
            _key=Cast(key_field, TextField()),
            _label=Cast(label_field, TextField()),
        )
        parts.append(counted.values_list("_grouping", "_key", "_label", *_COUNTED))
    if not parts:
        return {}
    first, *rest = parts
    rows: list[list[dict]] = [[] for _ in groupings]
    for index, key, label, *counts in first.union(*rest, all=True) if rest else first:
        rows[index].append(
            {"_key": key, "_label": label, **dict(zip(_COUNTED, counts, strict=True))}
        )
    each = {}
    for group_by, found in zip(groupings, rows, strict=True):
        key_field, _label_field = GROUPINGS[group_by]
        read = _field_at(key_field).to_python
        for row in found:
            row["_key"] = None if row["_key"] is None else read(row["_key"])
        each[group_by] = _groups(*_by_key(found, group_by, "_key", "_label"))
    return each


# The groupings whose groups are named by a related object (a theme, an institution …).
NAMED_GROUPINGS = tuple(name for name, (_key, label) in GROUPINGS.items() if label)
# What ``_status_counts`` counts by, beside the grouping.
_COUNTED = ("position", "_current_status", "_status_is_demo", "_count")


def _field_at(lookup: str) -> Field:
    """The model field a lookup from a recommendation ends at (``themes__slug``: a
    theme's slug)."""
    model: Any = Recommendation
    *path, name = lookup.split("__")
    for step in path:
        model = model._meta.get_field(step).related_model
    return model._meta.get_field(name)


# The groupings that put each recommendation in exactly one group.
PARTITIONS = ("review", "position", "status")


def measure_and_groups(
    recommendations: QuerySet[Recommendation],
    group_by: str,
    *,
    as_of: date | None = None,
    labelled: bool = True,
) -> tuple[Measure, list[GroupMeasure]]:
    """``measure`` and ``measure_by`` of one set together, from the same one query, for
    a grouping in ``PARTITIONS`` (each recommendation in one group, so the groups' counts
    add up to the whole); ``labelled=False`` spares the query naming the reviews (their
    groups are then labelled by id). Raises ValueError for another grouping."""
    if group_by not in PARTITIONS:
        raise ValueError(f"{group_by!r} does not split the set; choose one of {PARTITIONS}")
    key_field, label_field, fields = _grouping(group_by)
    rows = list(_status_counts(recommendations, as_of, fields))
    rows_by_key, labels = _by_key(rows, group_by, key_field, label_field)
    if group_by == "review" and labelled:
        labels = _review_labels(rows_by_key)
    return _fold(rows), _groups(rows_by_key, labels)


def _grouping(group_by: str) -> tuple[str, str | None, list[str]]:
    """(key field, label field, the fields to group on) of a grouping."""
    if group_by not in GROUPINGS:
        raise ValueError(f"Cannot group by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    key_field, label_field = GROUPINGS[group_by]
    fields = [key_field] + ([label_field] if label_field else [])
    if group_by == "status":
        fields = []  # the status is already one of the counted dimensions
    return key_field, label_field, fields


def _by_key(rows, group_by, key_field, label_field):
    rows_by_key: dict[object, list[dict]] = {}
    labels: dict[object, str] = {}
    for row in rows:
        key = row["_current_status"] if group_by == "status" else row[key_field]
        rows_by_key.setdefault(key, []).append(row)
        labels[key] = (
            row[label_field] or str(key)
            if label_field and key is not None
            else _label(group_by, key)
        )
    return rows_by_key, labels


def _review_labels(keys) -> dict[object, str]:
    reviews = ReviewCycle.objects.select_related("state_under_review", "mechanism")
    return {review.pk: str(review) for review in reviews.filter(pk__in=list(keys))}


def _groups(rows_by_key, labels) -> list[GroupMeasure]:
    groups = [
        GroupMeasure(key=key, label=labels[key], measure=_fold(rows))
        for key, rows in rows_by_key.items()
    ]
    groups.sort(key=lambda group: (-group.measure.total, str(group.label)))
    return groups


def _label(group_by: str, key) -> str:
    if key is None:
        return gettext("None recorded")
    if group_by == "position":
        return str(Position(key).label)
    if group_by == "status":
        return str(Status(key).label)
    return str(key)


def _as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
