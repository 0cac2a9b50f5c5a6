"""The recommendation list's filter form as a page shows it, and its active filters.

The filtering itself is ``recommendations.filters.RecommendationFilter`` (the
same for the API and the stats); this module only makes its form readable in a
browser and names what is in force. The list's download takes the same
``recommendation_filter``, so a download link gives the page's rows.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from web.choice_lists import read_together
from web.page_filters import filter_data, one_or_more
from web.select_markup import quick

from .. import caching, rules
from ..filters import RecommendationFilter
from ..models import (
    Cluster,
    Institution,
    Mechanism,
    Recommendation,
    Responsibility,
    SdgTarget,
    State,
)

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
    "cluster",
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
    "cluster",
)

# The columns each drop-down's option labels are made of (the models' ``__str__``): every
# list read in one query (``read_together``).
LABEL_COLUMNS = {
    "review": ("cycle", "review_date", "state_under_review__name", "mechanism__code"),
    "state_under_review": ("name",),
    "mechanism": ("code",),
    "recommending_state": ("name",),
    "theme": ("name",),
    "institution": ("name", "abbreviation"),
    "sdg": ("number", "name"),
    "sdg_target": ("code", "name"),
    "affected_group": ("name",),
    "cluster": ("name",),
}

LABELS = {
    "review": _("Review"),
    "mechanism": _("Mechanism"),
    "cycle": _("Cycle"),
    "state_under_review": _("State under review"),
    "recommending_state": _("Recommending state"),
    "position": _("Position"),
    "status": _("Implementation status"),
    "theme": _("Theme"),
    "institution": _("Responsible institution"),
    "sdg": _("SDG goal"),
    "sdg_target": _("SDG target"),
    "affected_group": _("Affected group"),
    "cluster": _("Cluster"),
    "updated_since": _("Updated since"),
    "search": _("Search"),
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
    # None: every recommendation (no condition to add to the options' probes).
    readable = rules.visible_recommendations(user) if rules.sees_public_face_only(user) else None
    # Option labels of reviews name their state and mechanism: fetch them at once.
    fields["review"].queryset = reviews.select_related("state_under_review", "mechanism")
    # Only what has recommendations the user reads; each an index probe per option
    # (EXISTS), not a count over every recommendation.
    fields["state_under_review"].queryset = State.objects.filter(
        Exists(reviews.filter(state_under_review=OuterRef("pk")))
    )
    fields["mechanism"].queryset = Mechanism.objects.filter(
        Exists(reviews.filter(mechanism=OuterRef("pk")))
    )
    fields["recommending_state"].queryset = State.objects.filter(
        Exists(_read(Recommendation.recommending_states.through, readable, state=OuterRef("pk")))
    )
    # The targets some recommendation has: OHCHR names 169, most unused in one tracker.
    fields["sdg_target"].queryset = SdgTarget.objects.filter(
        Exists(_read(Recommendation.sdg_targets.through, readable, sdgtarget=OuterRef("pk")))
    )
    fields["institution"].queryset = Institution.objects.filter(
        Exists(_read(Responsibility, readable, institution=OuterRef("pk")))
    )
    fields["cluster"].queryset = Cluster.objects.filter(
        Exists(_read(Cluster.recommendations.through, readable, cluster=OuterRef("pk")))
    )
    for name in MULTIPLE:
        one_or_more(fields[name])
    fields["state_under_review"].empty_label = _("Any")
    quick(fields["state_under_review"])
    # Kept with the catalogue (its version moves with every name and row the options
    # show; a validation changes none), for the reader's reviews and rows, which the
    # querysets above are made of: two querysets' SQL to name, not a dozen.
    read_together(
        {name: fields[name] for name in LABEL_COLUMNS},
        LABEL_COLUMNS,
        keep=lambda drawn: caching.cached(
            "filter-options", drawn, reviews, readable, get_language(), counts_statuses=False
        ),
        by_name=BY_NAME,
    )
    fields["updated_since"].widget.input_type = "date"
    fields["updated_since"].help_text = ""
    fields["search"].widget.input_type = "search"
    return filterset


def _read(rows, readable, **condition):
    """The rows of a table of ``recommendation`` links matching ``condition``, of the
    recommendations ``readable`` (all when None)."""
    matching = rows.objects.filter(**condition)
    return matching if readable is None else matching.filter(recommendation__in=readable)


@dataclass(frozen=True)
class Chip:
    name: str
    value: str
    remove_url: str
    key: str = ""  # the parameter it stands for ("as_of"), whatever the language of its name


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
            chips.append(Chip(field.label, shown, "?" + remaining.urlencode(), name))
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
