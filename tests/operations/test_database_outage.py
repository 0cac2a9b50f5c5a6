"""When the database goes away, the pages answer a clear 503 page, the API a JSON
503 and /healthz 503; when it comes back, everything answers again by itself,
without restarting the app. Against a real PostgreSQL server (a throwaway
cluster of the test's own) that the test stops and starts under gunicorn."""

import time

import pytest

from tests.http import send
from tests.servers import (
    environment,
    gunicorn,
    manage,
    postgresql_binaries_missing,
    throwaway_postgresql,
)

pytestmark = pytest.mark.skipif(
    postgresql_binaries_missing() is not None, reason=postgresql_binaries_missing() or ""
)


PUBLISH_A_REVIEW = (
    "from datetime import date\n"
    "from recommendations.models import Mechanism, ReviewCycle, State\n"
    "ReviewCycle.objects.create(state_under_review=State.objects.create(iso3='BLR', "
    "name='Belarus'), mechanism=Mechanism.objects.get(code='UPR'), cycle=1, "
    "published_from=date(2020, 1, 1))\n"
)


def answers(url):
    return {
        "page": send(f"{url}/recommendations/"),
        "api": send(f"{url}/api/v1/themes/"),
        "health": send(f"{url}/healthz"),
    }


def test_the_app_answers_503_while_the_database_is_down_and_recovers_by_itself():
    with throwaway_postgresql() as (database_url, control):
        # Connections kept between requests, as in production: they must be
        # found dead and replaced, not reused.
        env = environment(DATABASE_URL=database_url, DATABASE_CONN_MAX_AGE=600)
        manage("migrate", "--no-input", env=env)
        manage("shell", "-c", PUBLISH_A_REVIEW, env=env)  # so that anonymous visitors read
        with gunicorn(env=env, workers=1, threads=2) as url:
            up = answers(url)
            control("pause")
            down = answers(url)
            control("resume")
            deadline = time.monotonic() + 30
            again = answers(url)
            while any(a.status != 200 for a in again.values()) and time.monotonic() < deadline:
                time.sleep(0.5)
                again = answers(url)

    assert {name: answer.status for name, answer in up.items()} == dict.fromkeys(up, 200)
    assert {name: answer.status for name, answer in down.items()} == dict.fromkeys(down, 503)
    assert down["page"].headers["Content-Type"].startswith("text/html")
    assert "Try again in a moment" in down["page"].body.decode()
    assert down["page"].headers["Retry-After"]
    assert "try again" in down["api"].json()["detail"]
    assert down["api"].headers["Retry-After"]
    assert down["health"].json() == {"status": "unavailable"}
    assert {name: answer.status for name, answer in again.items()} == dict.fromkeys(again, 200)
    assert up["health"].json() == again["health"].json() == {"status": "ok"}
