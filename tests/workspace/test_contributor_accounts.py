"""A coordinator gives an accredited NHRI or NGO a contributor's account; no one else
does, and a contributor speaks for an independent organisation only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from recommendations.models import Institution, Role
from tests.factories import PASSWORD, InstitutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nhri(db):
    return InstitutionFactory(name="Ombudsman of Belarus", kind=Institution.Kind.NHRI)


def form(organisation, **fields):
    values = {
        "organisation": organisation.pk,
        "username": "ombudsman",
        "first_name": "Anna",
        "last_name": "K.",
        "email": "anna@example.org",
        "password": PASSWORD,
    }
    values.update(fields)
    return values


def test_a_coordinator_creates_a_contributor_who_then_logs_in_to_its_assessments(world, nhri):
    response = world.client("coordinator").post("/workspace/contributors/", form(nhri))

    assert response.status_code == 302
    user = get_user_model().objects.get(username="ombudsman")
    assert (user.profile.role, user.profile.institution) == (Role.CONTRIBUTOR, nhri)
    assert not user.is_staff
    client = Client()
    assert client.login(username="ombudsman", password=PASSWORD)
    assert client.get("/workspace/start/")["Location"] == "/workspace/assessments/"
    assert client.get("/workspace/assessments/").status_code == 200


@pytest.mark.parametrize("role", ["adviser", "justice", "partner"])
def test_no_one_else_creates_a_contributor(world, nhri, role):
    response = world.client(role).post("/workspace/contributors/", form(nhri))

    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="ombudsman").exists()


def test_a_contributor_cannot_speak_for_a_ministry(world):
    response = world.client("coordinator").post(
        "/workspace/contributors/", form(world.justice_ministry)
    )

    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="ombudsman").exists()


def test_a_weak_password_is_refused(world, nhri):
    response = world.client("coordinator").post(
        "/workspace/contributors/", form(nhri, password="123")
    )

    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="ombudsman").exists()
