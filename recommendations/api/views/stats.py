from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from web.api.csv_export import CSVRenderer, stream_csv
from web.api.permissions import MayRead
from web.api.viewsets import ErrorsAsJsonMixin
from web.replicas import reads_from_replica

from ... import caching, rules
from ...filters import RecommendationFilter
from ...models import Position, Status
from ...selectors import measure, measure_by
from ..serializers import StatsQuerySerializer, StatsSerializer


@method_decorator(reads_from_replica, name="dispatch")
class StatsView(ErrorsAsJsonMixin, GenericAPIView):
    """The measure (DESIGN.md) of the recommendations the filters select, per group
    (``group_by``) and overall, as of today or of the filters' ``as_of`` day (then a
    review not yet held is absent). The figures come from ``selectors.measure`` /
    ``measure_by``, the functions the dashboard calls."""

    permission_classes = [MayRead]
    filterset_class = RecommendationFilter
    pagination_class = None
    serializer_class = StatsSerializer

    def get_queryset(self):
        return rules.visible_recommendations(self.request.user)

    def get_renderers(self):
        return [JSONRenderer(), CSVRenderer()]

    @extend_schema(parameters=[StatsQuerySerializer], responses=StatsSerializer, filters=True)
    def get(self, request, *args, **kwargs):
        query = StatsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        group_by = query.validated_data["group_by"]
        selection = self.selection()
        recommendations, as_of = selection.qs, selection.as_of_day
        results = [
            {"key": group.key, "label": group.label, **group.measure.as_dict()}
            for group in caching.kept(measure_by, recommendations, group_by, as_of=as_of)
        ]
        overall = caching.kept(measure, recommendations, as_of=as_of).as_dict()
        if isinstance(request.accepted_renderer, CSVRenderer):
            rows = [*results, {"key": "", "label": gettext("All"), **overall}]
            return stream_csv(map(_flat, rows), CSV_COLUMNS, f"stats-by-{group_by}")
        return Response({"results": results, "overall": overall})

    def selection(self) -> RecommendationFilter:
        """The request's filters, read (a 400 naming each parameter not understood)."""
        selection = RecommendationFilter(
            self.request.query_params, queryset=self.get_queryset(), request=self.request
        )
        if not selection.is_valid():
            raise translate_validation(selection.errors)
        return selection


CSV_COLUMNS = [
    "key",
    "label",
    "total",
    *(f"position_{position}" for position in Position.values),
    "supported",
    *(f"status_{status}" for status in Status.values),
    "percent_implemented",
    "percent_at_least_partially",
    "includes_demo",
]


def _flat(row: dict) -> dict:
    flat = {name: value for name, value in row.items() if not isinstance(value, dict)}
    flat.update({f"position_{key}": count for key, count in row["by_position"].items()})
    flat.update({f"status_{key}": count for key, count in row["by_status"].items()})
    return flat
