"""What the dashboard is about: one state under review, one or all mechanisms, one or
all cycles, and within them the recommendations the list's filters select.

The reviews are chosen with GET parameters (``state_under_review`` ISO3,
``mechanism`` code or ``all``, ``cycle`` number) from a labelled form; anything missing or
unknown falls back to the default: the state with most recommendations, its UPR
reviews (or its first mechanism's), all cycles. Within them ``theme``,
``institution``, ``sdg``, ``affected_group`` and ``as_of`` are read by the list's own
filter set (``list_filters.recommendation_filter``), so the dashboard and the list it
links to select the same recommendations, as of the same day.
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from web.collation import sort_choices, sorted_by_name
from web.select_markup import QuickSelect

from .. import caching, rules
from ..filters import RecommendationFilter
from ..models import Mechanism, Recommendation, ReviewCycle, State
from .list_filters import Chip, active_filters, recommendation_filter

ALL_CYCLES = ""
ALL_MECHANISMS = "all"
# The list's filters the dashboard offers, in the order of its form.
FILTERS = ("theme", "institution", "sdg", "affected_group", "as_of")


class SelectionForm(forms.Form):
    # Written by Python (``QuickSelect``): every state with a review is an option.
    state_under_review = forms.ChoiceField(
        label=_("State under review"), required=False, widget=QuickSelect
    )
    mechanism = forms.ChoiceField(label=_("Mechanism"), required=False, widget=QuickSelect)
    cycle = forms.ChoiceField(label=_("Cycle"), required=False, widget=QuickSelect)


@dataclass
class Selection:
    state: State | None
    mechanism: Mechanism | None  # None: all the state's mechanisms (or it has no review)
    cycle: int | None
    reviews: list[ReviewCycle]
    form: SelectionForm
    filters: RecommendationFilter  # over the reviews' recommendations
    chips: list[Chip]  # the filters in force, each with the link that removes it
    clear_url: str  # the same reviews, no filter

    def recommendations(self) -> QuerySet[Recommendation]:
        """The selected reviews' recommendations the filters select (those of reviews
        held by the as-of day, if one is given)."""
        return self.filters.qs

    @property
    def as_of(self) -> date | None:
        return self.filters.as_of_day

    @property
    def filter_fields(self) -> list:
        return [self.filters.form[name] for name in FILTERS]

    @property
    def has_errors(self) -> bool:
        return bool(self.filters.errors)

    def list_query(self, reviews: list[ReviewCycle] | None = None) -> QueryDict:
        """The recommendation list's parameters for exactly these recommendations: the
        reviews (default: all selected ones), then the filters in force."""
        query = QueryDict(mutable=True)
        query.setlist("review", [str(review.pk) for review in reviews or self.reviews])
        valid = self.filters.form.cleaned_data
        for name in FILTERS:
            values = self.filters.data.getlist(name)
            if values and name in valid:  # given, and understood
                query.setlist(name, values)
        return query


def states_under_review(user) -> list[State]:
    """States with at least one review ``user`` reads (``rules.visible_reviews``), most
    recommendations first, in one query: their order counts every recommendation, so
    they are kept in the cache until the catalogue changes (a recommendation or review
    added, a renamed state; the public face's, which counts the reviews published today,
    per day). A validation changes neither."""
    public = rules.sees_public_face_only(user)
    return caching.cached(
        "states-under-review",
        lambda: _most_recommendations_first(rules.visible_reviews(user)),
        public,
        timezone.localdate() if public else None,
        counts_statuses=False,
    )


def _most_recommendations_first(reviews) -> list[State]:
    """The states of ``reviews``, each with the number of their recommendations: counted
    review by review on the recommendations' index (each review's in one probe), not by
    joining every recommendation to its review and state."""
    of_each_review = (
        Recommendation.objects.filter(review=OuterRef("pk"))
        .order_by()
        .values("review")
        .annotate(count=Count("*"))
        .values("count")
    )
    of_each_state = (
        reviews.filter(state_under_review=OuterRef("pk"))
        .order_by()
        .values("state_under_review")
        .annotate(count=Sum(Coalesce(Subquery(of_each_review), 0)))
        .values("count")
    )
    return list(
        State.objects.filter(Exists(reviews.filter(state_under_review=OuterRef("pk"))))
        .annotate(recommendation_count=Subquery(of_each_state))
        .order_by("-recommendation_count", "name")
    )


def select(params: QueryDict, user) -> Selection:
    """The selection the parameters ask for among the reviews ``user`` reads
    (``rules.visible_reviews``), completed with the defaults (two queries, and one to
    check each filter given)."""
    readable = rules.visible_reviews(user)
    states = states_under_review(user)
    state = _chosen(states, params.get("state_under_review"), key=lambda s: s.iso3)
    reviews = (
        list(
            readable.filter(state_under_review=state)
            .select_related("state_under_review", "mechanism", "government_reported_source")
            .order_by("mechanism__kind", "mechanism__code", "cycle", "review_date")
        )
        if state
        else []
    )
    reviews.sort(key=lambda review: review.mechanism.code != "UPR")  # the UPR's first
    mechanisms = list({review.mechanism.pk: review.mechanism for review in reviews}.values())
    every_mechanism = len(mechanisms) > 1 and params.get("mechanism") == ALL_MECHANISMS
    mechanism = (
        None
        if every_mechanism
        else _chosen(mechanisms, params.get("mechanism"), key=lambda m: m.code)
    )
    if not every_mechanism:
        reviews = [review for review in reviews if review.mechanism == mechanism]
    cycles = sorted({review.cycle for review in reviews if review.cycle is not None})
    cycle = next((c for c in cycles if str(c) == params.get("cycle")), None)
    if cycle is not None:
        reviews = [review for review in reviews if review.cycle == cycle]

    form = SelectionForm(
        data={
            "state_under_review": state.iso3 if state else "",
            "mechanism": ALL_MECHANISMS if every_mechanism else mechanism.code if mechanism else "",
            "cycle": ALL_CYCLES if cycle is None else str(cycle),
        }
    )
    state_field, mechanism_field, cycle_field = (
        form.fields[name] for name in ("state_under_review", "mechanism", "cycle")
    )
    assert isinstance(state_field, forms.ChoiceField)  # as SelectionForm declares them
    assert isinstance(mechanism_field, forms.ChoiceField)
    assert isinstance(cycle_field, forms.ChoiceField)
    state_field.choices = [(s.iso3, s.name) for s in states]
    sort_choices(state_field)  # the default stays the largest
    every = [(ALL_MECHANISMS, _("All mechanisms"))] if len(mechanisms) > 1 else []
    mechanism_field.choices = every + [
        (m.code, f"{m.code} — {m.name}") for m in sorted_by_name(mechanisms, lambda m: m.code)
    ]
    cycle_field.choices = [(ALL_CYCLES, _("All cycles"))] + [
        (str(c), _("Cycle %(number)s") % {"number": c}) for c in cycles
    ]
    filters = _filters(params, reviews, user)
    return Selection(
        state=state,
        mechanism=mechanism,
        cycle=cycle,
        reviews=reviews,
        form=form,
        filters=filters,
        chips=active_filters(filters, params),
        clear_url="?" + _without(params, FILTERS).urlencode(),
    )


def _without(params: QueryDict, names) -> QueryDict:
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept


def _filters(params: QueryDict, reviews: list[ReviewCycle], user) -> RecommendationFilter:
    """The list's filter set over the reviews' recommendations, reading only the
    dashboard's filters (validated: a value not understood is named, not applied)."""
    data = QueryDict(mutable=True)
    for name in FILTERS:
        data.setlist(name, params.getlist(name))
    recommendations = Recommendation.objects.filter(review__in=[review.pk for review in reviews])
    filters = recommendation_filter(data, recommendations, user)
    filters.qs  # noqa: B018 (validates, so that what is in force is known)
    return filters


def _chosen(options, wanted, *, key):
    """The option whose key is ``wanted``, else the first (None if there is none)."""
    return next((option for option in options if key(option) == wanted), None) or next(
        iter(options), None
    )
