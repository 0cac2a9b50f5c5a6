from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from web.api.viewsets import TrackerViewSet
from web.filters import FilterSet

from ... import rules
from ...models import ReviewCycle, State
from ..serializers import ReviewSerializer


class ReviewFilter(FilterSet):
    state_under_review = filters.ModelChoiceFilter(
        field_name="state_under_review",
        to_field_name="iso3",
        queryset=State.objects.all(),
        label=_("State under review (ISO3)"),
    )
    mechanism = filters.CharFilter(field_name="mechanism__code", label=_("Mechanism code"))

    class Meta:
        model = ReviewCycle
        fields = ["state_under_review", "mechanism", "cycle"]


class ReviewViewSet(TrackerViewSet):
    """Reviews: one state reviewed by one mechanism (for the UPR, one cycle)."""

    serializer_class = ReviewSerializer
    filterset_class = ReviewFilter

    def get_queryset(self):
        reviews = ReviewCycle.objects.select_related(
            "state_under_review", "mechanism", "government_reported_source"
        ).order_by("state_under_review__name", "mechanism__code", "cycle", "review_date", "pk")
        return rules.visible_reviews(self.request.user, reviews)
