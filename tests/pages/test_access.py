"""Who may open the pages: everyone with a login; anonymous visitors once a review is
published (what they then read is tests/public/'s). The pages only read."""

import pytest
from django.urls import reverse

from tests.world import publish_every_review

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "justice", "interior", "adviser", "partner"]


@pytest.fixture
def pages(world):
    return {
        "dashboard": reverse("dashboard"),
        "list": reverse("recommendation-list"),
        "detail": reverse("recommendation-detail", args=[world.recommendations["97.1"].pk]),
        "institution": reverse(
            "institution-detail",
            args=[world.recommendations["97.1"].responsibilities.first().institution_id],
        ),
        "engagements": reverse("engagement-list"),
        "engagement": reverse("engagement-detail", args=[world.engagements["visit"].pk]),
    }


PAGE_NAMES = ["dashboard", "list", "detail", "institution", "engagements", "engagement"]


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_anonymous_visitors_are_sent_to_log_in_by_default(client, pages, page):
    response = client.get(pages[page])

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={pages[page]}"


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_once_its_review_is_published_every_page_shows_to_anonymous_visitors(client, pages, page):
    publish_every_review()

    response = client.get(pages[page])

    assert response.status_code == 200
    assert b"<h1>" in response.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGE_NAMES)
def test_every_role_reads_every_page(log_in, pages, page, role):
    response = log_in(role).get(pages[page])

    assert response.status_code == 200


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_the_pages_change_nothing_and_refuse_posts(log_in, pages, page):
    response = log_in("coordinator").post(pages[page], {"status": "implemented"})

    assert response.status_code == 405


@pytest.mark.parametrize(
    "name", ["recommendation-detail", "institution-detail", "engagement-detail"]
)
def test_an_unknown_id_is_not_found(log_in, world, name):
    assert log_in("adviser").get(reverse(name, args=[999_999])).status_code == 404
