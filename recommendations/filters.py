"""The filters of a recommendation list, shared by the pages, the API, ``stats``
and the exports: one definition, so a filtered list and its figures agree."""

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q

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
from .selectors import with_current_status


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


class NaturalKeyMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Chooses related objects by a natural key (slug, ISO3) and filters on the objects
    themselves: django-filter would compare the key's value with the primary key."""

    def get_filter_predicate(self, v):
        return {self.field_name: v}


class RecommendationFilter(django_filters.FilterSet):
    review = django_filters.ModelMultipleChoiceFilter(queryset=ReviewCycle.objects.all())
    cycle = django_filters.NumberFilter(field_name="review__cycle")
    state_under_review = django_filters.ModelChoiceFilter(
        field_name="review__state_under_review",
        to_field_name="iso3",
        queryset=State.objects.all(),
        label="State under review (ISO3)",
    )
    recommending_state = NaturalKeyMultipleChoiceFilter(
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
    theme = NaturalKeyMultipleChoiceFilter(
        field_name="themes", to_field_name="slug", queryset=Theme.objects.all(), distinct=True
    )
    institution = django_filters.ModelMultipleChoiceFilter(
        field_name="institutions",
        queryset=Institution.objects.all(),
        label="Responsible institution",
        distinct=True,
    )
    sdg = django_filters.ModelMultipleChoiceFilter(
        field_name="sdg_goals", queryset=SdgGoal.objects.all(), label="SDG goal", distinct=True
    )
    affected_group = NaturalKeyMultipleChoiceFilter(
        field_name="affected_groups",
        to_field_name="slug",
        queryset=AffectedGroup.objects.all(),
        distinct=True,
    )
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="Updated since (ISO 8601)"
    )
    search = django_filters.CharFilter(method="filter_search", label="Search")

    class Meta:
        model = Recommendation
        fields = []

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        return with_current_status(queryset).filter(current_status__in=value)

    def filter_search(self, queryset, name, value):
        return search_recommendations(queryset, value)
