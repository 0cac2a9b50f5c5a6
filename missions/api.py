"""Engagements in the REST API (``/api/v1/engagements/``): read by every reader,
recorded by coordinators, on the same plumbing as every resource (``web.api``) and
filtered with the timeline's own filter set (``missions.filters``)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from recommendations import rules
from recommendations.models import AffectedGroup, Mechanism, Source, State, Theme
from web.api.serializers import (
    CitationSerializer,
    CodeRelatedField,
    ModelCleanSerializer,
    cited_source_id_field,
)
from web.api.viewsets import TrackerViewSet

from .filters import EngagementFilter
from .models import Engagement
from .selectors import with_everything_shown


class EngagementSerializer(ModelCleanSerializer):
    when = serializers.CharField(
        read_only=True, help_text=_("The dates as precisely as the sources give them.")
    )
    country = CodeRelatedField(
        slug_field="iso3", queryset=State.objects.all(), allow_null=True, required=False
    )
    state_concerned = CodeRelatedField(
        slug_field="iso3", queryset=State.objects.all(), allow_null=True, required=False
    )
    mechanisms = serializers.SlugRelatedField(
        many=True, slug_field="code", queryset=Mechanism.objects.all(), required=False
    )
    themes = CodeRelatedField(
        case=str.lower, many=True, slug_field="slug", queryset=Theme.objects.all(), required=False
    )
    affected_groups = CodeRelatedField(
        case=str.lower,
        many=True,
        slug_field="slug",
        queryset=AffectedGroup.objects.all(),
        required=False,
    )
    # A field named like Field.source: DRF's metaclass moves declared fields off the class.
    source = CitationSerializer(  # type: ignore[assignment]
        read_only=True, allow_null=True, help_text=_("The document that reports this engagement.")
    )
    source_id = cited_source_id_field("source", Source.objects.all())

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
            "source_id",
            "created_at",
            "updated_at",
        ]


class EngagementViewSet(TrackerViewSet):
    """Missions, visits, reports to treaty bodies, trainings, dialogues, invitations
    and programmes around the recommendations."""

    serializer_class = EngagementSerializer
    filterset_class = EngagementFilter

    def get_queryset(self):
        user = self.request.user
        engagements = with_everything_shown(
            Engagement.objects.all(), rules.visible_recommendations(user).order_by("pk")
        ).order_by("-start_date", "title", "pk")
        return rules.visible_engagements(user, engagements)
