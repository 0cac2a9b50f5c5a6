"""What needs attention: supported recommendations whose progress has stalled.

"Overdue" is defined here once; the dashboard, the institution pages (and any
reminder) ask these functions.
"""

import calendar
from datetime import date

from django.conf import settings
from django.db.models import Count, DateField, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from ..models import SUPPORTED_POSITIONS, Recommendation, Status
from .measure import validated_updates, with_current_status


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def overdue_cutoff(*, today: date | None = None, months: int | None = None) -> date:
    """The date before which the last validated progress makes a recommendation overdue."""
    today = today or timezone.localdate()
    months = settings.UPR_OVERDUE_MONTHS if months is None else months
    return months_before(today, months)


def last_progress_expression():
    """When a recommendation last moved: the assessment date of its latest validated
    update; with none, the date its review's outcome was adopted (or the review
    itself, or the day it was recorded)."""
    latest = (
        validated_updates()
        .filter(recommendation=OuterRef("pk"))
        .order_by("-assessed_on")
        .values("assessed_on")[:1]
    )
    return Coalesce(
        Subquery(latest, output_field=DateField()),
        F("review__adoption_date"),
        F("review__review_date"),
        TruncDate("created_at"),
        output_field=DateField(),
    )


def overdue_recommendations(
    recommendations: QuerySet[Recommendation],
    *,
    today: date | None = None,
    months: int | None = None,
) -> QuerySet[Recommendation]:
    """The supported recommendations of a set that are not implemented and have had
    no validated progress for more than ``months`` months (default:
    ``settings.UPR_OVERDUE_MONTHS``) before ``today``.

    Each is annotated with ``current_status`` and ``last_progress_on`` (see
    ``last_progress_expression``); the oldest come first. Drafts and submitted
    updates do not count: only validated progress stops the clock.
    """
    cutoff = overdue_cutoff(today=today, months=months)
    return (
        with_current_status(recommendations)
        .annotate(last_progress_on=last_progress_expression())
        .filter(position__in=SUPPORTED_POSITIONS, last_progress_on__lt=cutoff)
        .exclude(current_status=Status.IMPLEMENTED)
        .order_by("last_progress_on", "review", "sort_key")
    )


def overdue_count_by_institution(
    recommendations: QuerySet[Recommendation],
    *,
    today: date | None = None,
    months: int | None = None,
) -> dict[int, int]:
    """{institution id: how many of the overdue recommendations of the set it leads or
    supports}, in one query."""
    overdue = overdue_recommendations(recommendations, today=today, months=months)
    rows = (
        Recommendation.objects.filter(pk__in=overdue.values("pk"))
        .values("institutions")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    return {row["institutions"]: row["count"] for row in rows if row["institutions"] is not None}
