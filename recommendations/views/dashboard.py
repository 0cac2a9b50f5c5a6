"""``/``: the dashboard of one state's reviews, for a briefing on screen or paper."""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from web.access import readable_page
from web.replicas import reads_from_replica

from .. import caching, rules
from ..charts import SERIES_CLASSES
from ..models import ProgressUpdate, ReviewCycle
from ..selectors import (
    Measure,
    measure_and_groups,
    overdue_count_by_institution,
    overdue_recommendations,
    with_text_in,
)
from ..selectors.measure import measure_by_each
from ..selectors.over_time import implementation_over_time
from ..selectors.voices import disagreements
from .breakdowns import GROUPINGS, breakdown
from .engagements import latest_engagements
from .querysets import first_and_count, longest_overdue_first, with_lead
from .selection import select

OVERDUE_SHOWN = 10
LATEST_ENGAGEMENTS = 5


@dataclass(frozen=True)
class Card:
    """A review's measure (``review`` None: all the selected reviews together)."""

    anchor: str
    title: str
    review: ReviewCycle | None
    measure: Measure | None
    list_url: str
    empty_reason: str = ""
    filtered: bool = False  # a part of the review's recommendations: its totals differ

    @property
    def in_part_url(self) -> str:
        """The list of the card's recommendations supported in part."""
        return f"{self.list_url}&position=partially_supported"


@readable_page
@reads_from_replica
def dashboard(request):
    """The selection's reviews as cards, % implemented over time, the breakdowns,
    what needs attention and the latest engagements; every figure from the measure of
    the selected recommendations, as of the selection's day if it has one.

    The figures are kept in the cache until the data they count changes
    (``caching.cached``): a briefing read by many costs the database once."""
    selection = select(request.GET, request.user)
    recommendations, as_of = selection.recommendations(), selection.as_of
    query = request.GET.urlencode()
    figures = caching.cached(
        "dashboard",
        lambda: _figures(selection, recommendations, query=query),
        recommendations,
        [review.pk for review in selection.reviews],
        as_of or timezone.localdate(),
        settings.UPR_OVERDUE_MONTHS,
        query,
        translation.get_language(),  # the cards' and tables' words
    )
    context = {
        "selection": selection,
        **figures,
        "waiting": None,
        "latest_engagements": latest_engagements(
            request.user, selection.state, LATEST_ENGAGEMENTS, until=as_of
        ),
        "disagreements": disagreements(recommendations, rules.visible_assessments(request.user)),
        "may_save_view": rules.may_save_views(request.user),
    }
    if rules.may_validate(request.user):
        context["waiting"] = ProgressUpdate.objects.filter(
            recommendation__in=recommendations,
            workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
        ).count()
        context["waiting_url"] = reverse("workspace:queue")
    return render(request, "recommendations/dashboard.html", context)


def _figures(selection, recommendations, *, query: str) -> dict:
    """The cards, the series, the breakdowns and what is overdue, for the cache."""
    as_of = selection.as_of
    cards = _cards(selection, recommendations)
    measured = [card.review for card in cards if card.review and card.measure]
    figures = {
        "cards": cards,
        "over_time": implementation_over_time(recommendations, measured, today=as_of, cached=False),
        "breakdowns": [],
        "overdue_count": 0,
        "overdue": [],
    }
    if measured:
        overdue = longest_overdue_first(overdue_recommendations(recommendations, as_of=as_of))
        by_institution = overdue_count_by_institution(recommendations, as_of=as_of)
        figures["breakdowns"] = _breakdowns(selection, recommendations, by_institution, query=query)
        figures["overdue"], figures["overdue_count"] = first_and_count(
            with_lead(
                with_text_in(overdue).select_related(
                    "review__state_under_review", "review__mechanism"
                )
            ),
            OVERDUE_SHOWN,
        )
    figures["parts"] = _parts(selection, figures)
    return figures


# The page's parts drawn from the figures alone (nothing of the reader's): rendered once
# with them and kept in the cache beside them, so a cached dashboard renders only its
# filters and what is the reader's own (templates/recommendations/dashboard_parts/).
PARTS = ("cards", "over_time", "overdue", "breakdowns")


def _parts(selection, figures: dict) -> dict[str, str]:
    context = {
        **figures,
        "selection": selection,
        "series": [
            (line, f"series-{index % SERIES_CLASSES + 1}")
            for index, line in enumerate(figures["over_time"].lines)
        ],
        "overdue_months": settings.UPR_OVERDUE_MONTHS,
    }
    return {
        name: render_to_string(f"recommendations/dashboard_parts/{name}.html", context)
        for name in PARTS
    }


def _breakdowns(selection, recommendations, overdue_by_institution, *, query: str) -> list:
    """The breakdown tables: by mechanism when all of the state's mechanisms are chosen
    and it has reviews by more than one, by SDG target (by cluster) when some
    recommendation has one."""
    mechanisms = {review.mechanism_id for review in selection.reviews}
    groupings = [
        grouping
        for grouping in GROUPINGS
        if not (grouping == "mechanism" and (selection.mechanism or len(mechanisms) < 2))
    ]
    # Every table's measure in one query.
    measured = measure_by_each(recommendations, groupings, as_of=selection.as_of)
    tables = []
    for grouping in groupings:
        table = breakdown(
            recommendations,
            grouping,
            selection.list_query(),
            overdue=overdue_by_institution if grouping == "institution" else None,
            as_of=selection.as_of,
            query=query,
            groups=measured[grouping],
        )
        if grouping in ("sdg_target", "cluster") and all(row.key is None for row in table.rows):
            continue
        tables.append(table)
    return tables


def _cards(selection, recommendations) -> list[Card]:
    """One card per selected review, and one for all of them together when more than
    one has recommendations (one query for both)."""
    list_path = reverse("recommendation-list")
    as_of = selection.as_of
    overall, groups = measure_and_groups(recommendations, "review", as_of=as_of, labelled=False)
    per_review = {group.key: group.measure for group in groups}
    cards = [
        Card(
            anchor=f"review-{review.pk}",
            title=str(review),
            review=review,
            measure=per_review.get(review.pk),
            list_url=f"{list_path}?{selection.list_query([review]).urlencode()}",
            empty_reason=_empty_reason(selection, review),
            filtered=bool(selection.chips),
        )
        for review in selection.reviews
    ]
    if len(per_review) > 1:
        cards.append(
            Card(
                anchor="review-all",
                title=gettext("All selected reviews"),
                review=None,
                measure=overall,
                list_url=f"{list_path}?{selection.list_query().urlencode()}",
            )
        )
    return cards


def _empty_reason(selection, review: ReviewCycle) -> str:
    """Why a review's card has no figure: not held yet on the as-of day, no
    recommendation matching the filters, or none recorded at all."""
    as_of = selection.as_of
    if as_of and review.review_date and review.review_date > as_of:
        return gettext("Not yet held on %(day)s.") % {"day": date_format(as_of)}
    if selection.chips:
        return gettext("No recommendation of this review matches the filters.")
    return gettext("No recommendations recorded.")
