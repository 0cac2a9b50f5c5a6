"""A write that cannot get the database's lock in time (another process holds
it) is answered 503 with Retry-After: a page for the pages, JSON for the API;
never a 500, and nothing is changed. Once the lock is free the same request
goes through. The lock is real: another connection holds it."""

from contextlib import contextmanager

import pytest
from django.db import connection
from rest_framework.test import APIClient

from recommendations.models import ProgressUpdate

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def lock_held_by_another_connection():
    """Hold the write lock of the progress updates from a second connection while
    this one waits a fifth of a second at most."""
    connection.ensure_connection()
    table = ProgressUpdate._meta.db_table
    if connection.vendor == "sqlite":
        import sqlite3

        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 200")
    else:
        import psycopg2

        settings = connection.settings_dict
        other = psycopg2.connect(
            dbname=settings["NAME"],
            user=settings["USER"],
            password=settings["PASSWORD"],
            host=settings["HOST"],
            port=settings["PORT"],
        )
        other.cursor().execute(f'LOCK TABLE "{table}" IN EXCLUSIVE MODE')
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
    try:
        yield
    finally:
        other.rollback()
        other.close()


def api_patch(ministry):
    client = APIClient()
    client.force_authenticate(ministry.officer)
    return client.patch(
        f"/api/v1/progress-updates/{ministry.draft.pk}/", {"narrative": "Changed"}, format="json"
    )


def page_post(client, ministry):
    return client.post(
        f"/workspace/updates/{ministry.draft.pk}/edit/",
        {
            "status": "in_progress",
            "assessed_on": "2024-05-02",
            "narrative": "Changed",
            "intent": "draft",
        },
    )


def test_the_api_answers_a_json_503_while_the_database_is_locked_and_changes_nothing(ministry):
    with lock_held_by_another_connection():
        response = api_patch(ministry)

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "try again" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    ministry.draft.refresh_from_db()
    assert ministry.draft.narrative == "As drafted"
    assert api_patch(ministry).status_code == 200


def test_a_page_answers_the_503_page_while_the_database_is_locked_and_changes_nothing(
    client, ministry
):
    client.force_login(ministry.officer)
    with lock_held_by_another_connection():
        response = page_post(client, ministry)

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "Try again in a moment" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert response["Content-Security-Policy"]
    ministry.draft.refresh_from_db()
    assert ministry.draft.narrative == "As drafted"
    assert page_post(client, ministry).status_code == 302
