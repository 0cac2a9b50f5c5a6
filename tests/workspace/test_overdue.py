"""What is overdue: supported, not implemented, no validated progress for too long.
One definition (selectors.with_overdue_flag) for the workspace and the reminders."""

from datetime import date

import pytest

from recommendations.models import Position, ProgressUpdate, Recommendation, Status
from recommendations.selectors import overdue_recommendations, overdue_threshold, with_overdue_flag
from tests.factories import RecommendationFactory, ReviewCycleFactory

from .conftest import update

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 15)
State = ProgressUpdate.WorkflowState


@pytest.fixture
def review(db):
    return ReviewCycleFactory(review_date=date(2015, 5, 4), adoption_date=date(2015, 9, 24))


def overdue_refs(today=TODAY):
    return sorted(
        r.reference for r in overdue_recommendations(Recommendation.objects.all(), today=today)
    )


def test_the_threshold_counts_whole_months_back(settings):
    settings.UPR_OVERDUE_MONTHS = 12
    assert overdue_threshold(TODAY) == date(2024, 6, 15)
    settings.UPR_OVERDUE_MONTHS = 3
    assert overdue_threshold(date(2025, 5, 31)) == date(2025, 2, 28)


def test_a_supported_recommendation_without_recent_validated_progress_is_overdue(review, settings):
    settings.UPR_OVERDUE_MONTHS = 12
    stale = RecommendationFactory(review=review, reference="1")
    update(stale, None, State.VALIDATED, assessed_on=date(2024, 6, 14), status=Status.IN_PROGRESS)
    fresh = RecommendationFactory(review=review, reference="2")
    update(fresh, None, State.VALIDATED, assessed_on=date(2024, 6, 16), status=Status.IN_PROGRESS)
    only_a_draft_is_recent = RecommendationFactory(review=review, reference="3")
    update(only_a_draft_is_recent, None, State.VALIDATED, assessed_on=date(2020, 1, 1))
    update(only_a_draft_is_recent, None, State.SUBMITTED, assessed_on=date(2025, 6, 1))

    assert overdue_refs() == ["1", "3"]


def test_implemented_noted_and_pending_ones_are_never_overdue(review):
    implemented = RecommendationFactory(review=review, reference="1")
    update(
        implemented, None, State.VALIDATED, assessed_on=date(2012, 1, 1), status=Status.IMPLEMENTED
    )
    RecommendationFactory(review=review, reference="2", position=Position.NOTED)
    RecommendationFactory(review=review, reference="3", position=Position.PENDING)
    RecommendationFactory(review=review, reference="4", position=Position.PARTIALLY_SUPPORTED)

    assert overdue_refs() == ["4"]


def test_without_any_validated_update_the_months_count_from_the_adoption(settings):
    settings.UPR_OVERDUE_MONTHS = 12
    recent = ReviewCycleFactory(review_date=date(2025, 1, 20), adoption_date=date(2025, 3, 1))
    RecommendationFactory(review=recent, reference="new")

    assert overdue_refs(date(2026, 2, 28)) == []
    assert overdue_refs(date(2026, 3, 2)) == ["new"]


def test_the_flag_and_the_last_validated_date_are_annotated_for_lists(review):
    RecommendationFactory(review=review, reference="1")
    listed = with_overdue_flag(Recommendation.objects.all(), today=TODAY).get()

    assert listed.is_overdue is True
    assert listed.last_validated_on is None
    assert listed.current_status == Status.NOT_STARTED
