"""An API token dies with its owner's credentials: a changed password (through
any door) or a deactivated account revokes every live token of the owner.
Logging in, even when Django re-hashes the password on the way, revokes nothing."""

import pytest
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.test import Client
from rest_framework.test import APIClient

from api_tokens.models import ApiToken
from api_tokens.services import api_token_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough test password"


@pytest.fixture
def owner(db):
    return UserFactory(username="partner-system-owner")


@pytest.fixture
def token(owner):
    return api_token_create(user=owner, name="reporting")[1]


def api_status(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/v1/themes/").status_code


def test_a_password_changed_on_the_workspace_page_revokes_the_owners_tokens(owner, token):
    client = Client()
    client.force_login(owner)
    other_user_token = api_token_create(user=UserFactory(), name="other")[1]

    response = client.post(
        "/workspace/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "another long passphrase 42",
            "new_password2": "another long passphrase 42",
        },
    )

    assert response.status_code == 302
    assert api_status(token) == 401
    assert ApiToken.objects.get(user=owner).revoked_at is not None
    assert api_status(other_user_token) == 200


def test_a_password_set_by_an_administrator_in_the_admin_revokes_the_tokens(owner, token):
    admin = Client()
    admin.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    response = admin.post(
        f"/admin/auth/user/{owner.pk}/password/",
        {"password1": "another long passphrase 42", "password2": "another long passphrase 42"},
    )

    assert response.status_code == 302
    assert api_status(token) == 401


def test_a_deactivated_account_has_its_tokens_revoked_for_good(owner, token):
    owner.is_active = False
    owner.save()
    owner.is_active = True
    owner.save()

    assert api_status(token) == 401


def test_a_disabled_password_revokes_the_tokens(owner, token):
    owner.set_unusable_password()
    owner.save()

    assert api_status(token) == 401


def test_logging_in_and_a_rehashed_password_revoke_nothing(owner, token, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    owner.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    owner.save()  # as stored by an earlier setting: this save is not a change
    assert api_status(token) == 200

    response = Client().post("/accounts/login/", {"username": owner.username, "password": PASSWORD})

    owner.refresh_from_db()
    assert response.status_code == 302
    assert owner.password.startswith("md5$")  # re-hashed with the preferred hasher
    assert api_status(token) == 200


def test_a_failed_save_revokes_nothing(owner, token):
    owner.set_password("another long passphrase 42")
    owner.username = None  # the database refuses this row

    with pytest.raises(IntegrityError), transaction.atomic():
        owner.save()

    assert ApiToken.objects.get(user=owner).revoked_at is None
