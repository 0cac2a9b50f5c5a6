"""Serializers that parse and present, and write only through a service (which checks who
may do what): the service is named on the class, so a serializer holds no write of its own."""

from collections.abc import Callable
from typing import Any

from web.api.serializers import OptionalURLField, TrackerModelSerializer


# (Comments, not docstrings, on these bases: drf-spectacular would describe by them every
# serializer without a docstring of its own.)
#
# ``create`` calls ``create_with(user=…, **fields)``; ``update`` calls
# ``edit_with(user=…, <edited_as>=the instance, **fields)``.
class WrittenByServices(TrackerModelSerializer):
    create_with: Callable[..., Any]
    edit_with: Callable[..., Any]
    edited_as: str

    def create(self, validated_data):
        return type(self).create_with(user=self.context["request"].user, **validated_data)

    def update(self, instance, validated_data):
        return type(self).edit_with(
            user=self.context["request"].user, **{self.edited_as: instance}, **validated_data
        )


# What its institution writes in a new, draft or returned report (a progress update, an
# indicator value): its evidence address may be left blank; the workflow state moves only
# through submit / validate / return.
class ReportedDraftSerializer(WrittenByServices):
    evidence_url = OptionalURLField()
