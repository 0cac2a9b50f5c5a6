"""The recommendation list's filter form as a page shows it, and its active filters.

The filtering itself is ``recommendations.filters.RecommendationFilter`` (the
same for the API and the stats); this module only makes its form readable in a
browser and names what is in force. The list's download takes the same
``recommendation_filter``, so a download link gives the page's rows.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils.formats import date_format

from web.collation import sort_choices
from web.page_filters import filter_data, one_or_more

from .. import rules
from ..filters import RecommendationFilter
from ..models import Institution, Mechanism, Recommendation, SdgTarget, State

# The filters that take several values: a drop-down each (see OneOrMoreSelect).
MULTIPLE = (
    "review",
    "mechanism",
    "recommending_state",
    "position",
    "status",
    "theme",
    "institution",
    "sdg",
    "sdg_target",
    "affected_group",
)

# Offered by the name shown (web.collation); positions and statuses keep their scale's
# order, SDG goals their numbers ("SDG 2" before "SDG 10").
BY_NAME = (
    "review",
    "state_under_review",
    "recommending_state",
    "theme",
    "institution",
    "affected_group",
)

LABELS = {
    "review": "Review",
    "mechanism": "Mechanism",
    "cycle": "Cycle",
    "state_under_review": "State under review",
    "recommending_state": "Recommending state",
    "position": "Position",
    "status": "Implementation status",
    "theme": "Theme",
    "institution": "Responsible institution",
    "sdg": "SDG goal",
    "sdg_target": "SDG target",
    "affected_group": "Affected group",
    "updated_since": "Updated since",
    "search": "Search",
}


def recommendation_filter(params: QueryDict, queryset, user) -> RecommendationFilter:
    """The shared filter set over ``queryset`` (recommendations ``user`` reads), its form
    dressed for a page: its options are drawn from the reviews and recommendations the
    user reads (``rules.visible_reviews``), so that no option names what is not public."""
    filterset = RecommendationFilter(filter_data(params), queryset=queryset)
    fields = filterset.form.fields
    for name, label in LABELS.items():
        fields[name].label = label
    reviews = rules.visible_reviews(user)
    readable = rules.visible_recommendations(user)
    # Option labels of reviews name their state and mechanism: fetch them at once.
    fields["review"].queryset = reviews.select_related("state_under_review", "mechanism")
    fields["state_under_review"].queryset = State.objects.filter(reviews__in=reviews).distinct()
    fields["recommending_state"].queryset = State.objects.filter(
        pk__in=Recommendation.recommending_states.through.objects.filter(
            recommendation__in=readable
        ).values("state_id")
    )
    fields["mechanism"].queryset = Mechanism.objects.filter(reviews__in=reviews).distinct()
    # The targets some recommendation has: OHCHR names 169, most unused in one tracker.
    fields["sdg_target"].queryset = SdgTarget.objects.filter(
        pk__in=Recommendation.sdg_targets.through.objects.filter(
            recommendation__in=readable
        ).values("sdgtarget_id")
    )
    fields["institution"].queryset = Institution.objects.filter(
        Q(responsibilities__recommendation__in=readable)
    ).distinct()
    for name in MULTIPLE:
        one_or_more(fields[name])
    fields["state_under_review"].empty_label = "Any"
    for name in BY_NAME:
        sort_choices(fields[name])
    fields["updated_since"].widget.input_type = "date"
    fields["updated_since"].help_text = ""
    fields["search"].widget.input_type = "search"
    return filterset


@dataclass(frozen=True)
class Chip:
    name: str
    value: str
    remove_url: str


def active_filters(filterset: RecommendationFilter, params: QueryDict) -> list[Chip]:
    """One chip per filter value in force, each with the link that removes just it.

    Call after the filter has validated (``filterset.qs``): values that did not
    validate are not in force and get no chip."""
    chips = []
    cleaned = filterset.form.cleaned_data
    for name, field in filterset.form.fields.items():
        value = cleaned.get(name)
        if value is None or value == "" or not _has_values(value):
            continue
        for shown, raw in _values(field, value, params.getlist(name)):
            remaining = params.copy()
            remaining.pop("page", None)
            # Codes are read in any case ('blr' for BLR): the link removes the one given.
            kept = [v for v in remaining.getlist(name) if v.casefold() != raw.casefold()]
            remaining.setlist(name, kept)
            chips.append(Chip(field.label, shown, "?" + remaining.urlencode()))
    return chips


def _has_values(value) -> bool:
    """False for an empty list or queryset (a multiple filter not in force)."""
    return bool(value) if isinstance(value, list | tuple) or hasattr(value, "exists") else True


def _values(field, value, raw_values: list[str]):
    """(what the chip says, the raw parameter value it removes) for each value."""
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        objects = value if isinstance(field, forms.ModelMultipleChoiceField) else [value]
        key = field.to_field_name or "pk"
        return [(str(obj), str(getattr(obj, key))) for obj in objects]
    if isinstance(field, forms.MultipleChoiceField):
        # django-stubs types the getter as the setter's input; Django returns the pairs.
        labels = dict(field.choices)  # type: ignore[arg-type]
        return [(str(labels.get(v, v)), v) for v in value]
    raw = raw_values[-1] if raw_values else str(value)
    shown = date_format(value) if hasattr(value, "strftime") else str(value)
    return [(shown, raw)]
