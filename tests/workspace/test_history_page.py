"""The history of a recommendation, an action or an update: who changed which field,
from what, to what, and when; kept through deletions."""

import pytest

from recommendations import services
from recommendations.models import ProgressUpdate

from .conftest import update

pytestmark = pytest.mark.django_db


def test_the_history_lists_each_change_with_who_from_what_and_to_what(world):
    justice = world.users["justice"]
    services.progress_update_edit(
        user=justice,
        update=world.justice_draft,
        narrative="Bill No. 7 prepared",
        status="partially_implemented",
    )
    services.progress_update_submit(user=justice, update=world.justice_draft)

    response = world.client("justice").get(f"/workspace/history/update/{world.justice_draft.pk}/")

    entries = response.context["entries"]
    assert [entry.kind for entry in entries] == ["created", "changed", "changed"]
    edit = {change.label: (change.old, change.new) for change in entries[1].changes}
    assert edit == {
        "Status": ("In progress", "Partially implemented"),
        "Narrative": ("Justice's draft: bill prepared", "Bill No. 7 prepared"),
    }
    submission = {change.label: (change.old, change.new) for change in entries[2].changes}
    assert submission["Workflow state"] == ("Draft", "Submitted")
    assert entries[1].who == entries[2].who == "justice"
    html = response.content.decode()
    assert "Bill No. 7 prepared" in html
    assert "changed by justice" in html


def test_related_objects_are_named_not_numbered(world):
    response = world.client("coordinator").get(
        f"/workspace/history/update/{world.justice_draft.pk}/"
    )

    created = {change.label: change.new for change in response.context["entries"][0].changes}
    assert created["Institution"] == "Ministry of Justice (MoJ)"
    assert created["Recommendation"].startswith("97.1 Abolish the death penalty")
    assert created["Author"] == "justice"


def test_an_actions_recommendations_are_part_of_its_history(world):
    world.justice_action.recommendations.add(world.shared_recommendation)

    response = world.client("justice").get(f"/workspace/history/action/{world.justice_action.pk}/")

    last = response.context["entries"][-1]
    (change,) = [c for c in last.changes if c.label == "Recommendations"]
    assert change.old.startswith("97.1 ")
    assert "97.3 Combat trafficking" in change.new


def test_a_deleted_updates_history_stays_readable_by_the_coordinator_and_its_institution(world):
    pk = world.justice_draft.pk
    world.justice_draft.delete()

    coordinator = world.client("coordinator").get(f"/workspace/history/update/{pk}/")
    justice = world.client("justice").get(f"/workspace/history/update/{pk}/")
    interior = world.client("interior").get(f"/workspace/history/update/{pk}/")

    assert not ProgressUpdate.objects.filter(pk=pk).exists()
    assert coordinator.status_code == justice.status_code == 200
    assert interior.status_code == 404
    assert [e.kind for e in coordinator.context["entries"]] == ["created", "deleted"]
    assert "was deleted" in coordinator.content.decode()


def test_a_recommendations_history_is_linked_from_its_workspace_page(world):
    html = (
        world.client("justice")
        .get(f"/workspace/recommendations/{world.justice_recommendation.pk}/")
        .content.decode()
    )

    assert f"/workspace/history/recommendation/{world.justice_recommendation.pk}/" in html
    assert f"/workspace/history/update/{world.justice_draft.pk}/" in html
    assert f"/workspace/history/action/{world.justice_action.pk}/" in html


def test_an_unknown_kind_of_history_is_not_found(world):
    response = world.client("coordinator").get("/workspace/history/user/1/")

    assert response.status_code == 404


def test_the_workspace_page_links_only_to_histories_one_may_read(world):
    interior_validated = update(
        world.shared_recommendation,
        world.interior_ministry,
        ProgressUpdate.WorkflowState.VALIDATED,
        narrative="Interior's validated assessment",
    )

    html = (
        world.client("justice")
        .get(f"/workspace/recommendations/{world.shared_recommendation.pk}/")
        .content.decode()
    )

    assert "Interior&#x27;s validated assessment" in html
    assert f"/workspace/history/update/{interior_validated.pk}/" not in html
    assert (
        world.client("justice")
        .get(f"/workspace/history/update/{interior_validated.pk}/")
        .status_code
        == 403
    )
