"""Who logged in, who failed to, and who logged out, as the administrator reads it
in the audit (django-axes records the attempts)."""

import pytest
from django.test import Client

from .conftest import PASSWORD, page_rows

pytestmark = pytest.mark.django_db


def test_a_failed_login_then_a_successful_one_and_the_logout_appear_newest_first(
    world, admin_client
):
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    visitor.post("/accounts/login/", {"username": "justice", "password": "not the password"})
    visitor.post("/accounts/login/", {"username": "justice", "password": PASSWORD})
    visitor.post("/accounts/logout/")

    rows = page_rows(admin_client.get("/audit/", {"person": "justice"}))

    assert [(kind, person, address) for _, kind, person, _, _, address in rows] == [
        ("Logout", "justice", "203.0.113.7"),
        ("Login", "justice", "203.0.113.7"),
        ("Failed login", "justice", "203.0.113.7"),
    ]


def test_a_failed_login_with_an_unknown_username_is_listed_under_that_name(admin_client):
    Client().post("/accounts/login/", {"username": "nobody-here", "password": "guess"})

    rows = page_rows(admin_client.get("/audit/", {"kind": "failed_login"}))

    assert [(row[1], row[2]) for row in rows] == [("Failed login", "nobody-here")]


def test_a_wrong_current_password_on_the_password_change_form_is_a_failed_login(
    world, admin_client
):
    world.client("justice").post(
        "/workspace/password/",
        {
            "old_password": "not the password",
            "new_password1": "another long password 1",
            "new_password2": "another long password 1",
        },
    )

    rows = page_rows(admin_client.get("/audit/", {"kind": "failed_login"}))

    assert [(row[1], row[2]) for row in rows] == [("Failed login", "justice")]
    assert "/workspace/password/" in rows[0][4]
