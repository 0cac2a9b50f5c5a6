"""Filter plumbing every filter set of the tracker stands on: ids and whole numbers
read strictly (ASCII digits within 64 bits, ``whole_numbers``), dates and times that
fit the calendar, days written one way. A bad value is an error naming the
parameter, never a 500. ``recommendations.filters`` and ``missions.filters`` build
their filter sets on ``FilterSet``."""

from datetime import UTC

import django_filters
import django_filters.rest_framework
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .whole_numbers import whole_number


def _takes_numbers(field) -> bool:
    """Whether a model choice field names its objects by a whole number (an id)."""
    options = field.queryset.model._meta
    key = options.get_field(field.to_field_name) if field.to_field_name else options.pk
    return isinstance(key, models.IntegerField)


class IdField(django_filters.fields.ModelChoiceField):
    """One object by id: ASCII digits within 64 bits (``whole_numbers``), refused as
    an invalid choice before any query otherwise."""

    def to_python(self, value):
        named_by_id = value not in self.empty_values and _takes_numbers(self)
        is_null_choice = self.null_label is not None and value == self.null_value
        if named_by_id and not is_null_choice and whole_number(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class _ObjectsField(django_filters.fields.ModelMultipleChoiceField):
    """Several objects; none chosen reads as ``[]``, not Django's ``queryset.none()``:
    whoever asks whether any was chosen (the filter, a page's chips) would otherwise
    compile that queryset, subqueries and all, to learn it is empty (a millisecond
    each, a dozen filters on every page and API request)."""

    def clean(self, value):
        if not self.required and not value:
            return []
        return super().clean(value)


class IdsField(_ObjectsField):
    """Several objects by id, each read as ``IdField`` reads one."""

    def _check_values(self, value):
        if _takes_numbers(self):
            for pk in value:
                if whole_number(pk) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)


class WholeNumberField(forms.IntegerField):
    """A whole number in ASCII digits within 64 bits; Django's own field also reads
    other scripts' digits (``int("١")`` is 1)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = whole_number(str(value))
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class InstantField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date and time that the database can store: one that stays within
    the calendar (years 1 to 9999) once turned into UTC."""

    def to_python(self, value):
        instant = super().to_python(value)
        if instant is not None and timezone.is_aware(instant):
            try:
                instant.astimezone(UTC)
            except OverflowError as error:
                raise ValidationError(
                    _("This date and time is beyond the calendar (years 1 to 9999)."),
                    code="invalid",
                ) from error
        return instant


class CodeField(django_filters.fields.ModelChoiceField):
    """One object by a code written one way (``case``: ``str.upper`` for ISO3 codes,
    ``str.lower`` for slugs): 'blr' names BLR, 'Trafficking' the theme 'trafficking'."""

    def __init__(self, *args, case=str.upper, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = self.case(value.strip())
        return super().to_python(value)


class CodesField(_ObjectsField):
    """Several objects by code, each read as ``CodeField`` reads one."""

    def __init__(self, *args, case=str.upper, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def clean(self, value):
        if value and not isinstance(value, str):
            value = [self.case(v.strip()) if isinstance(v, str) else v for v in value]
        return super().clean(value)


class IdFilter(django_filters.ModelChoiceFilter):
    field_class = IdField


class CodeFilter(django_filters.ModelChoiceFilter):
    """One object by a code, in any case (``CodeField``; ``case=`` as there)."""

    field_class = CodeField


class CodesFilter(django_filters.ModelMultipleChoiceFilter):
    """Several objects by code, in any case, filtering on the objects the codes name
    (django-filter would compare each code with the relation's primary key)."""

    field_class = CodesField

    def get_filter_predicate(self, v):
        return {self.field_name: v}


class ByIdFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdsField


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = WholeNumberField


class InstantFilter(django_filters.IsoDateTimeFilter):
    field_class = InstantField


class DayFilter(django_filters.DateFilter):
    """A day written YYYY-MM-DD (and no other way)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(*args, **kwargs)


_INTEGER_FIELDS = [
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveBigIntegerField,
    models.PositiveSmallIntegerField,
]
_DEFAULTS = django_filters.rest_framework.FilterSet.FILTER_DEFAULTS


class FilterSet(django_filters.rest_framework.FilterSet):
    """The base of every filter set of the tracker: ids and whole numbers are read
    strictly (ASCII digits within 64 bits) and dates and times must fit the calendar,
    in the filters declared by hand (``IdFilter``, ``ByIdFilter``,
    ``WholeNumberFilter``, ``InstantFilter``) and in those django-filter derives
    from ``Meta.fields``. A bad value is an error naming the parameter, never a 500."""

    FILTER_DEFAULTS = {
        **_DEFAULTS,
        **{field: {"filter_class": WholeNumberFilter} for field in _INTEGER_FIELDS},
        models.DateTimeField: {"filter_class": InstantFilter},
        models.ForeignKey: {**_DEFAULTS[models.ForeignKey], "filter_class": IdFilter},
        models.OneToOneField: {**_DEFAULTS[models.OneToOneField], "filter_class": IdFilter},
        models.ManyToManyField: {**_DEFAULTS[models.ManyToManyField], "filter_class": ByIdFilter},
    }
