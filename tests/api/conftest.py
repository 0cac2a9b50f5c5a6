"""A small tracker for the API tests: a recommendation each of the two ministries
leads, progress updates in every workflow state, one action per ministry, an
engagement; on the ministries, standing users and clients per role (DESIGN.md's
roles) every test shares (tests/world.py)."""

from dataclasses import dataclass
from datetime import date

import pytest
from rest_framework.test import APIClient

from missions.models import Engagement
from recommendations.models import (
    Cluster,
    ImplementationAction,
    Indicator,
    IndicatorValue,
    Position,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
    State,
    Status,
    Theme,
)
from tests.factories import (
    ClusterFactory,
    EngagementFactory,
    ImplementationActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MechanismFactory,
    RecommendationFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
)
from tests.world import (
    DRAFT,
    SUBMITTED,
    VALIDATED,
    WorkflowState,
    ministry_recommendation,
    role_client,
    update,
)

ROLES = ["anonymous", "public", "partner", "adviser", "justice", "interior", "coordinator"]
State_ = WorkflowState  # kept for tests that import it


@dataclass
class World:
    review: ReviewCycle
    justice_ministry: object
    interior_ministry: object
    justice_recommendation: Recommendation
    interior_recommendation: Recommendation
    noted_recommendation: Recommendation
    theme: Theme
    state: State
    validated: ProgressUpdate
    justice_draft: ProgressUpdate
    interior_submitted: ProgressUpdate
    justice_action: ImplementationAction
    interior_action: ImplementationAction
    engagement: Engagement
    users: dict
    justice_indicator: Indicator  # of the Ministry of Justice's action, reported yearly
    justice_value_draft: IndicatorValue
    validated_value: IndicatorValue
    interior_value_submitted: IndicatorValue
    cluster: Cluster  # the trafficking recommendation (97.1)


@pytest.fixture
def world(db, justice, interior, users):
    belarus = StateFactory(iso3="BLR", name="Belarus")
    review = ReviewCycleFactory(state_under_review=belarus, mechanism=MechanismFactory())
    theme = ThemeFactory(name="Trafficking in persons", slug="trafficking")
    france = StateFactory(iso3="FRA", name="France")
    justice_recommendation = ministry_recommendation(review, justice, "97.1")
    justice_recommendation.themes.add(theme)
    justice_recommendation.recommending_states.add(france)
    interior_recommendation = ministry_recommendation(
        review, interior, "97.2", text="Abolish the death penalty"
    )
    noted_recommendation = RecommendationFactory(
        review=review, reference="98.1", text="Ratify the Rome Statute", position=Position.NOTED
    )
    assessed_on = date(2012, 6, 1)
    validated = update(
        justice_recommendation,
        justice,
        VALIDATED,
        status=Status.IMPLEMENTED,
        assessed_on=assessed_on,
        narrative="Justice's validated assessment: the law is in force.",
    )
    justice_draft = update(
        justice_recommendation,
        justice,
        DRAFT,
        assessed_on=assessed_on,
        narrative="Justice's draft: a bill is before parliament.",
        author=users["justice"],
    )
    interior_submitted = update(
        interior_recommendation,
        interior,
        SUBMITTED,
        status=Status.PARTIALLY_IMPLEMENTED,
        assessed_on=assessed_on,
        narrative="Interior's submission: a moratorium is studied.",
        author=users["interior"],
    )
    justice_action = ImplementationActionFactory(
        title="Law on trafficking adopted", institution=justice
    )
    justice_action.recommendations.add(justice_recommendation)
    interior_action = ImplementationActionFactory(title="Moratorium studied", institution=interior)
    interior_action.recommendations.add(interior_recommendation)
    engagement = EngagementFactory(title="Seminar on trafficking", state_concerned=belarus)
    justice_indicator = IndicatorFactory(
        action=justice_action,
        name="Convictions for trafficking",
        next_report_date=date(2030, 6, 30),
    )
    interior_indicator = IndicatorFactory(action=interior_action, name="Executions stayed")
    cluster = ClusterFactory(name="Trafficking in human beings", slug="trafficking-cluster")
    cluster.recommendations.add(justice_recommendation)
    # Linked to its recommendation: the public face shows the engagements of published reviews.
    engagement.recommendations.add(justice_recommendation)
    return World(
        review=review,
        justice_ministry=justice,
        interior_ministry=interior,
        justice_recommendation=justice_recommendation,
        interior_recommendation=interior_recommendation,
        noted_recommendation=noted_recommendation,
        theme=theme,
        state=france,
        validated=validated,
        justice_draft=justice_draft,
        interior_submitted=interior_submitted,
        justice_action=justice_action,
        interior_action=interior_action,
        engagement=engagement,
        users=users,
        justice_indicator=justice_indicator,
        justice_value_draft=IndicatorValueFactory(
            indicator=justice_indicator,
            value=12,
            comment="Justice's draft value",
            workflow_state=DRAFT,
            reviewed_at=None,
        ),
        validated_value=IndicatorValueFactory(indicator=justice_indicator, value=9),
        interior_value_submitted=IndicatorValueFactory(
            indicator=interior_indicator, value=1, workflow_state=SUBMITTED, reviewed_at=None
        ),
        cluster=cluster,
    )


def client_for(role: str, world: World, settings) -> APIClient:
    """An API client as ``role``: the partner with a token (as partners call the
    API), the others with the site's session; "public" is anonymous on a
    deployment with a public dashboard."""
    return role_client(role, world.users, settings, api=True)


@pytest.fixture
def api_as(world, settings):
    return lambda role: client_for(role, world, settings)
