"""The admin's "Revert" (a past version's page in django-simple-history): a
progress update is never reverted there (its workflow moves through the services
only; a correction is a new update), so its past versions are read-only and a
POST changes nothing; recommendations, actions and reviews are reverted as any
change is made, by whoever may change them, and the revert is kept in the history."""

import pytest

from recommendations import services
from recommendations.models import ProgressUpdate, Recommendation
from tests.factories import adviser

from .conftest import update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState


def past_version_url(obj, record):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/{record.history_id}/"


@pytest.fixture
def returned(world):
    """An update the institution submitted and the coordinator returned with a comment."""
    submitted = update(world.justice_recommendation, world.justice_ministry)
    services.progress_update_submit(user=world.users["justice"], update=submitted)
    return services.progress_update_return(
        user=world.users["coordinator"], update=submitted, comment="Name the court."
    )


def recommendation_form(recommendation, **changes):
    """The recommendation's admin form as its page posts it (no inline rows changed)."""
    data = {
        "review": recommendation.review_id,
        "reference": recommendation.reference,
        "text": recommendation.text,
        "position": recommendation.position,
        "position_at_review": recommendation.position_at_review,
        "_save": "Save",
    }
    for prefix in ("responsibilities", "ImplementationAction_recommendations", "progress_updates"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def test_reverting_a_returned_update_from_its_history_is_refused(world, returned):
    submitted_version = returned.history.get(workflow_state=State.SUBMITTED)
    before = ProgressUpdate.objects.values().get(pk=returned.pk)
    versions = returned.history.count()

    response = world.client("coordinator").post(
        past_version_url(returned, submitted_version),
        {
            "recommendation": returned.recommendation_id,
            "institution": returned.institution_id,
            "status": returned.status,
            "assessed_on": returned.assessed_on.isoformat(),
            "narrative": returned.narrative,
            "source": returned.source,
            "_save": "Revert",
        },
    )

    assert response.status_code == 403
    returned.refresh_from_db()
    assert returned.workflow_state == State.RETURNED
    assert returned.reviewer_comment == "Name the court."
    assert ProgressUpdate.objects.values().get(pk=returned.pk) == before
    assert returned.history.count() == versions


def test_an_updates_past_version_is_shown_read_only(world, returned):
    version = returned.history.earliest()

    response = world.client("coordinator").get(past_version_url(returned, version))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="_save"' not in html
    assert 'name="narrative"' not in html
    assert returned.narrative in html


def test_a_coordinator_reverts_a_recommendation_and_the_history_keeps_the_revert(world):
    recommendation = world.justice_recommendation
    first = recommendation.history.earliest()
    recommendation.text = "A rewording that was a mistake"
    recommendation._history_user = world.users["coordinator"]
    recommendation.save()

    response = world.client("coordinator").post(
        past_version_url(recommendation, first),
        recommendation_form(recommendation, text=first.text),
    )

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text == first.text
    latest = recommendation.history.latest()
    assert (latest.text, latest.history_user) == (first.text, world.users["coordinator"])


def test_an_adviser_cannot_revert_a_recommendation(world):
    adviser(world.users["adviser"])
    recommendation = world.justice_recommendation
    first = recommendation.history.earliest()
    Recommendation.objects.filter(pk=recommendation.pk).update(text="The current wording")
    client = world.client("adviser")

    page = client.get(past_version_url(recommendation, first))
    response = client.post(
        past_version_url(recommendation, first),
        recommendation_form(recommendation, text=first.text),
    )

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert response.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.text == "The current wording"


def test_a_deleted_objects_past_version_is_not_a_back_door_to_restoring_it(world):
    action = world.justice_action
    version = action.history.earliest()
    url = past_version_url(action, version)
    action.delete()

    response = world.client("coordinator").post(
        url,
        {
            "title": version.title,
            "institution": version.institution_id,
            "status": version.status,
            "recommendations": [world.justice_recommendation.pk],
            "_save": "Revert",
        },
    )

    assert response.status_code == 403
    assert not type(action).objects.filter(pk=version.id).exists()
