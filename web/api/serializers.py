import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..whole_numbers import LARGEST, SMALLEST
from .exceptions import field_errors


class IdField(serializers.PrimaryKeyRelatedField):
    """A related object named by its id: a JSON integer within 64 bits, nothing else.

    REST framework's own field hands whatever it gets to the ORM, which reads
    ``1.5`` as 1, ``"1"`` as 1 and fails on ``1e999`` (infinity) with a 500.
    """

    default_error_messages = {
        "incorrect_type": "Expected an id (a whole number), received {data_type}.",
    }

    def to_internal_value(self, data):
        if self.pk_field is None:
            if isinstance(data, bool) or not isinstance(data, int):
                self.fail("incorrect_type", data_type=type(data).__name__)
            if not SMALLEST <= data <= LARGEST:
                self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


# The model serializer of every resource. (A comment, not a docstring: the OpenAPI
# document would show a docstring as the description of every resource.)
class TrackerModelSerializer(serializers.ModelSerializer):
    # The related objects derived from the model; fields declared by hand use IdField too.
    serializer_related_field = IdField


class ModelCleanSerializer(TrackerModelSerializer):
    """A ModelSerializer that also runs the model's own validation (``full_clean``:
    field validators and the check and unique constraints) on the fields it
    writes, so that what the database would refuse is a 400 with the reason,
    not an IntegrityError."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model: type[Model] = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        concrete = {field.name for field in model._meta.concrete_fields}
        written = set()
        for name, field in self.fields.items():
            # A bound field's source is a name (the stubs allow a callable too).
            target = field.source if isinstance(field.source, str) and field.source != "*" else name
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


class CitationSerializer(serializers.Serializer):
    """A cited document (``recommendations.models.Source``) in its parts and as one line;
    read-only: sources are curated in the admin, and records choose one by id."""

    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    publisher = serializers.CharField(read_only=True, help_text="Author or publisher.")
    published = serializers.CharField(
        read_only=True, help_text="The date, as precisely as the document gives it."
    )
    document_symbol = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True, help_text="Its public address, if any.")
    citation = serializers.CharField(
        read_only=True, help_text="The whole citation in one line, as the pages show it."
    )


def cited_source_id_field(name: str, queryset) -> IdField:
    """The id that chooses the source cited in ``name`` (written; read as ``name``)."""
    return IdField(
        source=name,
        queryset=queryset,
        allow_null=True,
        required=False,
        write_only=True,
        help_text=f"To change {name}: the id of a source (sources are kept in the admin), or null.",
    )


class CodeRelatedField(serializers.SlugRelatedField):
    """A related object named by a code written one way (``case``: ``str.upper`` for ISO3
    codes, the default; ``str.lower`` for slugs): any case names it on input."""

    def __init__(self, *, case=str.upper, **kwargs):
        self.case = case
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = self.case(data.strip())
        return super().to_internal_value(data)
