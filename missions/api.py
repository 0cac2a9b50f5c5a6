"""Engagements in the REST API (``/api/v1/engagements/``): read by every reader,
recorded by coordinators, like the other resources of ``recommendations.api``."""

from django.db.models import Q
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from recommendations.api.serializers.base import ModelCleanSerializer
from recommendations.api.views.base import TrackerViewSet
from recommendations.filters import FilterSet, IdFilter, WholeNumberFilter
from recommendations.models import (
    AffectedGroup,
    Institution,
    Mechanism,
    Recommendation,
    State,
    Theme,
)

from .models import Engagement


class EngagementSerializer(ModelCleanSerializer):
    when = serializers.CharField(
        read_only=True, help_text="The dates as precisely as the sources give them."
    )
    country = serializers.SlugRelatedField(
        slug_field="iso3", queryset=State.objects.all(), allow_null=True, required=False
    )
    state_concerned = serializers.SlugRelatedField(
        slug_field="iso3", queryset=State.objects.all(), allow_null=True, required=False
    )
    mechanisms = serializers.SlugRelatedField(
        many=True, slug_field="code", queryset=Mechanism.objects.all(), required=False
    )
    themes = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Theme.objects.all(), required=False
    )
    affected_groups = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=AffectedGroup.objects.all(), required=False
    )

    class Meta:
        model = Engagement
        fields = [
            "id",
            "kind",
            "title",
            "start_date",
            "end_date",
            "date_precision",
            "when",
            "place",
            "country",
            "state_concerned",
            "organisers",
            "funders",
            "participants",
            "participants_note",
            "summary",
            "outcomes",
            "mechanisms",
            "recommendations",
            "themes",
            "affected_groups",
            "thematic_pillars",
            "budget_amount",
            "budget_currency",
            "budget_period",
            "source",
            "created_at",
            "updated_at",
        ]


@extend_schema_field(OpenApiTypes.INT)
class InstitutionFilter(IdFilter):
    """An institution by id (organiser, funder or participant: see the filter method)."""


class EngagementFilter(FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Engagement.Kind.choices)
    year = WholeNumberFilter(
        field_name="start_date", lookup_expr="year", min_value=1900, max_value=2200, label="Year"
    )
    institution = InstitutionFilter(
        queryset=Institution.objects.all(),
        method="filter_institution",
        label="Organised, funded or attended by this institution",
    )
    state_concerned = filters.ModelChoiceFilter(
        to_field_name="iso3", queryset=State.objects.all(), label="State concerned (ISO3)"
    )
    recommendation = IdFilter(
        field_name="recommendations", queryset=Recommendation.objects.all(), distinct=True
    )

    class Meta:
        model = Engagement
        fields = ["kind", "year", "institution", "state_concerned", "recommendation"]

    def filter_institution(self, queryset, name, value):
        involved = Q(organisers=value) | Q(funders=value) | Q(participants=value)
        return queryset.filter(involved).distinct()


class EngagementViewSet(TrackerViewSet):
    """Missions, visits, reports to treaty bodies, trainings, dialogues, invitations
    and programmes around the recommendations."""

    queryset = (
        Engagement.objects.select_related("country", "state_concerned")
        .prefetch_related(
            "organisers",
            "funders",
            "participants",
            "mechanisms",
            "recommendations",
            "themes",
            "affected_groups",
        )
        .order_by("-start_date", "title", "pk")
    )
    serializer_class = EngagementSerializer
    filterset_class = EngagementFilter
