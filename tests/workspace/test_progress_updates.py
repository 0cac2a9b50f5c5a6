"""Reporting progress: a draft, a submission, and the correction of a returned update."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from recommendations.models import ProgressUpdate
from recommendations.selectors import with_current_status

from .conftest import update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState


def new_update_url(recommendation):
    return f"/workspace/recommendations/{recommendation.pk}/updates/new/"


REPORT = {
    "status": "partially_implemented",
    "assessed_on": "2024-05-02",
    "narrative": "A moratorium bill was submitted to parliament.",
    "evidence_url": "https://example.org/bill",
}


def latest(recommendation):
    return recommendation.progress_updates.latest("id")


def test_officer_saves_a_draft_that_counts_nowhere_yet(world):
    response = world.client("justice").post(
        new_update_url(world.justice_recommendation), {**REPORT, "intent": "draft"}
    )

    assert response.status_code == 302
    draft = latest(world.justice_recommendation)
    assert draft.workflow_state == State.DRAFT
    assert draft.status == "partially_implemented"
    assert draft.institution == world.justice_ministry
    assert draft.author == world.users["justice"]
    assert draft.submitted_at is None
    status = with_current_status(
        type(world.justice_recommendation).objects.filter(pk=world.justice_recommendation.pk)
    )
    assert status.get().current_status == "in_progress"


def test_officer_submits_at_once_and_the_time_is_recorded(world):
    before = timezone.now()

    world.client("justice").post(
        new_update_url(world.justice_recommendation), {**REPORT, "intent": "submit"}
    )

    submitted = latest(world.justice_recommendation)
    assert submitted.workflow_state == State.SUBMITTED
    assert submitted.submitted_at >= before
    assert [r.workflow_state for r in submitted.history.order_by("history_date")] == [
        "draft",
        "submitted",
    ]


def test_a_draft_is_submitted_from_the_recommendation_page(world):
    client = world.client("justice")
    page = client.get(f"/workspace/recommendations/{world.justice_recommendation.pk}/")

    response = client.post(f"/workspace/updates/{world.justice_draft.pk}/submit/", follow=True)

    assert f"/workspace/updates/{world.justice_draft.pk}/submit/" in page.content.decode()
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == State.SUBMITTED
    assert "submitted to the coordinators for validation" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"narrative": ""}, "narrative", "This field is required."),
        ({"assessed_on": ""}, "assessed_on", "This field is required."),
        ({"assessed_on": "02/30/2024"}, "assessed_on", "Enter a valid date."),
        ({"status": "done"}, "status", "Select a valid choice."),
    ],
)
def test_errors_are_explained_and_the_typed_text_is_kept(world, changes, field, message):
    response = world.client("justice").post(
        new_update_url(world.justice_recommendation), {**REPORT, **changes, "intent": "submit"}
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    html = response.content.decode()
    if field != "narrative":
        assert "A moratorium bill was submitted to parliament." in html
    assert 'value="https://example.org/bill"' in html
    assert world.justice_recommendation.progress_updates.count() == 2


def test_an_assessment_cannot_speak_of_the_future(world):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = world.client("justice").post(
        new_update_url(world.justice_recommendation), {**REPORT, "assessed_on": tomorrow}
    )

    assert "The assessment date cannot be in the future." in response.content.decode()
    assert world.justice_recommendation.progress_updates.count() == 2


def test_officer_corrects_a_returned_update_and_resubmits_it(world):
    returned = update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Give the bill's number.",
        reviewed_at=timezone.now(),
        submitted_at=timezone.now(),
    )
    client = world.client("justice")
    form = client.get(f"/workspace/updates/{returned.pk}/edit/")

    response = client.post(
        f"/workspace/updates/{returned.pk}/edit/",
        {**REPORT, "narrative": "Bill No. 123-Z was submitted.", "intent": "submit"},
    )

    assert "Give the bill&#x27;s number." in form.content.decode()
    assert "Resubmit for validation" in form.content.decode()
    assert response.status_code == 302
    returned.refresh_from_db()
    assert returned.workflow_state == State.SUBMITTED
    assert returned.narrative == "Bill No. 123-Z was submitted."
    states = [r.workflow_state for r in returned.history.order_by("history_date")]
    assert states[-3:] == ["returned", "returned", "submitted"]


def test_saving_a_returned_update_keeps_it_returned_until_resubmitted(world):
    returned = update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Add the evidence.",
        reviewed_at=timezone.now(),
    )

    world.client("justice").post(
        f"/workspace/updates/{returned.pk}/edit/", {**REPORT, "intent": "draft"}
    )

    returned.refresh_from_db()
    assert returned.workflow_state == State.RETURNED
    assert returned.evidence_url == "https://example.org/bill"


def test_a_submitted_update_cannot_be_edited_any_more(world):
    world.justice_draft.workflow_state = State.SUBMITTED
    world.justice_draft.save()

    response = world.client("justice").post(
        f"/workspace/updates/{world.justice_draft.pk}/edit/",
        {**REPORT, "narrative": "Changed after submission"},
    )

    assert response.status_code == 403
    assert (
        "This update is submitted. Only a draft or a returned update" in response.content.decode()
    )
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.narrative == "Justice's draft: bill prepared"


def test_the_recommendation_page_shows_updates_with_their_state_and_comment(world):
    update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Which court?",
        reviewed_at=timezone.now(),
        assessed_on=date(2024, 1, 5),
    )

    html = (
        world.client("justice")
        .get(f"/workspace/recommendations/{world.justice_recommendation.pk}/")
        .content.decode()
    )

    assert "Returned with this comment:</strong> Which court?" in html
    assert "Justice&#x27;s draft: bill prepared" in html
    assert "Justice&#x27;s validated assessment" in html
    assert f'href="/recommendations/{world.justice_recommendation.pk}/"' in html


def test_interior_sees_only_validated_updates_of_justice_on_a_shared_recommendation(world):
    justice_on_shared = update(
        world.shared_recommendation, world.justice_ministry, narrative="Justice's own draft"
    )

    interior_page = world.client("interior").get(
        f"/workspace/recommendations/{world.shared_recommendation.pk}/"
    )
    justice_page = world.client("justice").get(
        f"/workspace/recommendations/{world.shared_recommendation.pk}/"
    )

    interior_updates = [row[0] for row in interior_page.context["updates"]]
    justice_updates = [row[0] for row in justice_page.context["updates"]]
    assert interior_updates == [world.interior_draft]
    assert justice_updates == [justice_on_shared]
