"""What needs attention: supported recommendations whose progress has stalled.

"Overdue" is defined here once (``with_overdue_flag``); the workspace, the
reminders, the dashboard and the institution pages ask these functions.
"""

import calendar
from datetime import date
from typing import TYPE_CHECKING

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

from ..models import SUPPORTED_POSITIONS, Recommendation, Status
from .measure import CurrentStatus, held_by, validated_updates, with_current_status

if TYPE_CHECKING:  # django-stubs' helper is a development dependency
    from django_stubs_ext import WithAnnotations


class OverdueFlag(CurrentStatus):
    """What ``with_overdue_flag`` adds to each recommendation."""

    last_validated_on: date | None
    progress_since: date
    is_overdue: bool


def overdue_threshold(today: date | None = None) -> date:
    """The day ``settings.UPR_OVERDUE_MONTHS`` months before ``today`` (default: today)."""
    today = today or timezone.localdate()
    months = today.year * 12 + today.month - 1 - settings.UPR_OVERDUE_MONTHS
    year, month = divmod(months, 12)
    month += 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def with_overdue_flag(
    recommendations: QuerySet[Recommendation],
    *,
    today: date | None = None,
    as_of: date | None = None,
) -> "QuerySet[WithAnnotations[Recommendation, OverdueFlag]]":
    """Annotate ``current_status``, ``last_validated_on`` (the assessment date of the
    latest validated update, or None) and ``is_overdue``.

    A recommendation is overdue when it is supported (wholly or in part), not yet
    implemented, and no validated update has been assessed for more than
    ``settings.UPR_OVERDUE_MONTHS`` months; without any validated update the months
    count from the review's adoption (or review) date. The workspace, the reminders
    and the dashboards all ask this one function.

    ``as_of`` asks what was overdue on a past day, as the measure sees that day: the
    recommendations of reviews held by then, their status of that day and the updates
    validated and assessed by then, counted back from that day.
    """
    if as_of is not None:
        today, recommendations = as_of, held_by(recommendations, as_of)
    latest = (
        validated_updates(as_of)
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
    return with_current_status(recommendations, as_of=as_of).annotate(
        last_validated_on=Subquery(latest, output_field=DateField()),
        progress_since=since,
        is_overdue=Case(
            When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
    )


def overdue_recommendations(
    recommendations: QuerySet[Recommendation],
    *,
    today: date | None = None,
    as_of: date | None = None,
) -> QuerySet[Recommendation]:
    """The overdue ones of a set of recommendations (see ``with_overdue_flag``)."""
    return with_overdue_flag(recommendations, today=today, as_of=as_of).filter(is_overdue=True)


def overdue_count_by_institution(
    recommendations: QuerySet[Recommendation],
    *,
    today: date | None = None,
    as_of: date | None = None,
) -> dict[int, int]:
    """{institution id: how many of the overdue recommendations of the set it leads or
    supports} (on a past day with ``as_of``), in one query."""
    overdue = overdue_recommendations(recommendations, today=today, as_of=as_of)
    rows = (
        Recommendation.objects.filter(pk__in=overdue.values("pk"))
        .values("institutions")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    return {row["institutions"]: row["count"] for row in rows if row["institutions"] is not None}
