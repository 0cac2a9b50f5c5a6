from django.db.models import Prefetch

from web.api.viewsets import TrackerViewSet

from ... import rules
from ...filters import RecommendationFilter
from ...models import Responsibility
from ...selectors import with_current_status, with_status_is_demo
from ..serializers import RecommendationSerializer


class RecommendationViewSet(TrackerViewSet):
    """Recommendations with their current implementation status; every filter of
    the contract (``recommendations.filters.RecommendationFilter``)."""

    serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter

    def get_queryset(self):
        recommendations = (
            rules.visible_recommendations(self.request.user)
            .prefetch_related(
                "recommending_states",
                "themes",
                "affected_groups",
                "sdg_goals",
                "sdg_targets",
                Prefetch("responsibilities", queryset=Responsibility.objects.order_by("pk")),
            )
            .order_by("review_id", "sort_key", "pk")
        )
        return with_status_is_demo(with_current_status(recommendations))
