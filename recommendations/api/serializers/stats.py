"""The shapes of ``/api/v1/stats/``: the figures are ``selectors.Measure.as_dict()``."""

from rest_framework import serializers

from ...models import Position, Status
from ...selectors import GROUPINGS


def _counts(name: str, keys, what: str) -> type[serializers.Serializer]:
    """A serializer with one integer per key: documents ``by_position`` / ``by_status``."""
    fields = {key: serializers.IntegerField(help_text=f"{what} {key}") for key in keys}
    return type(name, (serializers.Serializer,), fields)


PositionCounts = _counts("PositionCounts", Position.values, "Recommendations with position")
StatusCounts = _counts("StatusCounts", Status.values, "Supported recommendations with status")


class MeasureSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    by_position = PositionCounts()
    supported = serializers.IntegerField(help_text="Supported wholly or partially.")
    by_status = StatusCounts()
    percent_implemented = serializers.FloatField(
        allow_null=True, help_text="Implemented ÷ supported, one decimal; null when none supported."
    )
    percent_at_least_partially = serializers.FloatField(
        allow_null=True,
        help_text="(Implemented + partially implemented) ÷ supported; null when none supported.",
    )
    includes_demo = serializers.BooleanField(
        help_text="True when the status of at least one supported recommendation counted "
        "here comes from a demo assessment (an illustration, not an official one): the "
        "figures are then not to be quoted as real. Always false without demo data."
    )


class GroupSerializer(MeasureSerializer):
    key = serializers.JSONField(
        help_text="The group, named as the filters name it, so that the key can be sent "
        "back as the filter of the same name: a review's id (review), a mechanism's code "
        "(mechanism), a theme's slug (theme), an institution's id (institution), a "
        "state's ISO3 code (recommending_state), an SDG goal's number (sdg), an SDG "
        "target's code (sdg_target), an affected group's slug (affected_group), a "
        "position or a status; null for the recommendations with none recorded."
    )
    # A field named like Field.label: DRF's metaclass moves declared fields off the class.
    label = serializers.CharField()  # type: ignore[assignment]


class StatsSerializer(serializers.Serializer):
    results = GroupSerializer(many=True)
    overall = MeasureSerializer()


class StatsQuerySerializer(serializers.Serializer):
    """The parameters of ``stats`` besides the filters (``as_of`` is one of those)."""

    group_by = serializers.ChoiceField(
        choices=list(GROUPINGS), default="review", help_text="What to group the measure by."
    )
