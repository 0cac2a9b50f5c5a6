"""A small tracker for the API tests: two ministries with an officer each and a
recommendation each leads, progress updates in every workflow state, one action
per ministry, an engagement; and a client per role (DESIGN.md's roles)."""

from dataclasses import dataclass
from datetime import date

import pytest
from rest_framework.test import APIClient

from api_tokens.services import api_token_create
from missions.models import Engagement
from recommendations.models import (
    ImplementationAction,
    Position,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
    Role,
    State,
    Status,
    Theme,
)
from tests.factories import (
    EngagementFactory,
    ImplementationActionFactory,
    InstitutionFactory,
    MechanismFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
    UserFactory,
    coordinator,
)

ROLES = ["anonymous", "public", "partner", "adviser", "justice", "interior", "coordinator"]
State_ = ProgressUpdate.WorkflowState


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


@pytest.fixture
def world(db):
    belarus = StateFactory(iso3="BLR", name="Belarus")
    review = ReviewCycleFactory(state_under_review=belarus, mechanism=MechanismFactory())
    justice_ministry = InstitutionFactory(name="Ministry of Justice")
    interior_ministry = InstitutionFactory(name="Ministry of Internal Affairs")
    theme = ThemeFactory(name="Trafficking in persons", slug="trafficking")
    france = StateFactory(iso3="FRA", name="France")
    justice_recommendation = RecommendationFactory(review=review, reference="97.1")
    justice_recommendation.themes.add(theme)
    justice_recommendation.recommending_states.add(france)
    interior_recommendation = RecommendationFactory(
        review=review, reference="97.2", text="Abolish the death penalty"
    )
    noted_recommendation = RecommendationFactory(
        review=review, reference="98.1", text="Ratify the Rome Statute", position=Position.NOTED
    )
    ResponsibilityFactory(recommendation=justice_recommendation, institution=justice_ministry)
    ResponsibilityFactory(recommendation=interior_recommendation, institution=interior_ministry)
    users = {
        "coordinator": coordinator(),
        "justice": UserFactory(
            username="justice", role=Role.MINISTRY, role__institution=justice_ministry
        ),
        "interior": UserFactory(
            username="interior", role=Role.MINISTRY, role__institution=interior_ministry
        ),
        "adviser": UserFactory(username="adviser", role=Role.ADVISER),
        "partner": UserFactory(username="partner", role=Role.PARTNER),
    }
    validated = ProgressUpdateFactory(
        recommendation=justice_recommendation,
        institution=justice_ministry,
        status=Status.IMPLEMENTED,
        assessed_on=date(2012, 6, 1),
    )
    justice_draft = ProgressUpdateFactory(
        recommendation=justice_recommendation,
        institution=justice_ministry,
        status=Status.IN_PROGRESS,
        workflow_state=State_.DRAFT,
        reviewed_at=None,
        author=users["justice"],
    )
    interior_submitted = ProgressUpdateFactory(
        recommendation=interior_recommendation,
        institution=interior_ministry,
        status=Status.PARTIALLY_IMPLEMENTED,
        workflow_state=State_.SUBMITTED,
        reviewed_at=None,
        author=users["interior"],
    )
    justice_action = ImplementationActionFactory(
        title="Law on trafficking adopted", institution=justice_ministry
    )
    justice_action.recommendations.add(justice_recommendation)
    interior_action = ImplementationActionFactory(
        title="Moratorium studied", institution=interior_ministry
    )
    interior_action.recommendations.add(interior_recommendation)
    engagement = EngagementFactory(title="Seminar on trafficking", state_concerned=belarus)
    return World(
        review=review,
        justice_ministry=justice_ministry,
        interior_ministry=interior_ministry,
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
    )


def client_for(role: str, world: World, settings) -> APIClient:
    """An API client as ``role``: the partner with a token (as partners call the
    API), the others with the site's session; "public" is anonymous on a
    deployment with a public dashboard."""
    client = APIClient()
    settings.UPR_PUBLIC_DASHBOARD = role == "public"
    if role == "partner":
        _, text = api_token_create(user=world.users["partner"], name="partner system")
        client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    elif role in world.users:
        client.force_login(world.users[role])
    return client


@pytest.fixture
def api_as(world, settings):
    return lambda role: client_for(role, world, settings)
