"""Concurrent writers through the production server (gunicorn, two worker
processes with threads, as `make serve` runs it) on the suite's test database:
SQLite (a file, in WAL mode) or PostgreSQL. Every request succeeds or gets a
clear 409/412/503, never a 500, and the database holds exactly what succeeded."""

import pytest

from api_tokens.services import api_token_create
from recommendations.models import ProgressUpdate
from tests.http import send, send_all_at_once
from tests.servers import environment, gunicorn, url_of_test_database

pytestmark = pytest.mark.django_db(transaction=True)

CLEAR_REFUSALS = {409, 412, 503}


@pytest.fixture
def server(transactional_db):
    with gunicorn(env=environment(DATABASE_URL=url_of_test_database())) as url:
        yield url


def token_header(user):
    _, text = api_token_create(user=user, name="concurrency test")
    return {"Authorization": f"Token {text}"}


def test_forty_simultaneous_progress_updates_from_two_ministries_all_succeed_or_are_refused_clearly(
    server, world
):
    ministries = [
        (token_header(world.users["justice"]), world.justice_recommendation),
        (token_header(world.users["interior"]), world.interior_recommendation),
    ]
    before = ProgressUpdate.objects.count()
    requests = [
        {
            "url": f"{server}/api/v1/progress-updates/",
            "method": "POST",
            "headers": headers,
            "body": {
                "recommendation": recommendation.pk,
                "status": "in_progress",
                "assessed_on": "2014-05-01",
                "narrative": f"Concurrent update {number}",
            },
        }
        for number in range(20)
        for headers, recommendation in ministries
    ]

    answers = send_all_at_once(requests)

    statuses = [answer.status for answer in answers]
    assert set(statuses) <= {201} | CLEAR_REFUSALS, statuses
    created = {answer.json()["id"] for answer in answers if answer.status == 201}
    stored = set(
        ProgressUpdate.objects.filter(narrative__startswith="Concurrent update").values_list(
            "pk", flat=True
        )
    )
    assert stored == created
    assert ProgressUpdate.objects.count() == before + len(created)
    # WAL, a busy timeout and immediate transactions: SQLite serialises them, no refusal.
    assert statuses.count(201) == len(requests)


def test_twenty_simultaneous_patches_with_the_same_if_match_give_one_success_and_412s(
    server, world
):
    headers = token_header(world.users["justice"])
    url = f"{server}/api/v1/progress-updates/{world.justice_draft.pk}/"
    etag = send(url, headers=headers).headers["ETag"]
    requests = [
        {
            "url": url,
            "method": "PATCH",
            "headers": {**headers, "If-Match": etag},
            "body": {"narrative": f"Editor {number}"},
        }
        for number in range(20)
    ]

    answers = send_all_at_once(requests)

    statuses = sorted(answer.status for answer in answers)
    assert statuses == [200] + [412] * 19, statuses
    winner = next(answer for answer in answers if answer.status == 200)
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.narrative == winner.json()["narrative"]
    assert send(url, headers=headers).headers["ETag"] == winner.headers["ETag"]
