"""The measure on many days at once: ``measure_by`` as of each day of a series, from the
compact status history, in a fixed number of queries whatever the number of days.

It is the measure's own definition (``measure._fold``, the groupings, ``held_by``)
applied to counts the database makes per interval between two days;
``tests/test_measure_by_days.py`` holds it to ``measure_by(…, as_of=day)`` on every day.
"""

from bisect import bisect_left
from datetime import date
from decimal import Decimal
from itertools import accumulate

from django.db.models import Count, Exists, Expression, F, IntegerField, QuerySet
from django.db.models.functions import Greatest

from ..models import SUPPORTED_POSITIONS, Recommendation, ReviewCycle, Status
from .measure import (
    GroupMeasure,
    _fold_counts,
    _grouping,
    _label,
    _review_labels,
    each_once,
)


def measure_by_days(
    recommendations: QuerySet[Recommendation],
    group_by: str,
    days: list[date],
    *,
    labelled: bool = True,
) -> dict[date, list[GroupMeasure]]:
    """``measure_by(recommendations, group_by, as_of=day)`` for each of ``days``, in two
    queries (three grouped by review and labelled) however many days: what the curve of
    a figure over time needs.

    The statuses come from the status changes (``StatusChange``): each is in force from
    its day (or, if later, the day its review was held) until the next change, so a
    figure on a day is the count of changes begun by then and not yet ended. The
    database counts changes and recommendations per group, position, status and the
    interval between two of ``days`` they begin and end in; adding them up day by day
    is left to Python (a few rows per group and day). ``labelled=False`` spares the
    query naming the reviews when only their keys are wanted.
    Raises ValueError for an unknown ``group_by``.
    """
    days = sorted(set(days))
    grouped_on, label_field, fields = _grouping(group_by)
    key_field: str | None = None if group_by == "status" else grouped_on
    if group_by == "status":
        fields = []
    once = each_once(recommendations)
    held = _interval("review__review_date", days, when_null=0)
    members = once.values(*fields, "position", _held=held).annotate(_count=Count("*")).order_by()
    # As tuples (key, position, status, is_demo, held, from, until, count): a few rows per group and
    # interval, many thousands over every review, read without a dict each.
    changes = (
        once.filter(status_changes__isnull=False)
        .annotate(
            _held=held,
            _from=_interval("status_changes__day", days, when_null=len(days)),
            _until=_interval("status_changes__until", days, when_null=len(days)),
        )
        .values_list(
            key_field if key_field else "position",
            "position",
            "status_changes__status",
            "status_changes__is_demo",
            "_held",
            "_from",
            "_until",
        )
        .annotate(_count=Count("*"))
        .order_by()
    )
    counts = _DayCounts(len(days), by_status=group_by == "status")
    labels: dict[object, str] = {}
    for row in members:
        key = row[key_field] if key_field else None
        counts.add(key, row["position"], None, False, row["_held"], len(days), row["_count"])
        if label_field and key is not None:
            labels[key] = row[label_field]
    for key, position, status, is_demo, held_from, begins, ends, count in changes:
        counts.add(
            key if key_field else None,
            position,
            status,
            is_demo,
            max(begins, held_from),
            ends,
            count,
        )
    counts_by_day = counts.by_day()
    if group_by == "review" and labelled:
        labels = _review_labels({key for day in counts_by_day for key, _ in day.items()})
    result = {}
    folded: dict[tuple, object] = {}  # the same counts on another day or in another group

    def measured(group_counts):
        counted = tuple(sorted(group_counts))
        if counted not in folded:
            folded[counted] = _fold_counts(counted)
        return folded[counted]

    for day, counts_of_groups in zip(days, counts_by_day, strict=True):
        groups = [
            GroupMeasure(
                key=key,
                label=labels[key] if key in labels else _label(group_by, key),
                measure=measured(group_counts),
            )
            for key, group_counts in counts_of_groups.items()
        ]
        groups.sort(key=lambda group: (-group.measure.total, str(group.label)))
        result[day] = groups
    return result


def implemented_by_days(
    recommendations: QuerySet[Recommendation], reviews: list[ReviewCycle], days: list[date]
) -> tuple[dict[date, dict[int, Decimal | None]], bool]:
    """For each of ``days``, the % implemented of each of ``reviews`` held by then
    ({review id: figure}, restricted to ``recommendations``), and whether any of these
    figures counts a demo assessment: ``measure_by_days(…, "review", days)``'s
    ``percent_implemented`` and ``includes_demo``, from less (what a chart of the
    % implemented of every review needs; ``tests/test_measure_by_days.py`` holds them
    equal).

    Only the changes into "implemented" are read (the % implemented is implemented ÷
    supported, folded by the measure's own ``_fold_counts``; any other status counts
    here as not started, which changes nothing of it), and the reviews' dates come from
    ``reviews`` rather than a join. Whether a figure counts a demo assessment (of any
    status) is asked with the members' count, by a subquery that stops at the first. Two queries.
    """
    days = sorted(set(days))
    n = len(days)
    held = {
        review.pk: bisect_left(days, review.review_date) if review.review_date else 0
        for review in reviews
    }
    once = each_once(recommendations.filter(review__in=list(held)))
    members: dict[int, dict[str, int]] = {}
    includes_demo = False
    # With the members counted, whether a figure counts a demo assessment: asked once
    # (the condition names no row of the count), not in a query of its own.
    for review, position, count, demo in (
        once.values_list("review_id", "position")
        .annotate(_count=Count("*"), _demo=_counts_a_demo_assessment(once, days))
        .order_by()
    ):
        members.setdefault(review, {})[position] = count
        includes_demo = includes_demo or demo
    # Per (review, position): how many changes into "implemented" begin in force at each
    # interval, less those that end there (read from the day the review is held only).
    steps: dict[tuple[int, str], list[int]] = {}
    for review, position, begins, ends, count in (
        once.filter(status_changes__status=Status.IMPLEMENTED)
        .annotate(
            _from=_interval("status_changes__day", days, when_null=n),
            _until=_interval("status_changes__until", days, when_null=n),
        )
        .values_list("review_id", "position", "_from", "_until")
        .annotate(_count=Count("*"))
        .order_by()
    ):
        if begins < ends:
            line = steps.setdefault((review, position), [0] * (n + 1))
            line[begins] += count
            line[ends] -= count
    implemented = {key: list(accumulate(line[:n])) for key, line in steps.items()}
    folded: dict[tuple, Decimal | None] = {}  # the same counts on another day or review
    by_day: list[dict[int, Decimal | None]] = [{} for _day in days]
    for review, of_positions in members.items():
        lines = [
            (position, count, implemented.get((review, position)))
            for position, count in sorted(of_positions.items())
        ]
        for index in range(held[review], n):
            counts = tuple(
                (position, count, line[index] if line else 0) for position, count, line in lines
            )
            if counts not in folded:
                folded[counts] = _fold_counts(
                    figure
                    for position, count, done in counts
                    for figure in (
                        (position, Status.IMPLEMENTED, False, done),
                        (position, Status.NOT_STARTED, False, count - done),
                    )
                ).percent_implemented
            by_day[index][review] = folded[counts]
    return dict(zip(days, by_day, strict=True)), includes_demo


