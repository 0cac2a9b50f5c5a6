"""A signed-in user saves the dashboard's or the list's filters under a name, finds them
in the menu and shares their address; coordinators share a view with everyone."""

import pytest

from workspace.models import SavedView

pytestmark = pytest.mark.django_db


def save(client, name, page="recommendation-list", query="position=supported&page=3"):
    return client.post("/workspace/views/new/", {"name": name, "page": page, "query": query})


def test_a_user_saves_the_lists_filters_and_is_taken_to_them(world):
    response = save(world.client("adviser"), "Supported ones")

    view = SavedView.objects.get()
    assert (view.owner, view.query) == (world.users["adviser"], "position=supported")
    assert response.status_code == 302
    assert response["Location"] == "/recommendations/?position=supported"


def test_the_save_form_is_on_the_dashboard_and_the_list_once_filters_are_chosen(world):
    for address in ("/", "/recommendations/"):
        unfiltered = world.client("justice").get(address).content.decode()
        filtered = world.client("justice").get(f"{address}?position=supported").content.decode()
        assert 'action="/workspace/views/new/"' not in unfiltered, address
        assert 'action="/workspace/views/new/"' in filtered, address


def test_a_saved_view_is_in_its_owners_menu_only(world):
    save(world.client("adviser"), "ADVISER-VIEW")

    own = world.client("adviser").get("/recommendations/").content.decode()
    other = world.client("justice").get("/recommendations/").content.decode()

    assert "ADVISER-VIEW" in own
    assert "ADVISER-VIEW" not in other


def test_a_coordinator_shares_a_view_with_everyone(world):
    coordinator = world.client("coordinator")
    save(coordinator, "SHARED-VIEW")
    view = SavedView.objects.get()

    coordinator.post(f"/workspace/views/{view.pk}/share/", {"shared": "1"})

    view.refresh_from_db()
    assert view.shared
    assert "SHARED-VIEW" in world.client("justice").get("/workspace/views/").content.decode()


def test_others_may_not_share_their_views(world):
    adviser = world.client("adviser")
    save(adviser, "Mine")
    view = SavedView.objects.get()

    response = adviser.post(f"/workspace/views/{view.pk}/share/", {"shared": "1"})

    assert response.status_code == 403
    view.refresh_from_db()
    assert not view.shared


def test_no_one_deletes_anothers_view(world):
    save(world.client("adviser"), "Mine")
    view = SavedView.objects.get()

    response = world.client("justice").post(f"/workspace/views/{view.pk}/delete/")

    assert response.status_code == 404
    assert SavedView.objects.filter(pk=view.pk).exists()


def test_the_owner_deletes_a_view(world):
    adviser = world.client("adviser")
    save(adviser, "Mine")
    view = SavedView.objects.get()

    adviser.post(f"/workspace/views/{view.pk}/delete/")

    assert not SavedView.objects.exists()


def test_saving_again_under_the_same_name_replaces_the_view(world):
    adviser = world.client("adviser")
    save(adviser, "Mine", query="position=supported")
    save(adviser, "Mine", query="position=noted")

    assert list(SavedView.objects.values_list("query", flat=True)) == ["position=noted"]


def test_an_anonymous_visitor_saves_nothing(world):
    response = save(world.client("anonymous"), "Sneaky")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not SavedView.objects.exists()


def test_a_view_of_an_unknown_page_is_refused(world):
    save(world.client("adviser"), "Odd", page="admin")

    assert not SavedView.objects.exists()
