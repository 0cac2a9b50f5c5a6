from django.db.models import Prefetch

from web.api.csv_export import stream_csv
from web.api.viewsets import TrackerViewSet

from ... import rules
from ...filters import RecommendationFilter
from ...models import Responsibility
from ...selectors import with_current_status, with_status_is_demo, with_tags, with_text_in
from ..serializers import RecommendationSerializer
from ..serializers.recommendations import csv_rows


class RecommendationViewSet(TrackerViewSet):
    """Recommendations with their current implementation status; every filter of
    the contract (``recommendations.filters.RecommendationFilter``)."""

    serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter

    def get_queryset(self):
        recommendations = with_tags(
            rules.visible_recommendations(self.request.user),
            Prefetch("responsibilities", queryset=Responsibility.objects.order_by("pk")),
        ).order_by("review_id", "sort_key", "pk")
        # The texts in the request's language (?lang=, Accept-Language): no query per row.
        return with_text_in(with_status_is_demo(with_current_status(recommendations)))

    def stream_csv(self):
        """Every matching recommendation as the JSON shows it, in one query however many
        (``serializers.recommendations.csv_rows``)."""
        recommendations = self.filter_queryset(self.get_queryset()).prefetch_related(None)
        serializer = self.get_read_serializer(None)
        columns = [name for name, field in serializer.fields.items() if not field.write_only]
        return stream_csv(csv_rows(recommendations, serializer), columns, self.basename)
