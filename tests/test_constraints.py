"""The database itself refuses data that breaks the model's rules."""

from datetime import date

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from recommendations.models import ProgressUpdate, Responsibility
from tests.factories import (
    EngagementFactory,
    ImplementationActionFactory,
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
)

pytestmark = pytest.mark.django_db


def refused(build):
    with pytest.raises(IntegrityError), transaction.atomic():
        build()


def test_a_reference_is_unique_within_its_review_but_not_across_reviews():
    first = RecommendationFactory(reference="97.1")
    RecommendationFactory(reference="97.1", review=ReviewCycleFactory(cycle=2))

    refused(lambda: RecommendationFactory(reference="97.1", review=first.review))


def test_a_review_is_adopted_after_it_is_held():
    refused(
        lambda: ReviewCycleFactory(review_date=date(2010, 5, 12), adoption_date=date(2010, 1, 1))
    )


def test_one_review_per_state_mechanism_and_cycle():
    review = ReviewCycleFactory()

    refused(
        lambda: ReviewCycleFactory(
            state_under_review=review.state_under_review, mechanism=review.mechanism, cycle=1
        )
    )


def test_actions_and_engagements_end_after_they_start():
    refused(
        lambda: ImplementationActionFactory(start_date=date(2012, 1, 1), end_date=date(2011, 1, 1))
    )
    refused(lambda: EngagementFactory(start_date=date(2015, 12, 17), end_date=date(2015, 12, 14)))


def test_a_budget_needs_a_currency_and_cannot_be_negative():
    refused(lambda: ImplementationActionFactory(budget_amount=1000, budget_currency=""))
    refused(lambda: ImplementationActionFactory(budget_amount=-1, budget_currency="USD"))
    refused(lambda: EngagementFactory(budget_amount=-5))


def test_a_recommendation_has_at_most_one_lead_institution():
    lead = ResponsibilityFactory()
    ResponsibilityFactory(recommendation=lead.recommendation, role=Responsibility.Role.SUPPORTING)

    refused(
        lambda: ResponsibilityFactory(
            recommendation=lead.recommendation, institution=InstitutionFactory()
        )
    )


def test_a_validated_update_records_when_and_a_returned_one_says_why():
    refused(lambda: ProgressUpdateFactory(reviewed_at=None))
    refused(
        lambda: ProgressUpdateFactory(
            workflow_state=ProgressUpdate.WorkflowState.RETURNED, reviewer_comment=""
        )
    )


def test_no_percentage_is_stored_anywhere():
    stored = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if "percent" in field.name
    ]

    assert stored == []
