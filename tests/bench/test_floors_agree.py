"""``make bench`` keeps working: on PostgreSQL, over a couple of thousand generated
recommendations, every path it times runs, and every floor (the hand-written SQL the
application is measured against) returns exactly what the page, endpoint or selector
shows; the bench stops with the first difference otherwise."""

import pytest
from django.db import connection

from bench.data import generate
from bench.run import _time_everything

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the floors read through a connection of their own
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the floors are PostgreSQL's SQL"),
]


def test_every_path_runs_and_every_floor_returns_what_the_application_shows(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    generate(2000, demo_password="bench password")

    timings = _time_everything(1)

    floored = {timing.name for timing in timings if timing.floor is not None}
    assert {
        "dashboard (default selection)",
        "recommendation list",
        "list, search 'torture'",
        "institution page",
        "`measure` over everything",
        "`measure_by` theme",
        "/api/v1/stats/?group_by=theme",
        "/api/v1/recommendations/?page_size=100",
    } <= floored
    assert all(timing.median > 0 and timing.queries for timing in timings if timing.queries)
