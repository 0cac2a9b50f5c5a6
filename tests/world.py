"""What every test world is made of: the two ministries, one standing user per role, a
client per role, and the builders of recommendations and progress updates.

Registered for every test by ``pytest_plugins`` in tests/conftest.py. The worlds of
tests/api, tests/workspace and tests/pages build their reviews and records on these
fixtures, so a user, a ministry or a client means the same thing in each.

The standing users are made as an administrator makes them: through the role service
(``recommendations.people``), so each has exactly the admin access (staff flag, superuser
flag, role group) its role has in production. Their usernames are their role's names
below; their password is ``tests.factories.PASSWORD``.
"""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from api_tokens.services import api_token_create
from recommendations.models import (
    Institution,
    ProgressUpdate,
    Responsibility,
    ReviewCycle,
    Role,
    Status,
)
from tests.factories import (
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    adviser,
    coordinator,
    user_with_role,
)

EVERY_ROLE = (
    "anonymous",  # not logged in, and no review published (the default)
    "public",  # not logged in, with every review of the test's world published
    "partner",  # a partner system: a read-only token on the API, a session on the pages
    "adviser",
    "contributor",  # an NGO's contributor: reads the public face, submits assessments
    "justice",  # ministry staff of the Ministry of Justice
    "interior",  # ministry staff of the Ministry of Internal Affairs
    "coordinator",
    "administrator",
)

WorkflowState = ProgressUpdate.WorkflowState
DRAFT = WorkflowState.DRAFT
SUBMITTED = WorkflowState.SUBMITTED
RETURNED = WorkflowState.RETURNED
VALIDATED = WorkflowState.VALIDATED


# The day the tests' published reviews are public from.
PUBLISHED_FROM = date(2020, 1, 1)


def publish(*reviews, day: date = PUBLISHED_FROM):
    """Publish ``reviews`` (as a coordinator's Publish does, without the history)."""
    ReviewCycle.objects.filter(pk__in=[review.pk for review in reviews]).update(published_from=day)
    for review in reviews:
        review.published_from = day


def publish_every_review(day: date = PUBLISHED_FROM):
    """Publish every review in the database: what anonymous visitors then read is what
    a deployment with a public dashboard showed before publication was per review."""
    ReviewCycle.objects.update(published_from=day)


@pytest.fixture
def justice(db):
    return InstitutionFactory(name="Ministry of Justice", abbreviation="MoJ")


@pytest.fixture
def interior(db):
    return InstitutionFactory(name="Ministry of Internal Affairs", abbreviation="MIA")


@pytest.fixture
def ngo(db):
    """An NGO whose contributor submits independent assessments."""
    return InstitutionFactory(
        name="Human Rights Watchers", abbreviation="HRW-BY", kind=Institution.Kind.NGO
    )


@pytest.fixture
def users(db, justice, interior, ngo):
    """One standing user per role that logs in, by role name: who may and who may not."""
    return {
        "coordinator": coordinator(),
        "justice": user_with_role(
            Role.MINISTRY, username="justice", institution=justice, email="justice@example.org"
        ),
        "interior": user_with_role(
            Role.MINISTRY, username="interior", institution=interior, email="interior@example.org"
        ),
        "adviser": adviser(),
        "partner": user_with_role(Role.PARTNER, username="partner"),
        "contributor": user_with_role(
            Role.CONTRIBUTOR, username="contributor", institution=ngo, email="ngo@example.org"
        ),
        "administrator": user_with_role(Role.ADMINISTRATOR, username="administrator"),
    }


def role_client(role: str, users: dict, settings, *, api: bool = False) -> Client:
    """A new client as ``role`` (one of ``EVERY_ROLE``): logged in as its standing user.

    "anonymous" and "public" are not logged in; "public" publishes every review of the
    world (``publish_every_review``): make the world before the client. With ``api``, a
    REST framework client, and the partner calls with a read-only token (as partner
    systems do) instead of a session.
    """
    client = APIClient() if api else Client()
    if role == "public":
        publish_every_review()
    elif role == "partner" and api:
        _, text = api_token_create(user=users["partner"], name="partner system")
        client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    elif role != "anonymous":
        client.force_login(users[role])
    return client


class RoleClients(dict):
    """role -> client, each made the first time it is asked for (see ``role_client``)."""

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __missing__(self, role):
        self[role] = client = self._make(role)
        return client


@pytest.fixture
def clients(users, settings):
    """clients["justice"]: a Django test client logged in as the standing user of the role."""
    return RoleClients(lambda role: role_client(role, users, settings))


@pytest.fixture
def api_clients(users, settings):
    """api_clients["partner"]: a REST framework client as the role (the partner with a token)."""
    return RoleClients(lambda role: role_client(role, users, settings, api=True))


@pytest.fixture
def log_in(client, users):
    """log_in("adviser") -> the test client, logged in as that standing user."""

    def as_role(role):
        client.force_login(users[role])
        return client

    return as_role


def ministry_recommendation(review, institution, reference, *, supporting=None, **fields):
    """A recommendation of ``review`` that ``institution`` leads (and ``supporting``
    supports)."""
    recommendation = RecommendationFactory(review=review, reference=reference, **fields)
    ResponsibilityFactory(recommendation=recommendation, institution=institution)
    if supporting is not None:
        ResponsibilityFactory(
            recommendation=recommendation,
            institution=supporting,
            role=Responsibility.Role.SUPPORTING,
        )
    return recommendation


def update(recommendation, institution, state=DRAFT, **fields):
    """A progress update by ``institution`` in workflow ``state``: "in progress",
    assessed on 1 March 2024, reviewed now if validated; ``fields`` say otherwise."""
    values = {
        "status": Status.IN_PROGRESS,
        "assessed_on": date(2024, 3, 1),
        "narrative": f"What the {institution} did.",
        "workflow_state": state,
        "institution": institution,
        "reviewed_at": None,
    }
    values.update(fields)
    if state == VALIDATED and values["reviewed_at"] is None:
        values["reviewed_at"] = timezone.now()
    return ProgressUpdateFactory(recommendation=recommendation, **values)
