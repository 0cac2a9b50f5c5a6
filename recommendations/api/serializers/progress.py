"""Actions and progress updates: written only through ``recommendations.services``,
which check who may do what; these serializers parse and present."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from web.api.serializers import CitationSerializer, OptionalURLField, TrackerModelSerializer

from ... import services
from ...models import ImplementationAction, ProgressUpdate


class ImplementationActionSerializer(TrackerModelSerializer):
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


class ProgressUpdateSerializer(TrackerModelSerializer):
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
            "workflow_state",
            "submitted_at",
            "reviewed_at",
            "reviewer_comment",
            "is_demo",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


EDITABLE = ["status", "assessed_on", "narrative", "source", "evidence_url"]


class ProgressUpdateEditSerializer(TrackerModelSerializer):
    """What its author changes in a draft or returned update (the workflow state
    moves only through submit / validate / return)."""

    evidence_url = OptionalURLField()

    class Meta:
        model = ProgressUpdate
        fields = EDITABLE

    def update(self, instance, validated_data):
        return services.progress_update_edit(
            user=self.context["request"].user, update=instance, **validated_data
        )


class ProgressUpdateCreateSerializer(TrackerModelSerializer):
    """A new draft update on a recommendation the user's institution reports on."""

    evidence_url = OptionalURLField()

    class Meta:
        model = ProgressUpdate
        fields = ["recommendation", *EDITABLE]

    def create(self, validated_data):
        return services.progress_update_create(user=self.context["request"].user, **validated_data)


class ProgressUpdateReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=5000, help_text=_("What the institution needs to change before resubmitting.")
    )
