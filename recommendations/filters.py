"""The filters of a recommendation list, shared by the pages, the API, ``stats``
and the exports: one definition, so a filtered list and its figures agree."""

from datetime import UTC, date

import django_filters
import django_filters.rest_framework
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone

from .models import (
    AffectedGroup,
    Institution,
    Position,
    Recommendation,
    ReviewCycle,
    SdgGoal,
    State,
    Status,
    Theme,
)
from .selectors import held_by, with_current_status
from .whole_numbers import whole_number


def search_recommendations(recommendations, text: str):
    """Recommendations whose reference or text match ``text``.

    PostgreSQL: full-text search (web-search syntax: words, "quoted phrases",
    -excluded). Elsewhere: every word must appear in the reference or text.
    """
    text = text.strip()
    if not text:
        return recommendations
    if connection.vendor == "postgresql":
        vector = SearchVector("reference", "text", config="english")
        query = SearchQuery(text, search_type="websearch", config="english")
        return recommendations.annotate(_search=vector).filter(
            Q(_search=query) | Q(reference__iexact=text)
        )
    for word in text.split():
        word = word.strip('"')
        if word:
            recommendations = recommendations.filter(
                Q(text__icontains=word) | Q(reference__icontains=word)
            )
    return recommendations


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


class IdsField(django_filters.fields.ModelMultipleChoiceField):
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
                    "This date and time is beyond the calendar (years 1 to 9999).",
                    code="invalid",
                ) from error
        return instant


class IdFilter(django_filters.ModelChoiceFilter):
    field_class = IdField


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


class ByCodeFilter(django_filters.ModelMultipleChoiceFilter):
    """Several related objects named by a code (``to_field_name``: an ISO3 code, a
    slug). django-filter would compare the code itself with the relation's primary
    key; this filters on the objects the codes name."""

    def get_filter_predicate(self, v):
        return {self.field_name: v}


class RecommendationFilter(FilterSet):
    """Recommendations by every filter of the API contract, and ``as_of``: the
    recommendations as they stood on a past day (those of reviews held by then,
    ``selectors.held_by``), each with its status of that day (``current_status``, which
    the ``status`` filter reads). Consumers read the day as ``as_of_day`` and give it
    to the measure."""

    review = ByIdFilter(queryset=ReviewCycle.objects.all())
    cycle = WholeNumberFilter(field_name="review__cycle")
    state_under_review = django_filters.ModelChoiceFilter(
        field_name="review__state_under_review",
        to_field_name="iso3",
        queryset=State.objects.all(),
        label="State under review (ISO3)",
    )
    recommending_state = ByCodeFilter(
        field_name="recommending_states",
        to_field_name="iso3",
        queryset=State.objects.all(),
        label="Recommending state (ISO3)",
        distinct=True,
    )
    position = django_filters.MultipleChoiceFilter(choices=Position.choices)
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, method="filter_status", label="Implementation status"
    )
    theme = ByCodeFilter(
        field_name="themes", to_field_name="slug", queryset=Theme.objects.all(), distinct=True
    )
    institution = ByIdFilter(
        field_name="institutions",
        queryset=Institution.objects.all(),
        label="Responsible institution",
        distinct=True,
    )
    sdg = ByIdFilter(
        field_name="sdg_goals", queryset=SdgGoal.objects.all(), label="SDG goal", distinct=True
    )
    affected_group = ByCodeFilter(
        field_name="affected_groups",
        to_field_name="slug",
        queryset=AffectedGroup.objects.all(),
        distinct=True,
    )
    updated_since = InstantFilter(
        field_name="updated_at", lookup_expr="gte", label="Updated since (ISO 8601)"
    )
    search = django_filters.CharFilter(method="filter_search", label="Search")
    as_of = DayFilter(
        method="filter_as_of",
        label="As of",
        help_text="A past day (YYYY-MM-DD): the recommendations of the reviews held by then, "
        "each with its status of that day (its latest update validated and assessed by "
        "then); the status filter and the figures are of that day too.",
    )

    class Meta:
        model = Recommendation
        fields = []

    @property
    def as_of_day(self) -> date | None:
        """The day the request asks about (None: today), once the filters are read."""
        if not self.is_bound:
            return None
        self.errors  # noqa: B018 (validates the form)
        return self.form.cleaned_data.get("as_of")

    def filter_as_of(self, queryset, name, value):
        return with_current_status(held_by(queryset, value), as_of=value)

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        return with_current_status(queryset, as_of=self.as_of_day).filter(current_status__in=value)

    def filter_search(self, queryset, name, value):
        return search_recommendations(queryset, value)
