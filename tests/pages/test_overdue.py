"""What the pages add to the one definition of overdue (``selectors.overdue``, whose
rule tests/workspace/test_overdue.py specifies): counts per institution, and the
cases the dashboard relies on."""

from datetime import date

import pytest

from recommendations.models import ProgressUpdate, Recommendation, Status
from recommendations.selectors import overdue_count_by_institution, overdue_recommendations
from tests.factories import (
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2016, 6, 15)


@pytest.fixture
def review():
    return ReviewCycleFactory(review_date=date(2015, 5, 4), adoption_date=date(2015, 9, 1))


def overdue():
    return list(overdue_recommendations(Recommendation.objects.all(), today=TODAY))


def test_without_an_adoption_date_the_review_date_starts_the_clock(settings):
    settings.UPR_OVERDUE_MONTHS = 13
    stalled = RecommendationFactory(review=ReviewCycleFactory(review_date=date(2015, 5, 4)))

    assert overdue() == [stalled]
    settings.UPR_OVERDUE_MONTHS = 14
    assert overdue() == []


def test_drafts_and_submissions_do_not_stop_the_clock(review, settings):
    settings.UPR_OVERDUE_MONTHS = 6
    moving = RecommendationFactory(review=review)
    ProgressUpdateFactory(
        recommendation=moving, status=Status.IN_PROGRESS, assessed_on=date(2016, 1, 1)
    )
    drafted = RecommendationFactory(review=review)
    for state in (ProgressUpdate.WorkflowState.DRAFT, ProgressUpdate.WorkflowState.SUBMITTED):
        ProgressUpdateFactory(
            recommendation=drafted,
            status=Status.IN_PROGRESS,
            assessed_on=date(2016, 5, 1),
            workflow_state=state,
            reviewed_at=None,
        )

    assert overdue() == [drafted]


def test_overdue_counts_per_institution_count_lead_and_supporting(review, settings):
    settings.UPR_OVERDUE_MONTHS = 1
    first, second = RecommendationFactory.create_batch(2, review=review)
    lead = ResponsibilityFactory(recommendation=first).institution
    ResponsibilityFactory(recommendation=second, institution=lead)
    helper = ResponsibilityFactory(recommendation=second, role="supporting").institution
    done = RecommendationFactory(review=review)
    ResponsibilityFactory(recommendation=done, institution=helper)
    ProgressUpdateFactory(recommendation=done, status=Status.IMPLEMENTED, assessed_on=TODAY)

    counts = overdue_count_by_institution(Recommendation.objects.all(), today=TODAY)

    assert counts == {lead.pk: 2, helper.pk: 1}
