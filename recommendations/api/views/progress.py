from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action

from web.api.viewsets import TrackerViewSet
from web.filters import FilterSet, IdFilter

from ... import rules, services
from ...models import ImplementationAction, ProgressUpdate, Recommendation
from ..serializers import (
    ImplementationActionSerializer,
    ProgressUpdateCreateSerializer,
    ProgressUpdateEditSerializer,
    ProgressUpdateReturnSerializer,
    ProgressUpdateSerializer,
)


class ImplementationActionFilter(FilterSet):
    recommendation = IdFilter(
        field_name="recommendations", queryset=Recommendation.objects.all(), distinct=True
    )

    class Meta:
        model = ImplementationAction
        fields = ["recommendation", "institution", "status"]


class ImplementationActionViewSet(TrackerViewSet):
    """Measures taken or planned. Ministry staff record their own institution's
    actions for the recommendations it is responsible for; coordinators any."""

    serializer_class = ImplementationActionSerializer
    filterset_class = ImplementationActionFilter
    write_rule = staticmethod(rules.may_write)

    def get_queryset(self):
        user = self.request.user
        actions = (
            ImplementationAction.objects.select_related("source")
            .prefetch_related(
                Prefetch(
                    "recommendations",
                    queryset=rules.visible_recommendations(user).order_by("pk"),
                )
            )
            .order_by("-start_date", "title", "pk")
        )
        return rules.visible_actions(user, actions)


class ProgressUpdateFilter(FilterSet):
    class Meta:
        model = ProgressUpdate
        fields = ["recommendation", "institution", "status", "workflow_state", "source"]


@extend_schema_view(
    create=extend_schema(
        request=ProgressUpdateCreateSerializer, responses=ProgressUpdateSerializer
    ),
    update=extend_schema(request=ProgressUpdateEditSerializer, responses=ProgressUpdateSerializer),
    partial_update=extend_schema(
        request=ProgressUpdateEditSerializer, responses=ProgressUpdateSerializer
    ),
)
class ProgressUpdateViewSet(TrackerViewSet):
    """Assessments of a recommendation's status. Everyone reads validated ones;
    ministry staff also their institution's drafts; coordinators all. Content
    changes and the workflow steps go through ``recommendations.services``."""

    serializer_class = ProgressUpdateSerializer
    read_serializer_class = ProgressUpdateSerializer
    filterset_class = ProgressUpdateFilter
    write_rule = staticmethod(rules.may_write)

    def get_queryset(self):
        updates = ProgressUpdate.objects.order_by("-assessed_on", "-id")
        return rules.visible_updates(self.request.user, updates)

    def get_serializer_class(self):
        if self.action == "create":
            return ProgressUpdateCreateSerializer
        if self.action in ("update", "partial_update"):
            return ProgressUpdateEditSerializer
        if self.action == "return_update":
            return ProgressUpdateReturnSerializer
        return ProgressUpdateSerializer

    def _step(self, service, **arguments):
        with transaction.atomic():
            update = self.locked_object()
            update = service(user=self.request.user, update=update, **arguments)
        return self.respond_with(update)

    @extend_schema(request=None, responses=ProgressUpdateSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send a draft (or a corrected returned update) to the coordinators."""
        return self._step(services.progress_update_submit)

    @extend_schema(request=None, responses=ProgressUpdateSerializer)
    @action(detail=True, methods=["post"])
    def validate(self, request, *args, **kwargs):
        """Accept a submitted update (coordinators): from now on it counts in the measure."""
        return self._step(services.progress_update_validate)

    @extend_schema(request=ProgressUpdateReturnSerializer, responses=ProgressUpdateSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_update(self, request, *args, **kwargs):
        """Send a submitted update back to its institution with a comment (coordinators)."""
        serializer = ProgressUpdateReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._step(
            services.progress_update_return, comment=serializer.validated_data["comment"]
        )
