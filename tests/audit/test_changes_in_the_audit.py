"""Every change of the domain, from every history table, with the person who made it
and what they changed; and the admin's changes to what keeps no history (users)."""

import pytest

from recommendations.models import ProgressUpdate
from tests.factories import EngagementFactory

from .conftest import page_rows

pytestmark = pytest.mark.django_db


def test_a_progress_update_reported_in_the_workspace_appears_with_its_person(world, admin_client):
    response = world.client("justice").post(
        f"/workspace/recommendations/{world.justice_recommendation.pk}/updates/new/",
        {
            "status": "partially_implemented",
            "assessed_on": "2024-05-02",
            "narrative": "A bill was submitted to parliament.",
            "intent": "submit",
        },
    )
    assert response.status_code == 302
    update = world.justice_recommendation.progress_updates.latest("id")

    rows = page_rows(admin_client.get("/audit/", {"person": "justice", "kind": "change"}))

    assert [(row[1], row[2]) for row in rows] == [("Change", "justice")] * 2
    submitted, created = (row[3] for row in rows)
    assert (
        created
        == f"Progress update #{update.pk} on recommendation #{update.recommendation_id}: created"
    )
    assert submitted.startswith(f"Progress update #{update.pk} on recommendation")
    assert "changed (" in submitted and "workflow state" in submitted


def test_a_change_lists_the_fields_it_changed(world, admin_client):
    coordinator = world.client("coordinator")
    action = world.justice_action

    response = coordinator.post(
        f"/workspace/recommendations/{world.justice_recommendation.pk}/actions/{action.pk}/edit/",
        {
            "title": "Moratorium law adopted",
            "status": "completed",
            "recommendations": [world.justice_recommendation.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    rows = page_rows(admin_client.get("/audit/", {"person": "coordinator", "kind": "change"}))

    what = rows[0][3]
    assert what.startswith(f"Implementation action #{action.pk} “Moratorium law adopted”")
    assert "changed" in what and "title" in what and "status" in what


def test_a_validation_and_a_deletion_in_the_admin_appear_with_the_coordinator(world, admin_client):
    submitted = world.justice_draft
    submitted.workflow_state = ProgressUpdate.WorkflowState.SUBMITTED
    submitted.save()
    coordinator = world.client("coordinator")
    coordinator.post("/workspace/queue/", {"updates": [submitted.pk], "decision": "validate"})
    engagement = EngagementFactory(title="Study visit to Vilnius")
    coordinator.post(f"/admin/missions/engagement/{engagement.pk}/delete/", {"post": "yes"})

    rows = page_rows(admin_client.get("/audit/", {"person": "coordinator"}))

    whats = [row[3] for row in rows if row[1] == "Change"]
    assert whats[0] == f"Engagement #{engagement.pk} “Study visit to Vilnius”: deleted"
    assert whats[1].startswith(f"Progress update #{submitted.pk}")
    assert "workflow state" in whats[1]


def test_an_administrators_change_to_a_user_appears_as_an_admin_action(
    world, administrator, admin_client
):
    justice = world.users["justice"]
    response = admin_client.post(
        f"/admin/auth/user/{justice.pk}/change/",
        {
            "username": "justice",
            "email": "justice@example.org",
            "is_active": "on",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2024-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    rows = page_rows(admin_client.get("/audit/", {"person": "admin", "kind": "admin"}))

    assert [(row[1], row[2]) for row in rows] == [("Admin action", "admin")]
    assert "justice" in rows[0][3]
