"""The coordinators' validation queue: bulk validate, bulk return with a comment."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recommendations.models import ProgressUpdate, Recommendation, Status
from recommendations.selectors import measure

from .conftest import ministry_recommendation, update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState


def submitted(recommendation, institution, **fields):
    return update(
        recommendation,
        institution,
        State.SUBMITTED,
        submitted_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def waiting(world):
    return [
        submitted(
            world.justice_recommendation,
            world.justice_ministry,
            status=Status.IMPLEMENTED,
            narrative="The moratorium law entered into force.",
        ),
        submitted(
            world.interior_recommendation,
            world.interior_ministry,
            status=Status.PARTIALLY_IMPLEMENTED,
        ),
    ]


def test_the_queue_shows_each_submission_beside_the_current_status(world, waiting):
    response = world.client("coordinator").get("/workspace/queue/")

    html = response.content.decode()
    rows = response.context["rows"]
    assert [row[0] for row in rows] == waiting
    assert [row[1] for row in rows] == [Status.IN_PROGRESS, Status.NOT_STARTED]
    assert "The moratorium law entered into force." in html
    assert "Ministry of Justice (MoJ): Implemented" in html
    assert "Validate selected" in html
    assert "Return selected" in html
    # Drafts are not the coordinators' business yet.
    assert "bill prepared" not in html


def test_validating_in_bulk_records_who_and_when_and_moves_the_measure(world, waiting):
    coordinator = world.users["coordinator"]
    before = measure(Recommendation.objects.all())
    client = world.client("coordinator")

    response = client.post(
        "/workspace/queue/", {"updates": [u.pk for u in waiting], "decision": "validate"}
    )

    assert response.status_code == 302
    for item in waiting:
        item.refresh_from_db()
        assert item.workflow_state == State.VALIDATED
        assert item.reviewed_by == coordinator
        assert item.reviewed_at is not None
        assert item.history.latest().history_user == coordinator
    after = measure(Recommendation.objects.all())
    assert (before.implemented, after.implemented) == (0, 1)
    assert after.partially_implemented == before.partially_implemented + 1
    page = client.get("/workspace/queue/").content.decode()
    assert "2 updates validated: 97.1, 97.2." in page
    assert "No update is waiting for validation." in page


def test_returning_needs_a_comment_and_keeps_the_ticks_when_it_is_missing(world, waiting):
    response = world.client("coordinator").post(
        "/workspace/queue/", {"updates": [waiting[0].pk], "decision": "return", "comment": "  "}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Say what needs to change before returning updates." in html
    assert f'value="{waiting[0].pk}" id="update-{waiting[0].pk}" checked' in html
    waiting[0].refresh_from_db()
    assert waiting[0].workflow_state == State.SUBMITTED


def test_returning_in_bulk_sends_the_comment_to_the_institutions(world, waiting):
    world.client("coordinator").post(
        "/workspace/queue/",
        {
            "updates": [u.pk for u in waiting],
            "decision": "return",
            "comment": "Attach the text of the law.",
        },
    )

    for item in waiting:
        item.refresh_from_db()
        assert item.workflow_state == State.RETURNED
        assert item.reviewer_comment == "Attach the text of the law."
        assert item.reviewed_by == world.users["coordinator"]
    justice_home = world.client("justice").get("/workspace/").content.decode()
    assert "Attach the text of the law." in justice_home
    queue = world.client("coordinator").get("/workspace/queue/").content.decode()
    assert "Recently returned" in queue
    assert "Attach the text of the law." in queue


def test_nothing_ticked_decides_nothing(world, waiting):
    response = world.client("coordinator").post("/workspace/queue/", {"decision": "validate"})

    assert "Tick at least one update or indicator value." in response.content.decode()
    assert ProgressUpdate.objects.filter(workflow_state=State.SUBMITTED).count() == 2


def test_an_update_decided_meanwhile_by_another_coordinator_is_not_decided_twice(world, waiting):
    first = waiting[0]
    first.workflow_state = State.VALIDATED
    first.reviewed_at = timezone.now()
    first.save()

    response = world.client("coordinator").post(
        "/workspace/queue/",
        {"updates": [first.pk, waiting[1].pk], "decision": "return", "comment": "Again"},
    )

    assert "no longer waits for validation" in response.content.decode()
    first.refresh_from_db()
    waiting[1].refresh_from_db()
    assert (first.workflow_state, waiting[1].workflow_state) == (State.VALIDATED, State.SUBMITTED)


def test_the_query_count_does_not_grow_with_the_queue(world, waiting):
    client = world.client("coordinator")
    with CaptureQueriesContext(connection) as with_two:
        client.get("/workspace/queue/")
    review = world.justice_recommendation.review
    for number in range(10, 40):
        recommendation = ministry_recommendation(review, world.justice_ministry, f"99.{number}")
        submitted(recommendation, world.justice_ministry)
        update(
            recommendation,
            world.justice_ministry,
            State.RETURNED,
            reviewer_comment="Fix",
            reviewed_at=timezone.now(),
        )

    with CaptureQueriesContext(connection) as with_many:
        response = client.get("/workspace/queue/")

    assert len(response.context["rows"]) == 32
    assert len(with_many) == len(with_two)
