"""The one measure: counts by position and status, and the two percentages."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Position, ProgressUpdate, Recommendation, Status
from recommendations.selectors import measure, measure_by, percentage, with_current_status
from tests.factories import (
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

DRAFT = ProgressUpdate.WorkflowState.DRAFT
SUBMITTED = ProgressUpdate.WorkflowState.SUBMITTED
RETURNED = ProgressUpdate.WorkflowState.RETURNED


def of(review):
    return measure(Recommendation.objects.filter(review=review))


def test_nothing_supported_gives_no_data_not_a_division_error():
    review = ReviewCycleFactory()
    RecommendationFactory.create_batch(2, review=review, position=Position.NOTED)

    result = of(review)

    assert result.total == 2
    assert result.by_position[Position.NOTED] == 2
    assert result.supported == 0
    assert result.percent_implemented is None
    assert result.percent_at_least_partially is None


def test_an_empty_set_has_no_data():
    result = measure(Recommendation.objects.none())

    assert result.total == 0
    assert result.percent_implemented is None


def test_supported_recommendations_without_updates_count_as_not_started():
    review = ReviewCycleFactory()
    RecommendationFactory.create_batch(3, review=review)

    result = of(review)

    assert result.by_status[Status.NOT_STARTED] == 3
    assert result.percent_implemented == Decimal("0.0")


@pytest.mark.parametrize("workflow_state", [DRAFT, SUBMITTED, RETURNED])
def test_percent_implemented_ignores_unvalidated_updates(workflow_state):
    review = ReviewCycleFactory()
    recommendation = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=recommendation,
        workflow_state=workflow_state,
        reviewer_comment="Evidence missing" if workflow_state == RETURNED else "",
        reviewed_at=None,
    )

    result = of(review)

    assert result.by_status[Status.NOT_STARTED] == 1
    assert result.percent_implemented == Decimal("0.0")


def test_partially_implemented_counts_only_in_at_least_partially():
    review = ReviewCycleFactory()
    done, partly, _untouched = RecommendationFactory.create_batch(3, review=review)
    ProgressUpdateFactory(recommendation=done, status=Status.IMPLEMENTED)
    ProgressUpdateFactory(recommendation=partly, status=Status.PARTIALLY_IMPLEMENTED)

    result = of(review)

    assert result.implemented == 1
    assert result.partially_implemented == 1
    assert result.percent_implemented == Decimal("33.3")
    assert result.percent_at_least_partially == Decimal("66.7")


def test_a_later_validated_update_supersedes_an_earlier_one():
    review = ReviewCycleFactory()
    recommendation = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=recommendation, status=Status.IMPLEMENTED, assessed_on=date(2011, 1, 1)
    )
    ProgressUpdateFactory(
        recommendation=recommendation, status=Status.IN_PROGRESS, assessed_on=date(2013, 1, 1)
    )

    result = of(review)

    assert result.by_status == {
        Status.IMPLEMENTED: 0,
        Status.PARTIALLY_IMPLEMENTED: 0,
        Status.IN_PROGRESS: 1,
        Status.NOT_STARTED: 0,
        Status.NOT_IMPLEMENTED: 0,
    }


def test_a_later_draft_does_not_supersede_a_validated_update():
    review = ReviewCycleFactory()
    recommendation = RecommendationFactory(review=review)
    ProgressUpdateFactory(recommendation=recommendation, status=Status.IMPLEMENTED)
    ProgressUpdateFactory(
        recommendation=recommendation,
        status=Status.NOT_IMPLEMENTED,
        assessed_on=date(2014, 1, 1),
        workflow_state=DRAFT,
        reviewed_at=None,
    )

    assert of(review).percent_implemented == Decimal("100.0")


def test_as_of_a_past_date_uses_the_history_up_to_that_date():
    review = ReviewCycleFactory()
    recommendation = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=recommendation, status=Status.IN_PROGRESS, assessed_on=date(2011, 3, 1)
    )
    ProgressUpdateFactory(
        recommendation=recommendation, status=Status.IMPLEMENTED, assessed_on=date(2013, 3, 1)
    )
    recommendations = Recommendation.objects.filter(review=review)

    assert measure(recommendations, as_of=date(2010, 12, 31)).by_status[Status.NOT_STARTED] == 1
    assert measure(recommendations, as_of=date(2012, 1, 1)).by_status[Status.IN_PROGRESS] == 1
    assert measure(recommendations, as_of=date(2013, 3, 1)).percent_implemented == Decimal("100.0")


def test_as_of_a_day_before_a_review_its_recommendations_are_not_counted():
    held = ReviewCycleFactory(review_date=date(2010, 5, 12))
    later = ReviewCycleFactory(review_date=date(2015, 5, 1))
    undated = ReviewCycleFactory(review_date=None)
    for review in (held, later, undated):
        RecommendationFactory(review=review)
    everything = Recommendation.objects.all()

    before = measure(everything, as_of=date(2015, 4, 30))
    on_the_day = measure(everything, as_of=date(2015, 5, 1))

    assert (before.total, before.supported, before.by_status[Status.NOT_STARTED]) == (2, 2, 2)
    assert on_the_day.total == 3
    assert measure(Recommendation.objects.filter(review=later), as_of=date(2015, 4, 30)) == (
        measure(Recommendation.objects.none())
    )
    assert measure(everything).total == 3  # today: every review


def test_grouped_as_of_a_day_a_review_not_yet_held_has_no_group():
    held = ReviewCycleFactory(review_date=date(2010, 5, 12))
    later = ReviewCycleFactory(review_date=date(2015, 5, 1))
    theme = ThemeFactory()
    for review in (held, later):
        RecommendationFactory(review=review).themes.add(theme)

    by_review = measure_by(Recommendation.objects.all(), "review", as_of=date(2015, 4, 30))
    by_theme = measure_by(Recommendation.objects.all(), "theme", as_of=date(2015, 4, 30))

    assert [group.key for group in by_review] == [held.pk]
    assert [(group.key, group.measure.total) for group in by_theme] == [(theme.slug, 1)]


def test_noted_recommendations_are_counted_but_not_in_the_percentage():
    review = ReviewCycleFactory()
    noted = RecommendationFactory(review=review, position=Position.NOTED)
    ProgressUpdateFactory(recommendation=noted, status=Status.IMPLEMENTED)
    RecommendationFactory(review=review, position=Position.SUPPORTED)

    result = of(review)

    assert result.total == 2
    assert result.supported == 1
    assert result.implemented == 0
    assert result.percent_implemented == Decimal("0.0")


def test_partially_supported_recommendations_count_as_supported():
    review = ReviewCycleFactory()
    partly = RecommendationFactory(review=review, position=Position.PARTIALLY_SUPPORTED)
    ProgressUpdateFactory(recommendation=partly, status=Status.IMPLEMENTED)
    RecommendationFactory(review=review, position=Position.PENDING)

    result = of(review)

    assert result.supported == 1
    assert result.by_position[Position.PENDING] == 1
    assert result.percent_implemented == Decimal("100.0")


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(2, 3, Decimal("66.7")), (1, 8, Decimal("12.5")), (1, 16, Decimal("6.3")), (0, 0, None)],
)
def test_percentages_are_rounded_half_up_to_one_decimal(part, whole, expected):
    assert percentage(part, whole) == expected


def test_current_status_annotation_matches_the_measure():
    review = ReviewCycleFactory()
    recommendation = RecommendationFactory(review=review)
    ProgressUpdateFactory(recommendation=recommendation, status=Status.PARTIALLY_IMPLEMENTED)

    annotated = with_current_status(Recommendation.objects.filter(pk=recommendation.pk)).get()

    assert annotated.current_status == Status.PARTIALLY_IMPLEMENTED


def test_grouping_by_theme_counts_a_recommendation_in_each_of_its_themes():
    review = ReviewCycleFactory()
    trafficking, women = ThemeFactory(name="Trafficking"), ThemeFactory(name="Women's rights")
    both = RecommendationFactory(review=review)
    both.themes.set([trafficking, women])
    only_women = RecommendationFactory(review=review)
    only_women.themes.set([women])
    ProgressUpdateFactory(recommendation=both, status=Status.IMPLEMENTED)

    groups = {g.label: g.measure for g in measure_by(Recommendation.objects.all(), "theme")}

    assert groups["Women's rights"].total == 2
    assert groups["Women's rights"].percent_implemented == Decimal("50.0")
    assert groups["Trafficking"].total == 1
    assert groups["Trafficking"].percent_implemented == Decimal("100.0")


def test_grouping_by_institution_and_review_labels_the_groups():
    review = ReviewCycleFactory(state_under_review__name="Belarus", state_under_review__iso3="BLR")
    responsibility = ResponsibilityFactory(
        recommendation__review=review, institution__name="Ministry of Justice"
    )
    ProgressUpdateFactory(recommendation=responsibility.recommendation)

    by_institution = measure_by(Recommendation.objects.all(), "institution")
    by_review = measure_by(Recommendation.objects.all(), "review")

    assert [(g.label, g.measure.implemented) for g in by_institution] == [
        ("Ministry of Justice", 1)
    ]
    assert by_review[0].key == review.pk
    assert by_review[0].label == "Belarus — UPR cycle 1 (2010)"


def test_grouping_by_status_and_position():
    review = ReviewCycleFactory()
    done = RecommendationFactory(review=review)
    ProgressUpdateFactory(recommendation=done)
    RecommendationFactory(review=review, position=Position.NOTED)

    by_status = {g.key: g.measure.total for g in measure_by(Recommendation.objects.all(), "status")}
    by_position = {
        g.label: g.measure.total for g in measure_by(Recommendation.objects.all(), "position")
    }

    assert by_status == {Status.IMPLEMENTED: 1, Status.NOT_STARTED: 1}
    assert by_position == {"Supported": 1, "Noted": 1}


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError, match="Cannot group by 'colour'"):
        measure_by(Recommendation.objects.all(), "colour")


@pytest.mark.parametrize("group_by", [None, "theme", "institution", "review"])
def test_query_count_does_not_grow_with_the_number_of_recommendations(
    group_by, django_assert_num_queries
):
    def run():
        recommendations = Recommendation.objects.all()
        return (
            measure(recommendations) if group_by is None else measure_by(recommendations, group_by)
        )

    review = ReviewCycleFactory()
    theme = ThemeFactory()
    first = RecommendationFactory(review=review)
    first.themes.add(theme)
    ResponsibilityFactory(recommendation=first)
    with CaptureQueriesContext(connection) as few:
        run()
    for recommendation in RecommendationFactory.create_batch(30, review=review):
        recommendation.themes.add(theme)
        ResponsibilityFactory(recommendation=recommendation)
        ProgressUpdateFactory(recommendation=recommendation)

    with django_assert_num_queries(len(few.captured_queries)):
        run()
