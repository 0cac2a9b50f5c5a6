"""Actions and progress updates: written only through ``recommendations.services``,
which check who may do what; these serializers parse and present."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from web.api.serializers import CitationSerializer, OptionalURLField, TrackerModelSerializer

from ... import rules, services
from ...models import ImplementationAction, ProgressUpdate
from .writing import ReportedDraftSerializer


class PublicFaceSerializer(TrackerModelSerializer):
    """What the public face never reads (``rules.sees_public_face_only``), blanked in
    every representation: evidence not marked public, and the coordinators' comments."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None:
            return data
        if "evidence_url" in data and not rules.may_see_evidence(user, instance):
            data["evidence_url"] = ""
        if "reviewer_comment" in data and not rules.may_see_internal_comments(user):
            data["reviewer_comment"] = ""
        return data


class ImplementationActionSerializer(PublicFaceSerializer):
    evidence_url = OptionalURLField()
    # A field named like Field.source: DRF's metaclass moves declared fields off the class.
    source = CitationSerializer(  # type: ignore[assignment]
        read_only=True, allow_null=True, help_text=_("The document that reports this action.")
    )

    class Meta:
        model = ImplementationAction
        fields = [
            "id",
            "title",
            "description",
            "institution",
            "recommendations",
            "start_date",
            "end_date",
            "status",
            "budget_amount",
            "budget_currency",
            "evidence_url",
            "evidence_is_public",
            "source",
            "is_demo",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_demo"]

    def create(self, validated_data):
        return services.implementation_action_create(
            user=self.context["request"].user, **validated_data
        )

    def update(self, instance, validated_data):
        return services.implementation_action_edit(
            user=self.context["request"].user, action=instance, **validated_data
        )


class ProgressUpdateSerializer(PublicFaceSerializer):
    """A progress update as everyone reads it."""

    evidence_url = OptionalURLField(read_only=True)

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "recommendation",
            "status",
            "assessed_on",
            "narrative",
            "source",
            "institution",
            "evidence_url",
            "evidence_is_public",
            "workflow_state",
            "submitted_at",
            "reviewed_at",
            "reviewer_comment",
            "is_demo",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


EDITABLE = ["status", "assessed_on", "narrative", "source", "evidence_url", "evidence_is_public"]


class ProgressUpdateEditSerializer(ReportedDraftSerializer):
    """What its author changes in a draft or returned update (the workflow state
    moves only through submit / validate / return)."""

    edit_with = staticmethod(services.progress_update_edit)
    edited_as = "update"

    class Meta:
        model = ProgressUpdate
        fields = EDITABLE


class ProgressUpdateCreateSerializer(ReportedDraftSerializer):
    """A new draft update on a recommendation the user's institution reports on."""

    create_with = staticmethod(services.progress_update_create)

    class Meta:
        model = ProgressUpdate
        fields = ["recommendation", *EDITABLE]


class ProgressUpdateReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=5000, help_text=_("What the institution needs to change before resubmitting.")
    )
