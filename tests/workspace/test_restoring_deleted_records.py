"""A deletion keeps the history, and a coordinator or administrator restores the
deleted object from the admin ("Deleted … — restore")."""

import pytest
from django.core.exceptions import PermissionDenied

from recommendations import services
from recommendations.models import ImplementationAction, ProgressUpdate, Recommendation

pytestmark = pytest.mark.django_db


def test_a_deleted_update_comes_back_as_it_was_with_its_id(world):
    pk, narrative = world.justice_draft.pk, world.justice_draft.narrative
    world.justice_draft.delete()

    restored = services.deleted_record_restore(
        user=world.users["coordinator"], model=ProgressUpdate, object_id=pk
    )

    assert restored.pk == pk
    fresh = ProgressUpdate.objects.get(pk=pk)
    assert (fresh.narrative, fresh.institution, fresh.workflow_state) == (
        narrative,
        world.justice_ministry,
        "draft",
    )
    kinds = [r.history_type for r in fresh.history.order_by("history_date", "history_id")]
    assert kinds == ["+", "-", "+"]


def test_a_deleted_action_comes_back_with_the_recommendations_it_served(world):
    action = world.justice_action
    action.recommendations.add(world.shared_recommendation)
    pk = action.pk
    action.delete()

    services.deleted_record_restore(
        user=world.users["coordinator"], model=ImplementationAction, object_id=pk
    )

    restored = ImplementationAction.objects.get(pk=pk)
    assert set(restored.recommendations.all()) == {
        world.justice_recommendation,
        world.shared_recommendation,
    }


def test_only_coordinators_restore(world):
    pk = world.justice_draft.pk
    world.justice_draft.delete()

    with pytest.raises(PermissionDenied):
        services.deleted_record_restore(
            user=world.users["justice"], model=ProgressUpdate, object_id=pk
        )

    assert not ProgressUpdate.objects.filter(pk=pk).exists()


def test_the_admin_lists_deleted_updates_and_restores_one(world):
    pk = world.justice_draft.pk
    world.justice_draft.delete()
    client = world.client("coordinator")

    listing = client.get("/admin/recommendations/progressupdate/")
    deleted = client.get("/admin/recommendations/progressupdate/deleted/")
    restore = client.post("/admin/recommendations/progressupdate/deleted/", {"object_id": pk})

    assert "Deleted progress updates — restore" in listing.content.decode()
    assert [record.id for record in deleted.context["records"]] == [pk]
    assert restore.status_code == 302
    assert restore["Location"] == f"/admin/recommendations/progressupdate/{pk}/change/"
    assert ProgressUpdate.objects.filter(pk=pk).exists()
    assert client.get("/admin/recommendations/progressupdate/deleted/").context["records"] == []


def test_restoring_what_exists_changes_nothing_and_says_so(world):
    client = world.client("coordinator")

    response = client.post(
        "/admin/recommendations/progressupdate/deleted/",
        {"object_id": world.justice_draft.pk},
        follow=True,
    )

    assert "Nothing restored" in response.content.decode()
    assert world.justice_draft.history.count() == 1


def test_an_adviser_cannot_reach_the_restore_page(world):
    world.justice_draft.delete()

    response = world.client("adviser").get("/admin/recommendations/progressupdate/deleted/")

    assert response.status_code == 403


def test_a_deleted_recommendation_comes_back_with_its_responsibilities(world):
    recommendation = world.shared_recommendation
    recommendation.progress_updates.all().delete()  # updates protect their recommendation
    pk = recommendation.pk
    recommendation.delete()

    services.deleted_record_restore(
        user=world.users["coordinator"], model=Recommendation, object_id=pk
    )

    restored = Recommendation.objects.get(pk=pk)
    assert restored.text == "Combat trafficking in persons"
    assert {(r.institution, r.role) for r in restored.responsibilities.all()} == {
        (world.interior_ministry, "lead"),
        (world.justice_ministry, "supporting"),
    }
