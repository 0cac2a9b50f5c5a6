from django_filters import rest_framework as filters

from web.api.permissions import MayRead
from web.api.viewsets import TrackerViewSet
from web.filters import FilterSet

from ... import rules
from ...models import IndependentAssessment
from ..serializers import IndependentAssessmentSerializer


class IndependentAssessmentFilter(FilterSet):
    review = filters.NumberFilter(field_name="recommendation__review", label="Review (id)")

    class Meta:
        model = IndependentAssessment
        fields = ["recommendation", "review", "organisation", "status", "moderation_state"]


class IndependentAssessmentViewSet(TrackerViewSet):
    """National human-rights institutions' and NGOs' own assessments of recommendations,
    on the official status's scale, published by the coordinators beside it (they never
    change the official status or the figures). Readers see the published ones;
    contributors also their organisation's others, coordinators all. Read-only."""

    serializer_class = IndependentAssessmentSerializer
    filterset_class = IndependentAssessmentFilter
    # Every reader may call it; only reads are answered (405 for the rest).
    permission_classes = [MayRead]
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        assessments = IndependentAssessment.objects.select_related("organisation").order_by(
            "-assessed_on", "-id"
        )
        return rules.visible_assessments(self.request.user, assessments)
