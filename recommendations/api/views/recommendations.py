from django.db.models import Prefetch
from django.utils.translation import get_language

from web.api.csv_export import CSVRenderer, stream_csv
from web.api.pagination import KnownCount
from web.api.viewsets import TrackerViewSet

from ... import caching, rules
from ...filters import RecommendationFilter
from ...models import Responsibility
from ...selectors import (
    measure,
    with_current_status,
    with_status_is_demo,
    with_tags,
    with_text_in,
)
from ..serializers import RecommendationSerializer
from ..serializers.recommendations import PlainRecords, csv_rows


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

    def list(self, request, *args, **kwargs):
        """A page of recommendations as the serializer shows them, read as plain values
        (``PlainRecords``: one query for the page, relations included) and kept a while
        with the figures (``KeptPages``)."""
        if isinstance(request.accepted_renderer, CSVRenderer):
            return self.stream_csv()
        records = PlainRecords(self.get_read_serializer(None))
        recommendations = self.filter_queryset(self.get_queryset()).prefetch_related(None)
        # How many: the measure's total, kept with the figures (no count per page).
        total = caching.kept(measure, recommendations.order_by()).total
        rows = KnownCount(KeptPages(records, recommendations), total)
        page: list[dict] | None = self.paginate_queryset(rows)  # type: ignore[arg-type]  # sliced and counted as a queryset is
        assert page is not None  # every list is paginated (settings.REST_FRAMEWORK)
        return self.get_paginated_response(page)

    def stream_csv(self):
        """Every matching recommendation as the JSON shows it, in one query however many
        (``serializers.recommendations.csv_rows``)."""
        recommendations = self.filter_queryset(self.get_queryset()).prefetch_related(None)
        serializer = self.get_read_serializer(None)
        columns = [name for name, field in serializer.fields.items() if not field.write_only]
        return stream_csv(csv_rows(recommendations, serializer), columns, self.basename)


class KeptPages:
    """The ``recommendations`` as ``records`` shows them, a page (a slice) at a time, each
    page kept with the figures for a short while (``caching.ROWS_TIMEOUT``) under the
    recommendations' SQL (whose rows, in which order), the page's bounds, the fields shown
    and the language: the next client asking for the same page gets it without a query,
    and a validation or an edit shows at once (it moves the figures' version on). The
    values query, its relations joined (``PlainRecords.values``), is made only for a page
    not kept: it costs more to write than the key it would be named by."""

    def __init__(self, records: PlainRecords, recommendations):
        self.records, self.recommendations = records, recommendations

    def __getitem__(self, page: slice) -> list[dict]:
        def shown() -> list[dict]:
            rows = self.records.values(self.recommendations)[page]
            return [self.records.shown(row) for row in rows]

        return caching.cached(
            "api-records",
            shown,
            self.recommendations,
            (page.start, page.stop),
            list(self.records.sources.items()),
            get_language(),
            timeout=caching.ROWS_TIMEOUT,
        )
