"""What the dashboard is about: one state under review, one mechanism, one or all cycles.

Chosen with GET parameters (``state_under_review`` ISO3, ``mechanism`` code,
``cycle`` number) from a labelled form; anything missing or unknown falls back
to the default: the state with most recommendations, its UPR reviews (or its
first mechanism's), all cycles.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, QuerySet
from django.http import QueryDict

from .. import caching
from ..models import Mechanism, Recommendation, ReviewCycle, State

ALL_CYCLES = ""


class SelectionForm(forms.Form):
    state_under_review = forms.ChoiceField(label="State under review", required=False)
    mechanism = forms.ChoiceField(label="Mechanism", required=False)
    cycle = forms.ChoiceField(label="Cycle", required=False)


@dataclass
class Selection:
    state: State | None
    mechanism: Mechanism | None
    cycle: int | None
    reviews: list[ReviewCycle]
    form: SelectionForm

    def recommendations(self) -> QuerySet[Recommendation]:
        return Recommendation.objects.filter(review__in=[review.pk for review in self.reviews])

    def list_query(self) -> QueryDict:
        """The recommendation list's filter for exactly these reviews."""
        query = QueryDict(mutable=True)
        query.setlist("review", [str(review.pk) for review in self.reviews])
        return query


def states_under_review() -> list[State]:
    """States with at least one review, most recommendations first, in one query: their
    order counts every recommendation, so it is kept in the cache until the data changes."""
    order = caching.cached("states-under-review", _most_recommendations_first)
    states = State.objects.in_bulk(order)
    return [states[pk] for pk in order if pk in states]


def _most_recommendations_first() -> list[int]:
    return list(
        State.objects.filter(reviews__isnull=False)
        .annotate(recommendation_count=Count("reviews__recommendations"))
        .order_by("-recommendation_count", "name")
        .values_list("pk", flat=True)
    )


def select(params: QueryDict) -> Selection:
    """The selection the parameters ask for, completed with the defaults (two queries)."""
    states = states_under_review()
    state = _chosen(states, params.get("state_under_review"), key=lambda s: s.iso3)
    reviews = (
        list(
            ReviewCycle.objects.filter(state_under_review=state)
            .select_related("state_under_review", "mechanism")
            .order_by("mechanism__kind", "mechanism__code", "cycle", "review_date")
        )
        if state
        else []
    )
    mechanisms = list({review.mechanism.pk: review.mechanism for review in reviews}.values())
    upr_first = sorted(mechanisms, key=lambda m: m.code != "UPR")
    mechanism = _chosen(upr_first, params.get("mechanism"), key=lambda m: m.code)
    reviews = [review for review in reviews if review.mechanism == mechanism]
    cycles = sorted({review.cycle for review in reviews if review.cycle is not None})
    cycle = next((c for c in cycles if str(c) == params.get("cycle")), None)
    if cycle is not None:
        reviews = [review for review in reviews if review.cycle == cycle]

    form = SelectionForm(
        data={
            "state_under_review": state.iso3 if state else "",
            "mechanism": mechanism.code if mechanism else "",
            "cycle": ALL_CYCLES if cycle is None else str(cycle),
        }
    )
    form.fields["state_under_review"].choices = [(s.iso3, s.name) for s in states]
    form.fields["mechanism"].choices = [(m.code, f"{m.code} — {m.name}") for m in mechanisms]
    form.fields["cycle"].choices = [(ALL_CYCLES, "All cycles")] + [
        (str(c), f"Cycle {c}") for c in cycles
    ]
    return Selection(
        state=state,
        mechanism=mechanism,
        cycle=cycle,
        reviews=reviews,
        form=form,
    )


def _chosen(options, wanted, *, key):
    """The option whose key is ``wanted``, else the first (None if there is none)."""
    return next((option for option in options if key(option) == wanted), None) or next(
        iter(options), None
    )
