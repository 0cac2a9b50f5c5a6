"""The admin's history pages (django-simple-history's list of versions and each past
version) tried by every role: they ask ``rules.check_history_access`` as the
workspace's history page does, so an update one may not see is "not found" there
too, and one whose history is not one's own is "not allowed".

Coordinators see every history; UN advisers (staff, view-only) that of
recommendations, actions, reviews and engagements, whose content is public, but
never that of another institution's progress update (it holds drafts and the
coordinators' return comments); ministry staff, partners and anonymous visitors
have no admin at all (sent to its login)."""

import pytest
from django.utils import timezone

from recommendations.models import ProgressUpdate
from tests.factories import EngagementFactory, RecommendationFactory, adviser

from .conftest import ROLES, update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState
LOGIN = "login"


def expect(anonymous, partner, adviser, justice, interior, coordinator):
    return dict(
        zip(ROLES, [anonymous, partner, adviser, justice, interior, coordinator], strict=True)
    )


def only_staff(adviser, coordinator):
    return expect(LOGIN, LOGIN, adviser, LOGIN, LOGIN, coordinator)


# (admin path of the model, the world's object), expected answer for the list of
# versions and for a past version alike.
HISTORIES = {
    "justice recommendation": (
        "recommendations/recommendation",
        "justice_recommendation",
        only_staff(200, 200),
    ),
    "deleted recommendation": (
        "recommendations/recommendation",
        "deleted_recommendation",
        only_staff(200, 200),
    ),
    "justice action": (
        "recommendations/implementationaction",
        "justice_action",
        only_staff(200, 200),
    ),
    "review": ("recommendations/reviewcycle", "review", only_staff(200, 200)),
    "engagement": ("missions/engagement", "engagement", only_staff(200, 200)),
    "justice draft": ("recommendations/progressupdate", "justice_draft", only_staff(404, 200)),
    "justice submitted update": (
        "recommendations/progressupdate",
        "justice_submitted",
        only_staff(404, 200),
    ),
    "justice returned update": (
        "recommendations/progressupdate",
        "justice_returned",
        only_staff(404, 200),
    ),
    "justice validated update": (
        "recommendations/progressupdate",
        "justice_validated",
        only_staff(403, 200),
    ),
    "deleted justice draft": (
        "recommendations/progressupdate",
        "deleted_justice_draft",
        only_staff(404, 200),
    ),
}


@pytest.fixture
def objects(world):
    adviser(world.users["adviser"])  # with the Advisers group's view permissions
    submitted = update(
        world.justice_recommendation,
        world.justice_ministry,
        State.SUBMITTED,
        narrative="Justice's submission",
        submitted_at=timezone.now(),
    )
    returned = update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        narrative="Justice's returned update",
        reviewer_comment="Only for Justice's eyes",
        reviewed_at=timezone.now(),
    )
    deleted_draft = update(world.justice_recommendation, world.justice_ministry)
    deleted_recommendation = RecommendationFactory(
        review=world.justice_recommendation.review, reference="97.9"
    )
    found = {
        "justice_recommendation": world.justice_recommendation,
        "deleted_recommendation": deleted_recommendation,
        "justice_action": world.justice_action,
        "review": world.justice_recommendation.review,
        "engagement": EngagementFactory(title="Seminar on the death penalty"),
        "justice_draft": world.justice_draft,
        "justice_submitted": submitted,
        "justice_returned": returned,
        "justice_validated": world.justice_validated,
        "deleted_justice_draft": deleted_draft,
    }
    versions = {name: obj.history.earliest().history_id for name, obj in found.items()}
    ids = {name: obj.pk for name, obj in found.items()}
    deleted_draft.delete()
    deleted_recommendation.delete()
    return ids, versions


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["versions", "past version"])
@pytest.mark.parametrize("history", HISTORIES, ids=str)
def test_each_admin_history_answers_each_role_as_its_rights_say(
    world, objects, history, page, role
):
    model_path, name, expected = HISTORIES[history]
    ids, versions = objects
    url = f"/admin/{model_path}/{ids[name]}/history/"
    if page == "past version":
        url += f"{versions[name]}/"

    response = world.client(role).get(url)

    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")
    else:
        assert response.status_code == expected[role], (history, page, role)


def test_an_adviser_reads_nothing_of_a_hidden_update_in_the_admin_history(world, objects):
    ids, versions = objects
    client = world.client("adviser")
    base = f"/admin/recommendations/progressupdate/{ids['justice_returned']}/history/"

    pages = [client.get(base), client.get(f"{base}{versions['justice_returned']}/")]

    for response in pages:
        assert response.status_code == 404
        assert "Only for Justice" not in response.content.decode()
        assert "returned update" not in response.content.decode()


def test_the_admin_change_page_links_to_a_history_only_for_who_may_read_it(world, objects):
    adviser_page = world.client("adviser").get(
        f"/admin/recommendations/progressupdate/{world.justice_validated.pk}/change/"
    )
    coordinator_page = world.client("coordinator").get(
        f"/admin/recommendations/progressupdate/{world.justice_validated.pk}/change/"
    )
    history_link = (
        f'href="/admin/recommendations/progressupdate/{world.justice_validated.pk}/history/"'
    )

    assert adviser_page.status_code == 200
    assert history_link not in adviser_page.content.decode()
    assert history_link in coordinator_page.content.decode()
