"""A recommendation's maintained status follows its validated updates through every door
that validates, deletes or restores one: the validation queue, the API, the admin's
delete page, its bulk delete, the recommendation form's inline and the restore page."""

from datetime import date

import pytest
from django.utils import timezone

from recommendations.models import ProgressUpdate, Recommendation, Status, StatusChange
from recommendations.selectors import measure
from recommendations.statuses import statuses_out_of_step

from .conftest import update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState
ADMIN_UPDATES = "/admin/recommendations/progressupdate/"


def status_of(recommendation):
    return Recommendation.objects.values_list("status", "status_on").get(pk=recommendation.pk)


@pytest.fixture
def submitted(world):
    return update(
        world.justice_recommendation,
        world.justice_ministry,
        State.SUBMITTED,
        status=Status.IMPLEMENTED,
        assessed_on=date(2014, 6, 1),
        submitted_at=timezone.now(),
    )


def test_validating_in_the_queue_sets_the_status_at_once(world, submitted):
    client = world.client("coordinator")

    response = client.post("/workspace/queue/", {"updates": [submitted.pk], "decision": "validate"})

    assert response.status_code == 302
    assert status_of(world.justice_recommendation) == (Status.IMPLEMENTED, date(2014, 6, 1))
    assert statuses_out_of_step() == []


def test_validating_through_the_api_sets_the_status(world, submitted):
    client = world.client("coordinator")

    response = client.post(f"/api/v1/progress-updates/{submitted.pk}/validate/")

    assert response.status_code == 200
    assert status_of(world.justice_recommendation) == (Status.IMPLEMENTED, date(2014, 6, 1))
    assert statuses_out_of_step() == []


def test_deleting_the_deciding_update_in_the_admin_gives_the_status_back(world):
    recommendation = world.justice_recommendation
    assert status_of(recommendation) == (Status.IN_PROGRESS, date(2012, 5, 1))

    response = world.client("coordinator").post(
        f"{ADMIN_UPDATES}{world.justice_validated.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert status_of(recommendation) == (Status.NOT_STARTED, None)
    assert not StatusChange.objects.filter(recommendation=recommendation).exists()
    assert statuses_out_of_step() == []


def test_deleting_in_bulk_in_the_admin_refreshes_each_status(world):
    earlier = update(
        world.justice_recommendation,
        world.justice_ministry,
        State.VALIDATED,
        status=Status.NOT_IMPLEMENTED,
        assessed_on=date(2011, 1, 1),
    )
    other = update(
        world.interior_recommendation,
        world.interior_ministry,
        State.VALIDATED,
        status=Status.IMPLEMENTED,
    )

    response = world.client("coordinator").post(
        ADMIN_UPDATES,
        {
            "action": "delete_selected",
            "_selected_action": [world.justice_validated.pk, other.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert ProgressUpdate.objects.filter(pk=earlier.pk).exists()
    assert status_of(world.justice_recommendation) == (Status.NOT_IMPLEMENTED, date(2011, 1, 1))
    assert status_of(world.interior_recommendation) == (Status.NOT_STARTED, None)
    assert statuses_out_of_step() == []


def test_deleting_a_validated_update_in_the_recommendation_form_refreshes_the_status(world):
    recommendation, validated = world.justice_recommendation, world.justice_validated
    rows = {
        "progress_updates-TOTAL_FORMS": "1",
        "progress_updates-INITIAL_FORMS": "1",
        "progress_updates-0-id": validated.pk,
        "progress_updates-0-recommendation": recommendation.pk,
        "progress_updates-0-DELETE": "on",
    }
    for prefix in ("responsibilities", "ImplementationAction_recommendations", "translations"):
        rows |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}

    response = world.client("coordinator").post(
        f"/admin/recommendations/recommendation/{recommendation.pk}/change/",
        {
            "review": recommendation.review_id,
            "reference": recommendation.reference,
            "text": recommendation.text,
            "position": recommendation.position,
            "_save": "Save",
            **rows,
        },
    )

    assert response.status_code == 302
    assert not ProgressUpdate.objects.filter(pk=validated.pk).exists()
    assert status_of(recommendation) == (Status.NOT_STARTED, None)
    assert statuses_out_of_step() == []


def test_restoring_a_deleted_validated_update_brings_its_status_back(world):
    client = world.client("coordinator")
    pk = world.justice_validated.pk
    client.post(f"{ADMIN_UPDATES}{pk}/delete/", {"post": "yes"})

    response = client.post(f"{ADMIN_UPDATES}deleted/", {"object_id": pk})

    assert response.status_code == 302
    assert status_of(world.justice_recommendation) == (Status.IN_PROGRESS, date(2012, 5, 1))
    assert statuses_out_of_step() == []


def test_saving_a_recommendation_never_writes_back_a_status_read_before_a_validation(
    world, submitted
):
    """The admin's form (or the API, or the importer) loads a recommendation, a
    validation commits meanwhile, then the form saves: the status stays the validated one."""
    from recommendations import services

    loaded = Recommendation.objects.get(pk=world.justice_recommendation.pk)
    services.progress_update_validate(user=world.users["coordinator"], update=submitted)

    loaded.text = "Abolish the death penalty, and commute the sentences"
    loaded.save()

    assert status_of(loaded) == (Status.IMPLEMENTED, date(2014, 6, 1))
    assert measure(Recommendation.objects.filter(pk=loaded.pk)).implemented == 1
