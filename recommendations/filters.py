"""The filters of a recommendation list, shared by the pages, the API, ``stats``
and the exports: one definition, so a filtered list and its figures agree."""

from datetime import date

import django_filters
import django_filters.rest_framework

from web.filters import ByIdFilter, DayFilter, FilterSet, InstantFilter, WholeNumberFilter

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
from .search import search_recommendations
from .selectors import held_by, with_current_status


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
