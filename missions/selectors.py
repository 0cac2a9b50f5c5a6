"""What every door that shows engagements reads with them."""

from django.db.models import Prefetch, QuerySet

from .models import Engagement


def with_everything_shown(
    engagements: QuerySet[Engagement], recommendations: QuerySet
) -> QuerySet[Engagement]:
    """``engagements`` with what their page, their list in the API and their download
    show joined or prefetched (no query per engagement); of their linked
    recommendations, only those among ``recommendations`` (those the reader may see)."""
    return engagements.select_related("country", "state_concerned", "source").prefetch_related(
        "organisers",
        "funders",
        "participants",
        "mechanisms",
        "themes",
        "affected_groups",
        Prefetch("recommendations", queryset=recommendations),
    )
