"""The one filter set of engagements: the timeline, its download and the API read the
same parameters, with the names the API documents (``kind``, ``year``,
``institution``, ``mechanism``, ``state_concerned``, ``recommendation``).

``EngagementFilter`` is the filter set (the API uses it as it is); ``engagement_filter``
is how a page reads it: the request's parameters as a form submits them
(``web.page_filters.filter_data``), the timeline's former names, and the form dressed
for a browser. The timeline and its download both call it, so a download link built
from the timeline's address gives the timeline's rows.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from recommendations.models import Institution, Mechanism, Recommendation, State
from web.choice_lists import read_together
from web.collation import sort_choices
from web.filters import CodeFilter, FilterSet, IdFilter, WholeNumberFilter
from web.page_filters import filter_data, one_or_more
from web.select_markup import QuickSelect, quick

from .models import Engagement

# The timeline's parameters before it shared the API's names: old links and
# bookmarked downloads keep working (a new name given as well wins).
FORMER_NAMES = {"organisation": "institution", "state": "state_concerned"}


@extend_schema_field(OpenApiTypes.INT)
class InstitutionFilter(IdFilter):
    """An institution by id (organiser, funder or participant: see the filter method)."""


class EngagementFilter(FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Engagement.Kind.choices, label=_("Kind"))
    year = WholeNumberFilter(
        field_name="start_date",
        lookup_expr="year",
        min_value=1900,
        max_value=2200,
        label=_("Year (started)"),
    )
    institution = InstitutionFilter(
        queryset=Institution.objects.all(),
        method="filter_institution",
        label=_("Organised, funded or attended by this institution"),
    )
    mechanism = django_filters.ModelChoiceFilter(
        field_name="mechanisms",
        to_field_name="code",
        queryset=Mechanism.objects.all(),
        distinct=True,
        label=_("Mechanism concerned (code)"),
    )
    state_concerned = CodeFilter(
        to_field_name="iso3", queryset=State.objects.all(), label=_("State concerned (ISO3)")
    )
    recommendation = IdFilter(
        field_name="recommendations",
        queryset=Recommendation.objects.all(),
        distinct=True,
        label=_("Recommendation concerned (id)"),
    )

    class Meta:
        model = Engagement
        fields = ["kind", "year", "institution", "mechanism", "state_concerned", "recommendation"]

    def filter_institution(self, queryset, name, value):
        involved = Q(organisers=value) | Q(funders=value) | Q(participants=value)
        return queryset.filter(involved).distinct()


def engagement_years() -> list[tuple[str, str]]:
    """The years engagements started in, latest first, as choices."""
    return [
        (str(day.year), str(day.year))
        for day in Engagement.objects.dates("start_date", "year", order="DESC")
    ]


# The columns the lists' labels are made of (the models' ``__str__``).
LABEL_COLUMNS = {
    "institution": ("name", "abbreviation"),
    "mechanism": ("code",),
    "state_concerned": ("name",),
}


def engagement_filter(params: QueryDict, queryset) -> EngagementFilter:
    """The shared filter set over ``queryset`` as the timeline reads it, its form dressed
    for the page: one drop-down per filter, "Any" first, offering only what some
    engagement has."""
    data = filter_data(params)
    for former, name in FORMER_NAMES.items():
        values = data.pop(former, [])
        if values and name not in data:
            data.setlist(name, values)
    filterset = EngagementFilter(data, queryset=queryset)
    fields = filterset.form.fields
    one_or_more(fields["kind"])
    # Choices read when drawn (Django 5 takes a callable; django-stubs does not know it).
    fields["year"].widget = QuickSelect(choices=lambda: [("", _("Any")), *engagement_years()])  # type: ignore[arg-type]
    fields["institution"].label = _("Organisation")
    fields["institution"].help_text = _("As organiser, funder or participant.")
    fields["institution"].queryset = Institution.objects.filter(
        Q(organised__isnull=False) | Q(funded__isnull=False) | Q(participated_in__isnull=False)
    ).distinct()
    fields["mechanism"].label = _("Mechanism")
    fields["mechanism"].queryset = Mechanism.objects.filter(engagements__isnull=False).distinct()
    fields["state_concerned"].label = _("State concerned")
    fields["state_concerned"].queryset = State.objects.filter(engagements__isnull=False).distinct()
    for name in ("institution", "mechanism", "state_concerned"):
        fields[name].empty_label = _("Any")
        quick(fields[name])
    # One query for the three lists, each sorted by the name shown.
    read_together(
        {name: fields[name] for name in LABEL_COLUMNS}, LABEL_COLUMNS, by_name=LABEL_COLUMNS
    )
    sort_choices(fields["kind"])
    # Kept from a link (a recommendation's engagements), never offered as a list.
    fields["recommendation"].widget = forms.HiddenInput()
    return filterset
