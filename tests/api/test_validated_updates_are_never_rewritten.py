"""One rule decides who may change a progress update (``rules.may_change_update``),
and the API asks it through the service: a validated update is never rewritten,
not even by a coordinator (a correction is a new update, validated in turn), and
a submitted one waits for the coordinator's decision."""

import pytest

from recommendations.models import ProgressUpdate

pytestmark = pytest.mark.django_db

WorkflowState = ProgressUpdate.WorkflowState


def patch(client, update, **body):
    return client.patch(f"/api/v1/progress-updates/{update.pk}/", body, format="json")


def test_a_coordinator_cannot_rewrite_a_validated_update(api_as, world):
    before = ProgressUpdate.objects.values().get(pk=world.validated.pk)

    response = patch(
        api_as("coordinator"), world.validated, narrative="Rewritten", status="not_implemented"
    )

    assert response.status_code == 403
    assert "validated update is corrected by a new update" in response.json()["detail"]
    assert ProgressUpdate.objects.values().get(pk=world.validated.pk) == before


def test_a_coordinator_cannot_rewrite_a_submitted_update_either(api_as, world):
    response = patch(api_as("coordinator"), world.interior_submitted, narrative="Rewritten")

    assert response.status_code == 403
    world.interior_submitted.refresh_from_db()
    assert world.interior_submitted.narrative != "Rewritten"
    assert world.interior_submitted.workflow_state == WorkflowState.SUBMITTED


def test_a_coordinator_still_corrects_a_draft(api_as, world):
    response = patch(api_as("coordinator"), world.justice_draft, narrative="Tidied up")

    assert response.status_code == 200
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.narrative == "Tidied up"


def test_a_coordinator_cannot_resubmit_a_validated_update(api_as, world):
    response = api_as("coordinator").post(f"/api/v1/progress-updates/{world.validated.pk}/submit/")

    assert response.status_code == 403
    world.validated.refresh_from_db()
    assert world.validated.workflow_state == WorkflowState.VALIDATED
