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
    """The first ``shown`` of a queryset and how many it holds: their ids and the count in
    one query (each id carries the count of all; ids alone are sorted, not whole rows
    with their texts), then those rows."""
    first = list(queryset.annotate(_of_all=Window(Count("*"))).values_list("pk", "_of_all")[:shown])
    if not first:
        return [], 0
    return in_order(queryset, [pk for pk, _count in first]), first[0][1]


def in_order(queryset, ids: list) -> list:
    """The rows of ``queryset`` with these ids, in the order of ``ids``."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]
