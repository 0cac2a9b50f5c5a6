"""The audit's filters (person, date range, kind), its pages (every event exactly once,
newest first, however many share a moment) and their bounded work."""

from datetime import timedelta

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import Download
from tests.factories import EngagementFactory, RecommendationFactory

from .conftest import page_rows

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def failed_login(username, at):
    AccessFailureLog.objects.create(
        username=username, ip_address="192.0.2.1", user_agent="test", http_accept="*/*"
    )
    AccessFailureLog.objects.filter(username=username, attempt_time__gt=at).update(attempt_time=at)


def test_the_person_filter_keeps_that_persons_events_of_every_kind(world, admin_client):
    failed_login("justice", days_ago(1))
    failed_login("interior", days_ago(1))
    Download.objects.create(username="justice", user=world.users["justice"], path="/x/")
    Download.objects.create(username="interior", user=world.users["interior"], path="/y/")

    rows = page_rows(admin_client.get("/audit/", {"person": "justice"}))

    assert {row[2] for row in rows} == {"justice"}
    assert {row[1] for row in rows} == {"Failed login", "Download"}


def test_the_date_range_keeps_the_days_from_since_to_until_inclusive(admin_client):
    today = timezone.localdate()
    for days in (10, 5, 3, 0):
        failed_login(f"user-{days}-days-ago", days_ago(days))

    rows = page_rows(
        admin_client.get(
            "/audit/",
            {
                "since": (today - timedelta(days=5)).isoformat(),
                "until": (today - timedelta(days=3)).isoformat(),
            },
        )
    )

    assert [row[2] for row in rows] == ["user-3-days-ago", "user-5-days-ago"]


def test_a_date_range_that_ends_before_it_starts_is_explained(admin_client):
    response = admin_client.get("/audit/", {"since": "2024-05-02", "until": "2024-05-01"})

    assert response.status_code == 400
    assert "ends before it starts" in response.content.decode()


def test_pages_list_every_event_once_newest_first_even_when_many_share_a_moment(admin_client):
    moment = days_ago(2)
    for number in range(7):
        failed_login(f"same-moment-{number}", moment)
        Download.objects.create(username=f"same-moment-{number}", path="/x/", at=moment)
    for number in range(5):
        failed_login(f"later-{number}", days_ago(1))
    yesterday = timezone.localdate() - timedelta(days=1)

    seen, url, pages = [], f"/audit/?until={yesterday}&page_size=4", 0
    while url:
        response = admin_client.get(url)
        seen += page_rows(response)
        url = response.context["older_url"]
        pages += 1

    assert len(seen) == 7 * 2 + 5
    assert len({(row[1], row[2]) for row in seen}) == len(seen)
    assert pages == 5
    assert [row[0] for row in seen] == sorted((row[0] for row in seen), reverse=True)


def test_the_newer_link_leads_back_to_the_page_before(admin_client):
    for number in range(6):
        failed_login(f"person-{number}", days_ago(6 - number))
    first = admin_client.get("/audit/?kind=failed_login&page_size=4")
    second = admin_client.get(first.context["older_url"])

    back = admin_client.get(second.context["newer_url"])

    assert page_rows(back) == page_rows(first)
    assert [row[2] for row in page_rows(second)] == ["person-1", "person-0"]


def test_a_page_runs_as_many_queries_with_one_event_of_each_kind_as_with_many(world, admin_client):
    def events_of_every_kind():
        failed_login("justice", days_ago(1))
        AccessLog.objects.create(
            username="justice",
            ip_address="192.0.2.1",
            user_agent="t",
            http_accept="*/*",
            logout_time=timezone.now(),
        )
        Download.objects.create(username="justice", path="/x/")
        recommendation = RecommendationFactory()
        recommendation.text = "Changed text"
        recommendation.save()
        EngagementFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get("/audit/?page_size=200").status_code == 200
        return len(captured)

    events_of_every_kind()
    once = queries()
    for _ in range(4):
        events_of_every_kind()

    assert queries() == once


def test_the_audit_csv_has_the_rows_of_the_pages(world, admin_client):
    for number in range(3):
        failed_login(f"person-{number}", days_ago(number + 1))
    world.client("adviser").get("/recommendations/export/?format=csv&position=noted")
    pages = page_rows(admin_client.get("/audit/", {"page_size": 500}))

    from .conftest import csv_rows

    response = admin_client.get("/audit/export/")

    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0] == ["Time", "Kind", "Person", "What", "Details", "Address"]
    assert rows[1:] == pages
    assert len(pages) > 3


def test_the_audit_csv_follows_the_filters(world, admin_client):
    failed_login("justice", days_ago(1))
    failed_login("interior", days_ago(1))

    from .conftest import csv_rows

    rows = csv_rows(admin_client.get("/audit/export/", {"person": "interior"}))

    assert [row[2] for row in rows[1:]] == ["interior"]


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "20240101T000000.000000Z~1", "20240101T000000.000000Z~1~99999999999999999999"],
)
def test_a_damaged_page_link_is_explained_not_a_server_error(admin_client, cursor):
    response = admin_client.get("/audit/", {"before": cursor})

    assert response.status_code == 400
    assert "This page link is damaged" in response.content.decode()
