"""What needs attention: supported recommendations whose progress has stalled.

"Overdue" is defined here once (``with_overdue_flag``); the workspace, the
reminders, the dashboard and the institution pages ask these functions.
"""

import calendar
from datetime import date

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    F,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from ..models import SUPPORTED_POSITIONS, Recommendation, Responsibility, Status
from .measure import each_once, with_current_status


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
        last_validated_on=F("status_on"),  # maintained with the status
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


def overdue_count_by_institution(
    recommendations: QuerySet[Recommendation], *, today: date | None = None
) -> dict[int, int]:
    """{institution id: how many of the overdue recommendations of the set it leads or
    supports}, in one query."""
    overdue = overdue_recommendations(each_once(recommendations), today=today)
    rows = (
        Responsibility.objects.filter(recommendation__in=overdue.values("pk"))
        .values("institution")
        .annotate(count=Count("*"))  # one responsibility per institution and recommendation
        .order_by()
    )
    return {row["institution"]: row["count"] for row in rows}
