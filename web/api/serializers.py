import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .exceptions import field_errors


class ModelCleanSerializer(serializers.ModelSerializer):
    """A ModelSerializer that also runs the model's own validation (``full_clean``:
    field validators and the check and unique constraints) on the fields it
    writes, so that what the database would refuse is a 400 with the reason,
    not an IntegrityError."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        concrete = {field.name for field in model._meta.concrete_fields}
        written = set()
        for name, field in self.fields.items():
            target = field.source if field.source != "*" else name
            if not field.read_only and target in concrete:
                written.add(target)
                if target in attrs:
                    setattr(instance, target, attrs[target])
        try:
            instance.full_clean(exclude=concrete - written, validate_unique=True)
        except DjangoValidationError as error:
            raise serializers.ValidationError(field_errors(error)) from error
        return attrs


@extend_schema_field(
    {"type": "string", "anyOf": [{"format": "uri"}, {"maxLength": 0}], "maxLength": 500}
)
class OptionalURLField(serializers.URLField):
    """A link that may be left empty: the schema says "a URL or nothing", where a
    plain URLField would promise a URL that an empty value breaks."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(allow_blank=True, required=False, **kwargs)
