"""A coordinator publishes a review from a day (and unpublishes it); anonymous visitors
read the published reviews only. This replaces the all-or-nothing public dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from recommendations.models import ReviewCycle
from web.public_pages import CSRF_INPUT

pytestmark = pytest.mark.django_db


def test_a_coordinator_publishes_a_review_from_a_day(voices, clients):
    today = timezone.localdate()

    response = clients["coordinator"].post(
        f"/workspace/publication/{voices.unpublished.pk}/",
        {"action": "publish", "published_from": today.isoformat()},
    )

    assert response.status_code == 302
    voices.unpublished.refresh_from_db()
    assert voices.unpublished.published_from == today
    page = clients["anonymous"].get(f"/recommendations/{voices.hidden.pk}/")
    assert page.status_code == 200
    assert voices.unpublished.history.first().history_user == voices.users["coordinator"]


def test_a_review_published_from_a_later_day_is_not_public_yet(voices, clients):
    tomorrow = timezone.localdate() + timedelta(days=1)

    clients["coordinator"].post(
        f"/workspace/publication/{voices.unpublished.pk}/",
        {"action": "publish", "published_from": tomorrow.isoformat()},
    )

    assert clients["anonymous"].get(f"/recommendations/{voices.hidden.pk}/").status_code == 404


def test_unpublishing_takes_the_review_off_the_public_face_at_once(voices, clients):
    url = f"/recommendations/{voices.recommendation.pk}/"
    assert clients["anonymous"].get(url).status_code == 200  # and now kept for visitors

    clients["coordinator"].post(
        f"/workspace/publication/{voices.published.pk}/", {"action": "unpublish"}
    )

    voices.published.refresh_from_db()
    assert voices.published.published_from is None
    assert clients["anonymous"].get(url).status_code == 302  # nothing public: log in


@pytest.mark.parametrize("role", ["contributor", "justice", "adviser", "partner"])
def test_only_a_coordinator_publishes(voices, clients, role):
    response = clients[role].post(
        f"/workspace/publication/{voices.unpublished.pk}/",
        {"action": "publish", "published_from": "2020-01-01"},
    )

    assert response.status_code == 403
    assert ReviewCycle.objects.get(pk=voices.unpublished.pk).published_from is None


def test_without_a_published_review_anonymous_visitors_are_sent_to_log_in(voices, clients):
    ReviewCycle.objects.update(published_from=None)

    response = clients["anonymous"].get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signed_in_readers_read_every_review(voices, clients):
    for role in ("adviser", "justice", "partner", "coordinator"):
        page = clients[role].get(f"/recommendations/{voices.hidden.pk}/")
        assert page.status_code == 200, role


def test_a_contributor_reads_the_public_face_only(voices, clients):
    assert clients["contributor"].get(f"/recommendations/{voices.hidden.pk}/").status_code == 404
    page = clients["contributor"].get(f"/recommendations/{voices.recommendation.pk}/")
    assert "DRAFT-NARRATIVE" not in page.content.decode()


def test_the_api_says_from_which_day_a_review_is_public_and_takes_no_change_of_it(
    voices, api_clients
):
    url = f"/api/v1/reviews/{voices.unpublished.pk}/"

    read = api_clients["coordinator"].get(url).json()
    api_clients["coordinator"].patch(url, {"published_from": "2020-01-01"}, format="json")

    assert read["published_from"] is None
    assert ReviewCycle.objects.get(pk=voices.unpublished.pk).published_from is None


def test_a_page_kept_for_visitors_is_renewed_when_an_assessment_is_published(voices, clients):
    from .conftest import assessment

    url = f"/recommendations/{voices.recommendation.pk}/"
    waiting = assessment(voices, narrative="LATE-NARRATIVE")
    assert "LATE-NARRATIVE" not in clients["anonymous"].get(url).content.decode()

    clients["coordinator"].post(
        f"/workspace/moderation/assessments/{waiting.pk}/", {"decision": "publish"}
    )

    assert "LATE-NARRATIVE" in clients["anonymous"].get(url).content.decode()


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(
    voices, clients, django_assert_max_num_queries
):
    url = f"/recommendations/{voices.recommendation.pk}/"
    first = clients["anonymous"].get(url)

    with django_assert_max_num_queries(4):  # the session-less visitor: cache reads only
        second = clients["anonymous"].get(url)

    assert second.status_code == 200
    # The same page, but for the form tokens (CSRF): each visitor's own, masked anew.
    assert without_tokens(second.content) == without_tokens(first.content)
    assert b'name="csrfmiddlewaretoken"' in second.content


def without_tokens(content: bytes) -> bytes:
    return CSRF_INPUT.sub(rb"\1\2", content)
