"""The first page: per review, the totals and the share implemented, from the measure."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation, ReviewCycle
from recommendations.selectors import measure

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in_by_default(client, demo):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_public_deployment_shows_the_dashboard_to_anyone(client, demo, settings):
    settings.UPR_PUBLIC_DASHBOARD = True

    assert client.get(reverse("dashboard")).status_code == 200


def test_each_review_shows_the_numbers_the_measure_gives(client, demo):
    client.login(username="adviser", password="demo password for tests")
    first = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)
    expected = measure(Recommendation.objects.filter(review=first))

    page = client.get(reverse("dashboard"))

    cards = dict(page.context["cards"])
    assert cards[first] == expected
    html = page.content.decode()
    assert f"{expected.percent_implemented} %" in html
    assert "<dt>Recommendations</dt><dd>93</dd>" in html
    assert "<dt>Supported</dt><dd>74</dd>" in html
    assert "<dt>Noted</dt><dd>19</dd>" in html
    assert "The government reports 75 of 93 accepted" in html


def test_the_second_cycle_says_no_recommendations_are_recorded(client, demo):
    client.login(username="adviser", password="demo password for tests")

    html = client.get(reverse("dashboard")).content.decode()

    assert "Belarus — UPR cycle 2 (2015)" in html
    assert "No recommendations recorded." in html


def test_an_empty_tracker_says_so(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())

    assert "No review has been recorded yet" in client.get(reverse("dashboard")).content.decode()


def test_the_dashboard_runs_the_same_queries_whatever_the_data(
    client, demo, django_assert_max_num_queries
):
    client.login(username="adviser", password="demo password for tests")
    with django_assert_max_num_queries(8):
        client.get(reverse("dashboard"))
