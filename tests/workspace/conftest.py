"""A small world for the workspace's tests: two ministries, their recommendations and
updates, and one standing user per role (from tests/world.py), so each page is tried
by one who may and one who may not."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

import pytest
from django.test import Client

from recommendations.models import (
    ImplementationAction,
    Institution,
    Position,
    ProgressUpdate,
    Recommendation,
)
from tests.factories import ImplementationActionFactory, ReviewCycleFactory
from tests.world import VALIDATED, WorkflowState, ministry_recommendation, role_client, update

__all__ = ["ROLES", "State", "World", "ministry_recommendation", "update"]

State = WorkflowState  # the name the workspace's tests import
ROLES = ["anonymous", "partner", "adviser", "justice", "interior", "coordinator"]


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
    new_client: Callable[[str], Client]

    def client(self, role: str) -> Client:
        """A new client logged in as the standing user of ``role`` ("anonymous": not
        logged in)."""
        return self.new_client(role)


@pytest.fixture
def world(db, justice, interior, users, settings):
    review = ReviewCycleFactory(adoption_date=date(2010, 9, 20))
    justice_recommendation = ministry_recommendation(
        review, justice, "97.1", text="Abolish the death penalty"
    )
    interior_recommendation = ministry_recommendation(
        review, interior, "97.2", text="Investigate allegations of torture in detention"
    )
    shared_recommendation = ministry_recommendation(
        review,
        interior,
        "97.3",
        supporting=justice,
        text="Combat trafficking in persons",
        position=Position.PARTIALLY_SUPPORTED,
    )
    justice_action = ImplementationActionFactory(
        title="Draft law on the moratorium", institution=justice
    )
    justice_action.recommendations.add(justice_recommendation)
    return World(
        justice_action=justice_action,
        justice_ministry=justice,
        interior_ministry=interior,
        justice_recommendation=justice_recommendation,
        interior_recommendation=interior_recommendation,
        shared_recommendation=shared_recommendation,
        justice_draft=update(
            justice_recommendation,
            justice,
            narrative="Justice's draft: bill prepared",
            author=users["justice"],
        ),
        justice_validated=update(
            justice_recommendation,
            justice,
            VALIDATED,
            assessed_on=date(2012, 5, 1),
            narrative="Justice's validated assessment",
        ),
        interior_draft=update(
            shared_recommendation,
            interior,
            narrative="Interior's draft: not for Justice's eyes",
            author=users["interior"],
        ),
        users=users,
        new_client=partial(role_client, users=users, settings=settings),
    )