def _counts_a_demo_assessment(recommendations: QuerySet[Recommendation], days) -> Exists:
    """Whether a supported recommendation of the set has a status from a demo assessment
    in force on one of ``days`` after its review was held (the measure's
    ``includes_demo`` on some day)."""
    return Exists(
        recommendations.filter(position__in=SUPPORTED_POSITIONS, status_changes__is_demo=True)
        .alias(
            _held=_interval("review__review_date", days, when_null=0),
            _from=_interval("status_changes__day", days, when_null=len(days)),
            _until=_interval("status_changes__until", days, when_null=len(days)),
        )
        .filter(_until__gt=Greatest("_from", "_held"))
    )


def _interval(field: str, days: list[date], *, when_null: int) -> "_Interval":
    """Which of ``days`` a date first falls on or before: 0 for the first day, …,
    ``len(days)`` for none of them; ``when_null`` for no date."""
    return _Interval(field, days, when_null)


class _Interval(Expression):
    """``_interval`` as a CASE on any database, and as ``width_bucket`` (a binary search
    over the days, the same answer) on PostgreSQL, where a CASE of forty days compared
    for each of a million rows would be the query's main cost. Either is written from the
    date's compiled SQL and the days as parameters: forty ``When`` lookups resolved by the
    ORM for each interval cost a series of a few reviews more than its queries."""

    def __init__(self, field: str, days: list[date], when_null: int):
        super().__init__(output_field=IntegerField())
        self.days, self.when_null = days, when_null
        self.date = F(field)

    def get_source_expressions(self):
        return [self.date]

    def set_source_expressions(self, expressions):
        (self.date,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.date)
        days = [connection.ops.adapt_datefield_value(day) for day in self.days]
        whens = " ".join(f"WHEN {sql} <= %s THEN {index}" for index in range(len(days)))
        return (
            f"CASE WHEN {sql} IS NULL THEN {int(self.when_null)} {whens} ELSE {len(days)} END",
            [*params, *(value for day in days for value in (*params, day))],
        )

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.date)
        return (
            f"COALESCE(width_bucket({sql} - 1, %s::date[]), %s)",
            [*params, list(self.days), self.when_null],
        )


class _DayCounts:
    """Counts per (group, position, status, whether from a demo assessment) that begin in
    force at one interval and end at a later one, added up into the counts on each day."""

    def __init__(self, days: int, *, by_status: bool):
        self.days = days
        self.by_status = by_status  # grouped by the status itself
        self.changes: dict[tuple, list[int]] = {}

    def add(self, key, position, status, is_demo: bool, begins: int, ends: int, count: int):
        """``status`` None: recommendations (held from ``begins``); else status changes."""
        if begins >= ends:
            return
        steps = self.changes.setdefault(
            (key, position, status, bool(is_demo)), [0] * (self.days + 1)
        )
        steps[begins] += count
        steps[ends] -= count

    def by_day(self) -> list[dict[object, list[tuple]]]:
        """For each day: {group: [(position, status, is_demo, how many)]}, a group's recommendations
        with no status change in force that day counted as not started (grouped by
        status, each count is in its status's group)."""
        days = self.days
        by_day: list[dict[object, list[tuple]]] = [{} for _ in range(days)]
        held: dict[tuple, list[int]] = {}
        with_status: dict[tuple, list[int]] = {}
        for (key, position, status, is_demo), steps in self.changes.items():
            running = list(accumulate(steps[:days]))
            if status is None:
                held[(key, position)] = running
                continue
            counted = with_status.setdefault((key, position), [0] * days)
            for index, value in enumerate(running):
                if value:
                    group = status if self.by_status else key
                    by_day[index].setdefault(group, []).append((position, status, is_demo, value))
                    counted[index] += value
        not_started = Status.NOT_STARTED.value
        for (key, position), running in held.items():
            counted = with_status.get((key, position), [0] * days)
            for index, value in enumerate(running):
                if value - counted[index]:
                    group = not_started if self.by_status else key
                    by_day[index].setdefault(group, []).append(
                        (position, not_started, False, value - counted[index])
                    )
        return by_day
