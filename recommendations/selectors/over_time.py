"""The measure over time, from the validated update history.

Each point is ``measure_by(…, as_of=day)`` for one day, so the curve says exactly
what the measure said on that day; all points come from one ``implemented_by_days``
(three queries however many days), and are kept in the cache under a key that any
change of the data counted changes (``recommendations.caching``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from .. import caching
from ..models import SUPPORTED_POSITIONS, Recommendation, ReviewCycle
from .measure_by_days import implemented_by_days

MAX_POINTS = 40


@dataclass(frozen=True)
class Line:
    """One review's % implemented at each day of the series; None where the review
    had not happened yet or nothing was supported ("no data")."""

    review: ReviewCycle
    points: list[Decimal | None]


@dataclass(frozen=True)
class OverTime:
    days: list[date]
    lines: list[Line]
    includes_demo: bool = False  # whether any point counts a demo assessment

    @property
    def rows(self) -> list[tuple[date, list[Decimal | None]]]:
        """The same figures by day: (day, [each line's point that day])."""
        return [
            (day, [line.points[index] for line in self.lines])
            for index, day in enumerate(self.days)
        ]


def half_year_ends(start: date, end: date, *, max_points: int = MAX_POINTS) -> list[date]:
    """30 June and 31 December of each half-year from ``start``'s to the last one ended
    before ``end``, then ``end`` itself. When that is more than ``max_points`` days,
    whole years (31 December) instead, then every few years, ending with ``end``."""
    if end < start:
        return []
    ends = []
    year, half = start.year, 0 if start.month <= 6 else 1
    while True:
        day = date(year, 6, 30) if half == 0 else date(year, 12, 31)
        if day >= end:
            break
        ends.append(day)
        year, half = (year, 1) if half == 0 else (year + 1, 0)
    if len(ends) + 1 > max_points:
        year_ends = [day for day in ends if day.month == 12]
        step = -(-len(year_ends) // (max_points - 1))
        ends = year_ends[::-1][::step][::-1]  # counted back from the latest
    return [*ends, end]


def implementation_over_time(
    recommendations: QuerySet[Recommendation],
    reviews: list[ReviewCycle],
    *,
    today: date | None = None,
    cached: bool = True,
) -> OverTime:
    """% implemented of each of ``reviews`` (restricted to ``recommendations``) at the
    end of each half-year from the earliest review to ``today``.

    Each point is ``measure_by(…, as_of=day)``: a review not yet held on a day has
    no point (None) there, as the measure gives it no figure; reviews without a
    review date count from the first day; a review with no supported recommendation
    has a line of None. Read from the cache when the same series was computed since
    the data last changed; else computed in three queries, and kept (unless ``cached``
    is False: for a caller that keeps it with more).
    """
    today = today or timezone.localdate()
    dated = [review.review_date for review in reviews if review.review_date]
    if not reviews or not dated:
        return OverTime(days=[], lines=[])
    days = half_year_ends(min(dated), today)
    # % implemented counts the supported ones only: the others need not be read.
    supported = recommendations.filter(position__in=SUPPORTED_POSITIONS)

    def points():
        # The measure leaves out a review not yet held on a day: no point there.
        by_day, includes_demo = implemented_by_days(supported, reviews, days)
        return [by_day[day] for day in days], includes_demo

    by_day, includes_demo = (
        caching.cached(
            "over-time-points", points, supported, [(r.pk, r.review_date) for r in reviews], days
        )
        if cached
        else points()
    )
    lines = [
        Line(review=review, points=[figures.get(pk) for figures in by_day])
        for review, pk in ((review, review.pk) for review in reviews)
    ]
    return OverTime(days=days, lines=lines, includes_demo=includes_demo)
