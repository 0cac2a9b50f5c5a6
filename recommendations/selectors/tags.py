"""A recommendation's tags: the recommending states, themes, affected groups, SDG goals and
SDG targets it is linked to, read with it wherever it is shown."""

from django.db.models import QuerySet

TAGS = ("recommending_states", "themes", "affected_groups", "sdg_goals", "sdg_targets")


def with_tags(recommendations: QuerySet, *more) -> QuerySet:
    """``recommendations`` with their tags (and the ``more`` lookups) prefetched: one
    query for each, however many recommendations."""
    return recommendations.prefetch_related(*TAGS, *more)
