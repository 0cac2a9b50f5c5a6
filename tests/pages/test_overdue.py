"""Overdue: a supported recommendation not implemented, with no validated progress
for more than the configured number of months."""

from datetime import date

import pytest

from recommendations.models import Position, ProgressUpdate, Recommendation, Status
from recommendations.selectors.overdue import (
    months_before,
    overdue_count_by_institution,
    overdue_recommendations,
)
from tests.factories import (
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2016, 6, 15)


def overdue(months=12):
    return list(overdue_recommendations(Recommendation.objects.all(), today=TODAY, months=months))


@pytest.fixture
def review():
    return ReviewCycleFactory(review_date=date(2015, 5, 4), adoption_date=date(2015, 9, 1))


def test_months_before_keeps_the_day_or_the_month_s_last():
    assert months_before(date(2016, 6, 15), 12) == date(2015, 6, 15)
    assert months_before(date(2016, 3, 31), 1) == date(2016, 2, 29)
    assert months_before(date(2016, 1, 10), 13) == date(2014, 12, 10)


def test_a_recommendation_without_validated_progress_counts_from_the_adoption(review):
    stalled = RecommendationFactory(review=review)

    assert overdue(months=9) == [stalled]
    assert overdue(months=10) == []
    assert overdue(months=9)[0].last_progress_on == date(2015, 9, 1)


def test_without_an_adoption_date_the_review_date_starts_the_clock():
    review = ReviewCycleFactory(review_date=date(2015, 5, 4))
    stalled = RecommendationFactory(review=review)

    assert overdue(months=13) == [stalled]
    assert overdue(months=14) == []


def test_validated_progress_stops_the_clock_and_drafts_do_not(review):
    moving = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=moving, status=Status.IN_PROGRESS, assessed_on=date(2016, 1, 1)
    )
    drafted = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=drafted,
        status=Status.IN_PROGRESS,
        assessed_on=date(2016, 5, 1),
        workflow_state=ProgressUpdate.WorkflowState.DRAFT,
        reviewed_at=None,
    )

    assert overdue(months=6) == [drafted]


def test_implemented_and_noted_recommendations_are_never_overdue(review):
    done = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=done, status=Status.IMPLEMENTED, assessed_on=date(2015, 10, 1)
    )
    RecommendationFactory(review=review, position=Position.NOTED)
    partly = RecommendationFactory(review=review, position=Position.PARTIALLY_SUPPORTED)

    assert overdue(months=1) == [partly]


def test_the_oldest_come_first_with_their_status(review):
    newer = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=newer, status=Status.NOT_IMPLEMENTED, assessed_on=date(2015, 12, 1)
    )
    older = RecommendationFactory(review=review)

    found = overdue(months=3)

    assert found == [older, newer]
    assert [r.current_status for r in found] == [Status.NOT_STARTED, Status.NOT_IMPLEMENTED]


def test_the_setting_is_the_default_threshold(review, settings):
    RecommendationFactory(review=review)

    settings.UPR_OVERDUE_MONTHS = 9
    assert overdue_recommendations(Recommendation.objects.all(), today=TODAY).count() == 1
    settings.UPR_OVERDUE_MONTHS = 10
    assert overdue_recommendations(Recommendation.objects.all(), today=TODAY).count() == 0


def test_overdue_counts_per_institution_count_lead_and_supporting(review):
    first, second = RecommendationFactory.create_batch(2, review=review)
    lead = ResponsibilityFactory(recommendation=first).institution
    ResponsibilityFactory(recommendation=second, institution=lead)
    helper = ResponsibilityFactory(recommendation=second, role="supporting").institution

    counts = overdue_count_by_institution(Recommendation.objects.all(), today=TODAY, months=1)

    assert counts == {lead.pk: 2, helper.pk: 1}
