"""Independent assessments as the API shows them: read-only (contributors submit on their
pages, coordinators decide there or in the admin, through ``recommendations.voices``)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from web.api.serializers import TrackerModelSerializer

from ...models import IndependentAssessment


class IndependentAssessmentSerializer(TrackerModelSerializer):
    organisation_name = serializers.CharField(
        source="organisation.name", read_only=True, help_text=_("The NHRI's or NGO's name.")
    )
    organisation_kind = serializers.CharField(
        source="organisation.kind", read_only=True, help_text=_("nhri or ngo.")
    )
    sources = serializers.ListField(
        source="source_lines",
        child=serializers.CharField(),
        read_only=True,
        help_text=_("The reports, articles or documents it rests on: links or citations."),
    )

    class Meta:
        model = IndependentAssessment
        fields = [
            "id",
            "recommendation",
            "organisation",
            "organisation_name",
            "organisation_kind",
            "status",
            "assessed_on",
            "narrative",
            "sources",
            "moderation_state",
            "decided_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
