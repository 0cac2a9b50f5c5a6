"""The filters of engagements, for the timeline and its export: kind, year,
organisation, mechanism and state concerned."""

import django_filters
from django.db.models import Q

from recommendations.models import Institution, Mechanism, State

from .models import Engagement


def engagement_years() -> list[tuple[str, str]]:
    """The years engagements started in, latest first, as choices."""
    return [
        (str(day.year), str(day.year))
        for day in Engagement.objects.dates("start_date", "year", order="DESC")
    ]


class EngagementFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Engagement.Kind.choices, empty_label="Any")
    year = django_filters.ChoiceFilter(
        choices=engagement_years,
        field_name="start_date__year",
        label="Year (started)",
        empty_label="Any",
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Institution.objects.filter(
            Q(organised__isnull=False) | Q(funded__isnull=False) | Q(participated_in__isnull=False)
        ).distinct(),
        method="filter_organisation",
        label="Organisation",
        help_text="As organiser, funder or participant.",
        empty_label="Any",
    )
    mechanism = django_filters.ModelChoiceFilter(
        queryset=Mechanism.objects.filter(engagements__isnull=False).distinct(),
        to_field_name="code",
        field_name="mechanisms",
        label="Mechanism",
        empty_label="Any",
    )
    state = django_filters.ModelChoiceFilter(
        queryset=State.objects.filter(engagements__isnull=False).distinct(),
        to_field_name="iso3",
        field_name="state_concerned",
        label="State concerned",
        empty_label="Any",
    )

    class Meta:
        model = Engagement
        fields = []

    def filter_organisation(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(
            Q(organisers=value) | Q(funders=value) | Q(participants=value)
        ).distinct()
