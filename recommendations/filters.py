"""The filters of a recommendation list, shared by the pages, the API, ``stats``
and the exports: one definition, so a filtered list and its figures agree."""

from datetime import date

import django_filters
import django_filters.rest_framework
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q

from web.filters import (
    ByIdFilter,
    CodeFilter,
    CodesFilter,
    DayFilter,
    FilterSet,
    InstantFilter,
    WholeNumberFilter,
)

from .models import (
    AffectedGroup,
    Institution,
    Mechanism,
    Position,
    Recommendation,
    ReviewCycle,
    SdgGoal,
    SdgTarget,
    State,
    Status,
    Theme,
)
from .selectors import held_by, with_current_status, with_status_is_demo


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


class RecommendationFilter(FilterSet):
    """Recommendations by every filter of the API contract, and ``as_of``: the
    recommendations as they stood on a past day (those of reviews held by then,
    ``selectors.held_by``), each with its status of that day (``current_status``, which
    the ``status`` filter reads). Consumers read the day as ``as_of_day`` and give it
    to the measure."""

    review = ByIdFilter(queryset=ReviewCycle.objects.all())
    mechanism = CodesFilter(
        field_name="review__mechanism",
        to_field_name="code",
        queryset=Mechanism.objects.all(),
        label="Mechanism (code)",
        # As stored: a special procedure added from the Index keeps its own spelling.
        case=str,
    )
    cycle = WholeNumberFilter(field_name="review__cycle")
    # States by ISO3 code and themes and groups by slug, in any case ('blr', 'Women'):
    # the identifiers the API and stats' groups give back.
    state_under_review = CodeFilter(
        field_name="review__state_under_review",
        to_field_name="iso3",
        queryset=State.objects.all(),
        label="State under review (ISO3)",
    )
    recommending_state = CodesFilter(
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
    theme = CodesFilter(
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.all(),
        distinct=True,
        case=str.lower,
        label="Theme (slug)",
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
    sdg_target = CodesFilter(
        field_name="sdg_targets",
        to_field_name="code",
        queryset=SdgTarget.objects.all(),
        label="SDG target (e.g. 16.3)",
        distinct=True,
        case=str,  # "16.3": no case to fold
    )
    affected_group = CodesFilter(
        field_name="affected_groups",
        to_field_name="slug",
        queryset=AffectedGroup.objects.all(),
        distinct=True,
        case=str.lower,
        label="Affected group (slug)",
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
        fields: list[str] = []

    @property
    def as_of_day(self) -> date | None:
        """The day the request asks about (None: today), once the filters are read."""
        if not self.is_bound:
            return None
        self.errors  # noqa: B018 (validates the form)
        return self.form.cleaned_data.get("as_of")

    def filter_as_of(self, queryset, name, value):
        # The status, and whether a demo assessment decides it, are those of that day.
        held = held_by(queryset, value)
        return with_status_is_demo(with_current_status(held, as_of=value), as_of=value)

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        return with_current_status(queryset, as_of=self.as_of_day).filter(current_status__in=value)

    def filter_search(self, queryset, name, value):
        return search_recommendations(queryset, value)
