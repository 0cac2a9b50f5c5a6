"""The progress-update workflow through the API: ministry staff write drafts and
submit them, coordinators validate or return them; only a validated update
changes a recommendation's status. Each step is the service's, with its rules."""

import pytest

from recommendations.models import ProgressUpdate

pytestmark = pytest.mark.django_db

WorkflowState = ProgressUpdate.WorkflowState


def step(client, update, name, **body):
    return client.post(f"/api/v1/progress-updates/{update.pk}/{name}/", body, format="json")


def test_a_ministry_officer_drafts_an_update_for_its_own_recommendation(api_as, world):
    response = api_as("justice").post(
        "/api/v1/progress-updates/",
        {
            "recommendation": world.justice_recommendation.pk,
            "status": "partially_implemented",
            "assessed_on": "2014-05-01",
            "narrative": "Law adopted; by-laws pending.",
        },
        format="json",
    )

    assert response.status_code == 201
    update = ProgressUpdate.objects.get(pk=response.json()["id"])
    assert update.workflow_state == WorkflowState.DRAFT
    assert update.institution == world.justice_ministry
    assert update.author == world.users["justice"]
    assert response.json()["workflow_state"] == "draft"
    assert response["ETag"]


def test_an_officer_cannot_report_on_another_ministrys_recommendation(api_as, world):
    response = api_as("interior").post(
        "/api/v1/progress-updates/",
        {
            "recommendation": world.justice_recommendation.pk,
            "status": "implemented",
            "assessed_on": "2014-05-01",
            "narrative": "Done.",
        },
        format="json",
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "You may not report on this recommendation."}
    assert ProgressUpdate.objects.count() == 3


def test_the_workflow_state_cannot_be_written_directly(api_as, world):
    response = api_as("justice").patch(
        f"/api/v1/progress-updates/{world.justice_draft.pk}/",
        {"workflow_state": "validated", "narrative": "Sneaky"},
        format="json",
    )

    assert response.status_code == 200
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == WorkflowState.DRAFT
    assert world.justice_draft.narrative == "Sneaky"


def test_submit_then_validate_changes_the_recommendations_status(api_as, world):
    justice, coordinator = api_as("justice"), api_as("coordinator")
    recommendation_url = f"/api/v1/recommendations/{world.justice_recommendation.pk}/"
    justice.patch(
        f"/api/v1/progress-updates/{world.justice_draft.pk}/",
        {"assessed_on": "2015-01-01"},
        format="json",
    )

    submitted = step(justice, world.justice_draft, "submit")
    status_while_submitted = coordinator.get(recommendation_url).json()["status"]
    validated = step(coordinator, world.justice_draft, "validate")

    assert submitted.status_code == 200
    assert submitted.json()["workflow_state"] == "submitted"
    assert status_while_submitted == "implemented"
    assert validated.status_code == 200
    assert validated.json()["workflow_state"] == "validated"
    assert coordinator.get(recommendation_url).json()["status"] == "in_progress"
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.reviewed_by == world.users["coordinator"]


def test_only_a_coordinator_validates(api_as, world):
    step(api_as("justice"), world.justice_draft, "submit")

    response = step(api_as("justice"), world.justice_draft, "validate")

    assert response.status_code == 403
    assert response.json() == {"detail": "Only a coordinator may validate updates."}
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == WorkflowState.SUBMITTED


def test_a_coordinator_returns_an_update_with_a_comment(api_as, world):
    response = step(
        api_as("coordinator"), world.interior_submitted, "return", comment="Cite the decree."
    )

    assert response.status_code == 200
    assert response.json()["workflow_state"] == "returned"
    assert response.json()["reviewer_comment"] == "Cite the decree."


@pytest.mark.parametrize("body", [{}, {"comment": ""}, {"comment": "   "}])
def test_returning_without_saying_why_is_a_400(api_as, world, body):
    response = api_as("coordinator").post(
        f"/api/v1/progress-updates/{world.interior_submitted.pk}/return/", body, format="json"
    )

    assert response.status_code == 400
    assert set(response.json()) <= {"comment", "reviewer_comment"}
    world.interior_submitted.refresh_from_db()
    assert world.interior_submitted.workflow_state == WorkflowState.SUBMITTED


def test_a_step_the_state_does_not_allow_is_a_400_with_the_reason(api_as, world):
    response = step(api_as("coordinator"), world.justice_draft, "validate")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["A draft update cannot be validated."]}


def test_an_officer_cannot_change_a_validated_update(api_as, world):
    narrative = world.validated.narrative

    response = api_as("justice").patch(
        f"/api/v1/progress-updates/{world.validated.pk}/", {"narrative": "Rewritten"}, format="json"
    )

    assert response.status_code == 403
    world.validated.refresh_from_db()
    assert world.validated.narrative == narrative


def test_an_officer_cannot_even_see_another_ministrys_draft(api_as, world):
    interior = api_as("interior")

    assert interior.get(f"/api/v1/progress-updates/{world.justice_draft.pk}/").status_code == 404
    assert step(interior, world.justice_draft, "submit").status_code == 404
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == WorkflowState.DRAFT


@pytest.mark.parametrize("role", ["partner", "adviser"])
def test_readers_take_no_workflow_step(api_as, world, role):
    response = step(api_as(role), world.interior_submitted, "validate")

    assert response.status_code == 403
    world.interior_submitted.refresh_from_db()
    assert world.interior_submitted.workflow_state == WorkflowState.SUBMITTED


def test_invalid_content_is_a_400_with_the_field(api_as, world):
    response = api_as("justice").patch(
        f"/api/v1/progress-updates/{world.justice_draft.pk}/",
        {"status": "finished", "assessed_on": "soon"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()) == {"status", "assessed_on"}
