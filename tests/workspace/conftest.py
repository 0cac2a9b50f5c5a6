"""A small world for the workspace's tests: two ministries, their recommendations and
updates, and one standing user per role, so each page is tried by one who may and
one who may not."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from recommendations.models import (
    ImplementationAction,
    Institution,
    Position,
    ProgressUpdate,
    Recommendation,
    Responsibility,
    Role,
    Status,
)
from tests.factories import (
    ImplementationActionFactory,
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    UserFactory,
    coordinator,
)

State = ProgressUpdate.WorkflowState


@dataclass
class World:
    justice_ministry: Institution
    interior_ministry: Institution
    justice_recommendation: Recommendation  # led by Justice
    interior_recommendation: Recommendation  # led by Interior
    shared_recommendation: Recommendation  # led by Interior, supported by Justice
    justice_draft: ProgressUpdate
    justice_validated: ProgressUpdate
    interior_draft: ProgressUpdate
    justice_action: ImplementationAction
    users: dict

    def client(self, role: str) -> Client:
        """A client logged in as the standing user of ``role`` ("anonymous": not logged in)."""
        client = Client()
        if role != "anonymous":
            client.force_login(self.users[role])
        return client


def ministry_recommendation(review, institution, reference, *, supporting=None, **fields):
    recommendation = RecommendationFactory(review=review, reference=reference, **fields)
    ResponsibilityFactory(recommendation=recommendation, institution=institution)
    if supporting is not None:
        ResponsibilityFactory(
            recommendation=recommendation,
            institution=supporting,
            role=Responsibility.Role.SUPPORTING,
        )
    return recommendation


def update(recommendation, institution, state=State.DRAFT, **fields):
    values = {
        "status": Status.IN_PROGRESS,
        "assessed_on": date(2024, 3, 1),
        "narrative": f"What the {institution} did.",
        "workflow_state": state,
        "institution": institution,
        "reviewed_at": None,
    }
    values.update(fields)
    if state == State.VALIDATED and values["reviewed_at"] is None:
        from django.utils import timezone

        values["reviewed_at"] = timezone.now()
    return ProgressUpdateFactory(recommendation=recommendation, **values)


@pytest.fixture
def world(db):
    justice_ministry = InstitutionFactory(name="Ministry of Justice", abbreviation="MoJ")
    interior_ministry = InstitutionFactory(name="Ministry of Internal Affairs", abbreviation="MIA")
    review = ReviewCycleFactory(adoption_date=date(2010, 9, 20))
    justice_recommendation = ministry_recommendation(
        review, justice_ministry, "97.1", text="Abolish the death penalty"
    )
    interior_recommendation = ministry_recommendation(
        review, interior_ministry, "97.2", text="Investigate allegations of torture in detention"
    )
    shared_recommendation = ministry_recommendation(
        review,
        interior_ministry,
        "97.3",
        supporting=justice_ministry,
        text="Combat trafficking in persons",
        position=Position.PARTIALLY_SUPPORTED,
    )
    users = {
        "coordinator": coordinator(),
        "justice": UserFactory(
            username="justice",
            email="justice@example.org",
            role=Role.MINISTRY,
            role__institution=justice_ministry,
        ),
        "interior": UserFactory(
            username="interior",
            email="interior@example.org",
            role=Role.MINISTRY,
            role__institution=interior_ministry,
        ),
        "adviser": UserFactory(username="adviser", is_staff=True, role=Role.ADVISER),
        "partner": UserFactory(username="partner", role=Role.PARTNER),
    }
    justice_action = ImplementationActionFactory(
        title="Draft law on the moratorium", institution=justice_ministry
    )
    justice_action.recommendations.add(justice_recommendation)
    return World(
        justice_action=justice_action,
        justice_ministry=justice_ministry,
        interior_ministry=interior_ministry,
        justice_recommendation=justice_recommendation,
        interior_recommendation=interior_recommendation,
        shared_recommendation=shared_recommendation,
        justice_draft=update(
            justice_recommendation,
            justice_ministry,
            narrative="Justice's draft: bill prepared",
            author=users["justice"],
        ),
        justice_validated=update(
            justice_recommendation,
            justice_ministry,
            State.VALIDATED,
            assessed_on=date(2012, 5, 1),
            narrative="Justice's validated assessment",
        ),
        interior_draft=update(
            shared_recommendation,
            interior_ministry,
            narrative="Interior's draft: not for Justice's eyes",
            author=users["interior"],
        ),
        users=users,
    )


ROLES = ["anonymous", "partner", "adviser", "justice", "interior", "coordinator"]
