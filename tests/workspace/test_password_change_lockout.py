"""The password-change form counts a wrong current password as a failed login,
like the login page: after the limit it is locked (and so is the login, for that
username at that address) until the cool-off ends; a right password before the
limit clears the count."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough test password"
NEW = "another long passphrase 42"


def change(client, old):
    return client.post(
        "/workspace/password/",
        {"old_password": old, "new_password1": NEW, "new_password2": NEW},
        REMOTE_ADDR="192.0.2.5",
    )


def test_wrong_current_passwords_lock_the_form_and_the_login_at_the_limit(world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = world.users["justice"]
    client = Client()
    client.force_login(user)

    first, second = change(client, "wrong one"), change(client, "wrong two")
    third = change(client, "wrong three")
    right = change(client, PASSWORD)
    login = Client().post(
        "/accounts/login/",
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.5",
    )

    assert first.status_code == second.status_code == 200
    assert "incorrect" in first.content.decode()
    assert third.status_code == right.status_code == 429
    assert "Too many failed logins" in right.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # the right password changed nothing once locked
    assert login.status_code == 429


def test_the_failures_are_recorded_for_the_username_and_address(world):
    client = Client()
    client.force_login(world.users["justice"])

    change(client, "wrong one")

    attempt = AccessAttempt.objects.get()
    assert attempt.username == "justice"
    assert attempt.ip_address == "192.0.2.5"
    assert attempt.failures_since_start == 1


def test_a_new_password_that_fails_the_rules_is_not_a_failed_login(world):
    client = Client()
    client.force_login(world.users["justice"])

    response = client.post(
        "/workspace/password/",
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )

    assert response.status_code == 200
    assert not AccessAttempt.objects.exists()
