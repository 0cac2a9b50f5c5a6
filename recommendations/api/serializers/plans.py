"""Indicators, their values and clusters. Indicators and values are written only through
``recommendations.plans``, which checks who may do what; these serializers parse and
present (a value's workflow state moves through submit / validate / return)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from web.api.serializers import ModelCleanSerializer, OptionalURLField, TrackerModelSerializer

from ... import plans
from ...models import Cluster, Indicator, IndicatorValue
from .writing import ReportedDraftSerializer, WrittenByServices


class IndicatorSerializer(WrittenByServices):
    create_with = staticmethod(plans.indicator_create)
    edit_with = staticmethod(plans.indicator_edit)
    edited_as = "indicator"
    responsible_person = serializers.SerializerMethodField(
        help_text=_("The name of the person responsible (chosen in the workspace or the admin).")
    )
    latest_value = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=_(
            "The latest validated value (by the date it was measured on); null without one."
        ),
    )
    latest_value_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text=_("The day the latest validated value speaks of."),
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "action",
            "name",
            "description",
            "unit",
            "baseline",
            "target",
            "frequency",
            "institution",
            "responsible_person",
            "next_report_date",
            "latest_value",
            "latest_value_on",
            "is_demo",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_demo"]
        extra_kwargs = {
            "institution": {
                "required": False,
                "help_text": _("The institution that reports its values; by default the action's."),
            }
        }

    def get_responsible_person(self, indicator) -> str | None:
        person = indicator.responsible_person
        return None if person is None else (person.get_full_name() or person.get_username())


class IndicatorValueSerializer(TrackerModelSerializer):
    """An indicator value as everyone reads it."""

    evidence_url = OptionalURLField(read_only=True)

    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "indicator",
            "measured_on",
            "value",
            "comment",
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


EDITABLE = ["measured_on", "value", "comment", "evidence_url"]


class IndicatorValueEditSerializer(ReportedDraftSerializer):
    """What its institution changes in a draft or returned value."""

    edit_with = staticmethod(plans.indicator_value_edit)
    edited_as = "indicator_value"

    class Meta:
        model = IndicatorValue
        fields = EDITABLE


class IndicatorValueCreateSerializer(ReportedDraftSerializer):
    """A new draft value of an indicator the user's institution reports on."""

    create_with = staticmethod(plans.indicator_value_create)

    class Meta:
        model = IndicatorValue
        fields = ["indicator", *EDITABLE]


class ClusterSerializer(ModelCleanSerializer):
    class Meta:
        model = Cluster
        fields = ["slug", "name", "description", "recommendations", "created_at", "updated_at"]
        extra_kwargs = {
            "recommendations": {
                "required": False,
                "help_text": _(
                    "The ids of the recommendations it groups (any review, any "
                    "mechanism). The recommendations' filter and stats' group_by take its slug."
                ),
            }
        }
