"""The workflow and the rights in the admin: the same services and rules as the pages."""

import pytest
from django.utils import timezone

from recommendations.models import ProgressUpdate
from recommendations.people import user_profile_save

from .conftest import update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState
CHANGELIST = "/admin/recommendations/progressupdate/"


@pytest.fixture
def submitted(world):
    return update(
        world.justice_recommendation,
        world.justice_ministry,
        State.SUBMITTED,
        submitted_at=timezone.now(),
        narrative="Submitted for the admin",
    )


@pytest.fixture
def adviser(world):
    user_profile_save(profile=world.users["adviser"].profile)  # the adviser's access
    return world.client("adviser")


def act(client, action, updates, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [u.pk for u in updates], **extra},
        follow=True,
    )


def test_validate_selected_calls_the_workflow(world, submitted):
    response = act(world.client("coordinator"), "validate_selected", [submitted])

    submitted.refresh_from_db()
    assert submitted.workflow_state == State.VALIDATED
    assert submitted.reviewed_by == world.users["coordinator"]
    assert "1 progress update validated." in response.content.decode()


def test_a_draft_cannot_be_validated_from_the_admin(world):
    response = act(world.client("coordinator"), "validate_selected", [world.justice_draft])

    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == State.DRAFT
    assert "A draft update cannot be validated." in response.content.decode()


def test_return_selected_asks_for_a_comment_first(world, submitted):
    client = world.client("coordinator")

    asking = act(client, "return_selected", [submitted])
    without_comment = act(client, "return_selected", [submitted], confirm="yes", comment="")
    returned = act(client, "return_selected", [submitted], confirm="yes", comment="Which article?")

    assert "Comment for the institutions (required)" in asking.content.decode()
    assert "A comment is required" in without_comment.content.decode()
    submitted.refresh_from_db()
    assert submitted.workflow_state == State.RETURNED
    assert submitted.reviewer_comment == "Which article?"
    assert "1 progress update returned." in returned.content.decode()


def test_the_workflow_fields_cannot_be_typed_in_the_change_form(world, submitted):
    client = world.client("coordinator")
    url = f"{CHANGELIST}{submitted.pk}/change/"
    form = client.get(url).context["adminform"].form

    assert "workflow_state" not in form.fields
    assert "reviewed_by" not in form.fields
    assert "reviewer_comment" not in form.fields


def test_an_adviser_sees_only_validated_updates_in_the_admin(world, adviser, submitted):
    listing = adviser.get(CHANGELIST)
    draft = adviser.get(f"{CHANGELIST}{world.justice_draft.pk}/change/")

    shown = set(listing.context["cl"].result_list)
    assert shown == {world.justice_validated}
    assert draft.status_code == 302  # the admin's answer to an object outside the queryset
    assert "validate_selected" not in listing.content.decode()


def test_an_adviser_changes_nothing_in_the_admin(world, adviser):
    response = adviser.post(
        f"{CHANGELIST}{world.justice_validated.pk}/change/",
        {"narrative": "Changed by the adviser"},
    )

    assert response.status_code in (200, 403)
    world.justice_validated.refresh_from_db()
    assert world.justice_validated.narrative == "Justice's validated assessment"


def test_the_recommendation_form_shows_but_does_not_edit_workflow_states(world):
    response = world.client("coordinator").get(
        f"/admin/recommendations/recommendation/{world.justice_recommendation.pk}/change/"
    )

    inline = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.opts.model is ProgressUpdate
    )
    assert "workflow_state" not in inline.formset.forms[0].fields


def test_an_advisers_recommendation_form_leaves_out_the_drafts(world, adviser):
    response = adviser.get(
        f"/admin/recommendations/recommendation/{world.justice_recommendation.pk}/change/"
    )

    inline = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.opts.model is ProgressUpdate
    )
    assert [form.instance for form in inline.formset.forms] == [world.justice_validated]
