"""Logging in: each role lands where its work is; repeated failures lock the login;
passwords follow Django's validators."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough test password"


def log_in(client, username, password=PASSWORD, *, address="127.0.0.1", **fields):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password, **fields},
        REMOTE_ADDR=address,
    )


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("justice", "/workspace/"),
        ("interior", "/workspace/"),
        ("coordinator", "/workspace/queue/"),
        ("adviser", "/"),
        ("partner", "/"),
    ],
)
def test_each_role_lands_where_its_work_is(world, client, role, landing):
    response = log_in(client, world.users[role].username)
    followed = client.get(response["Location"])

    assert response["Location"] == "/workspace/start/"
    assert followed.status_code == 302
    assert followed["Location"] == landing


def test_a_requested_page_wins_over_the_landing(world, client):
    response = log_in(client, "justice", next="/workspace/password/")

    assert response["Location"] == "/workspace/password/"


def test_the_header_links_each_role_to_its_workspace(world):
    justice = world.client("justice").get("/workspace/").content.decode()
    coordinator = world.client("coordinator").get("/workspace/queue/").content.decode()

    assert 'href="/workspace/">My recommendations</a>' in justice
    assert "Validation queue" not in justice
    assert 'href="/workspace/queue/">Validation queue</a>' in coordinator
    assert 'href="/workspace/password/">Change password</a>' in coordinator


def test_five_failed_logins_lock_that_username_at_that_address(world, client, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        assert log_in(client, "justice", "wrong password").status_code == 200

    fifth = log_in(client, "justice", "wrong password")
    right_password = log_in(client, "justice")

    assert fifth.status_code == 429
    assert right_password.status_code == 429
    assert "Too many failed logins" in right_password.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_username_and_address(world, client):
    for _ in range(5):
        log_in(client, "justice", "wrong password")

    other_user = log_in(Client(), "interior")
    other_address = log_in(Client(), "justice", address="192.0.2.7")

    assert other_user.status_code == 302
    assert other_address.status_code == 302


def test_the_lock_lifts_after_the_cool_off(world, client, settings):
    for _ in range(5):
        log_in(client, "justice", "wrong password")
    cool_off = settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - timedelta(seconds=1))

    response = log_in(client, "justice")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.users["justice"].pk)


def test_a_success_before_the_limit_clears_the_failures(world, client):
    for _ in range(4):
        log_in(client, "justice", "wrong password")
    log_in(client, "justice")
    client.logout()

    response = log_in(client, "justice", "wrong password")

    assert response.status_code == 200
    assert AccessAttempt.objects.get(username="justice").failures_since_start == 1


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("short", "This password is too short."),
        ("password123", "This password is too common."),
        ("58204917365", "This password is entirely numeric."),
    ],
)
def test_a_new_password_must_pass_djangos_validators(world, new_password, message):
    client = world.client("justice")

    response = client.post(
        "/workspace/password/",
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assert message in response.content.decode()
    world.users["justice"].refresh_from_db()
    assert world.users["justice"].check_password(PASSWORD)


def test_changing_the_password_keeps_the_officer_logged_in(world):
    client = world.client("justice")

    response = client.post(
        "/workspace/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "moratorium on executions 2024",
            "new_password2": "moratorium on executions 2024",
        },
        follow=True,
    )

    world.users["justice"].refresh_from_db()
    assert world.users["justice"].check_password("moratorium on executions 2024")
    assert response.redirect_chain[-1][0] == "/workspace/"
    assert "Your password was changed." in response.content.decode()
