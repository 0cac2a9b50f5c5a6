from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action

from web.api.viewsets import TrackerViewSet
from web.filters import FilterSet, IdFilter

from ... import plans, rules
from ...models import Cluster, Indicator, IndicatorValue, Recommendation
from ...selectors import with_latest_value
from ..serializers import (
    ClusterSerializer,
    IndicatorSerializer,
    IndicatorValueCreateSerializer,
    IndicatorValueEditSerializer,
    IndicatorValueSerializer,
    ProgressUpdateReturnSerializer,
)


class IndicatorFilter(FilterSet):
    recommendation = IdFilter(
        field_name="action__recommendations", queryset=Recommendation.objects.all(), distinct=True
    )

    class Meta:
        model = Indicator
        fields = ["action", "institution", "frequency", "recommendation"]


class IndicatorViewSet(TrackerViewSet):
    """What actions are measured by: baseline, target, unit, frequency of reporting, the
    institution responsible, the next report date and the latest validated value.
    Everyone reads them; the action's institution and coordinators write them."""

    queryset = Indicator.objects.all()  # the router's name; each request's: get_queryset
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    write_rule = staticmethod(rules.may_write)

    def get_queryset(self):
        indicators = Indicator.objects.select_related("responsible_person").order_by(
            "action_id", "name", "pk"
        )
        return with_latest_value(rules.visible_indicators(self.request.user, indicators))


class IndicatorValueFilter(FilterSet):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "institution", "workflow_state"]


@extend_schema_view(
    create=extend_schema(
        request=IndicatorValueCreateSerializer, responses=IndicatorValueSerializer
    ),
    update=extend_schema(request=IndicatorValueEditSerializer, responses=IndicatorValueSerializer),
    partial_update=extend_schema(
        request=IndicatorValueEditSerializer, responses=IndicatorValueSerializer
    ),
)
class IndicatorValueViewSet(TrackerViewSet):
    """The values reported for indicators, through the progress updates' workflow:
    everyone reads validated ones; ministry staff also their institution's drafts;
    coordinators all. Content changes and the workflow steps go through
    ``recommendations.plans``; a value's first submission moves its indicator's next
    report date on by the indicator's frequency."""

    serializer_class = IndicatorValueSerializer
    read_serializer_class = IndicatorValueSerializer
    filterset_class = IndicatorValueFilter
    write_rule = staticmethod(rules.may_write)

    def get_queryset(self):
        values = IndicatorValue.objects.order_by("-measured_on", "-id")
        return rules.visible_indicator_values(self.request.user, values)

    def get_serializer_class(self):
        if self.action == "create":
            return IndicatorValueCreateSerializer
        if self.action in ("update", "partial_update"):
            return IndicatorValueEditSerializer
        if self.action == "return_value":
            return ProgressUpdateReturnSerializer
        return IndicatorValueSerializer

    def _step(self, service, **arguments):
        with transaction.atomic():
            value = self.locked_object()
            value = service(user=self.request.user, indicator_value=value, **arguments)
        return self.respond_with(value)

    @extend_schema(request=None, responses=IndicatorValueSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send a draft (or a corrected returned value) to the coordinators."""
        return self._step(plans.indicator_value_submit)

    @extend_schema(request=None, responses=IndicatorValueSerializer)
    @action(detail=True, methods=["post"])
    def validate(self, request, *args, **kwargs):
        """Accept a submitted value (coordinators): from now on it is part of the record."""
        return self._step(plans.indicator_value_validate)

    @extend_schema(request=ProgressUpdateReturnSerializer, responses=IndicatorValueSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_value(self, request, *args, **kwargs):
        """Send a submitted value back to its institution with a comment (coordinators)."""
        serializer = ProgressUpdateReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._step(
            plans.indicator_value_return, comment=serializer.validated_data["comment"]
        )


class ClusterViewSet(TrackerViewSet):
    """Named groups of recommendations (across mechanisms and cycles) one plan answers
    together, by slug: the ``cluster`` filter of recommendations and ``stats``'
    ``group_by=cluster`` take it. Coordinators write them."""

    queryset = Cluster.objects.all()  # the router's name; each request's: get_queryset
    serializer_class = ClusterSerializer
    lookup_field = "slug"
    lookup_case = staticmethod(str.lower)

    def get_queryset(self):
        user = self.request.user
        grouped = rules.visible_recommendations(user, Recommendation.objects.order_by("pk"))
        return rules.visible_clusters(user, Cluster.objects.order_by("name")).prefetch_related(
            Prefetch("recommendations", queryset=grouped)
        )
