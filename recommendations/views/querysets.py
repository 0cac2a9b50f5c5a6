"""Shapes of querysets the pages share, so that no template loop queries."""

from django.db.models import Count, Prefetch, Window

from ..models import Responsibility


def with_lead(recommendations):
    """Prefetch each recommendation's lead institution as ``lead_responsibilities``
    (a list of at most one): one query for the whole page."""
    return recommendations.prefetch_related(
        Prefetch(
            "responsibilities",
            queryset=Responsibility.objects.filter(role=Responsibility.Role.LEAD).select_related(
                "institution"
            ),
            to_attr="lead_responsibilities",
        )
    )


def longest_overdue_first(overdue):
    """Overdue recommendations (``selectors.overdue_recommendations``), those stalled
    the longest first."""
    return overdue.order_by("progress_since", "review", "sort_key")


def first_and_count(queryset, shown: int) -> tuple[list, int]:
    """The first ``shown`` of a queryset and how many it holds, in one query (each row
    carries the count of all of them)."""
    first = list(queryset.annotate(_of_all=Window(Count("*")))[:shown])
    return first, first[0]._of_all if first else 0
