"""CI runs the suite on SQLite and on PostgreSQL: make sure the second run really is."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_ci_asked_for():
    expected = os.environ.get(
        "EXPECT_DATABASE", "sqlite" if "DATABASE_URL" not in os.environ else ""
    )
    if expected:
        assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
