"""Who sees a background job, tried by every role: an import's job (its progress, its
preview, what it found) is the coordinator's who started it, and the administrators'; the
admin's list of jobs shows each coordinator their own. (The status report document's job
is the review's readers': tests/exporting/test_status_report_document_jobs.py.)"""

import pytest
from django.test import Client
from django.urls import reverse

from jobs.models import Job
from tests.factories import coordinator
from tests.world import EVERY_ROLE

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "admin login"
JOBS = reverse("admin:jobs_job_changelist")


def expect(*answers):
    """The answers in the order of ``EVERY_ROLE``: anonymous, public, partner, adviser,
    contributor, justice, interior, coordinator, administrator."""
    return dict(zip(EVERY_ROLE, answers, strict=True))


LOGIN = ADMIN_LOGIN
STARTER_AND_ADMINISTRATORS = expect(LOGIN, LOGIN, LOGIN, 403, LOGIN, LOGIN, LOGIN, 200, 200)


# The standing coordinator started the job.
DOORS = {
    "import job": (
        "/admin/recommendations/recommendation/import/job/{job.pk}/",
        STARTER_AND_ADMINISTRATORS,
    ),
    "jobs list": (
        JOBS,
        STARTER_AND_ADMINISTRATORS,
    ),
    "job in the admin": (
        "/admin/jobs/job/{job.pk}/change/",
        STARTER_AND_ADMINISTRATORS,
    ),
}


@pytest.fixture
def job(users):
    return Job.objects.create(
        kind=Job.Kind.IMPORT_CHECK,
        label="upload.csv",
        started_by=users["coordinator"],
        state=Job.State.FAILED,
        error="The uploaded file is no longer there: upload it again.",
    )


@pytest.mark.parametrize("role", EVERY_ROLE)
@pytest.mark.parametrize("door", DOORS, ids=str)
def test_each_door_of_a_job_answers_each_role_as_its_rights_say(job, clients, door, role):
    template, expected = DOORS[door]

    response = clients[role].get(template.format(job=job))

    if expected[role] == ADMIN_LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next="), (door, role)
    else:
        assert response.status_code == expected[role], (door, role)


@pytest.mark.parametrize("door", DOORS, ids=str)
def test_another_coordinator_does_not_see_the_job(job, door):
    client = Client()
    client.force_login(coordinator(username="second coordinator"))

    response = client.get(DOORS[door][0].format(job=job))

    if door == "jobs list":
        assert response.status_code == 200
        assert "upload.csv" not in response.content.decode()
    else:
        assert response.status_code in (302, 403), door
        if response.status_code == 302:  # the admin's answer to an object one may not view
            assert response["Location"] == "/admin/"


def test_the_admin_lists_a_coordinators_own_jobs_and_every_job_for_an_administrator(job, clients):
    Job.objects.create(kind=Job.Kind.IMPORT, label="someone-elses.csv")

    mine = clients["coordinator"].get(JOBS).content.decode()
    every = clients["administrator"].get(JOBS).content.decode()

    assert "upload.csv" in mine and "someone-elses.csv" not in mine
    assert "upload.csv" in every and "someone-elses.csv" in every
