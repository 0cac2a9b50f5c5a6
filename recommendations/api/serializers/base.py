import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from ..exceptions import field_errors


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
