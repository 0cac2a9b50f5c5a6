"""Tokens in the admin: listed with their user, prefix and dates, revocable, and
no page ever shows a secret (none is stored)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from api_tokens.models import ApiToken
from api_tokens.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    administrator = get_user_model().objects.create_superuser("root", "root@localhost", "pw")
    client.force_login(administrator)
    return client


def test_the_list_shows_user_prefix_and_dates_but_no_secret(admin_client, world):
    token, text = api_token_create(user=world.users["partner"], name="UNDP reporting")

    listing = admin_client.get(reverse("admin:api_tokens_apitoken_changelist"))
    change = admin_client.get(reverse("admin:api_tokens_apitoken_change", args=[token.pk]))

    html = listing.content.decode()
    assert token.prefix in html and "partner" in html and "UNDP reporting" in html
    for page in (listing, change):
        assert text not in page.content.decode()
        assert token.secret_hash not in page.content.decode()


def test_tokens_are_not_added_or_deleted_in_the_admin(admin_client, world):
    token, _ = api_token_create(user=world.users["partner"])

    adding = admin_client.get(reverse("admin:api_tokens_apitoken_add"))
    deleting = admin_client.get(reverse("admin:api_tokens_apitoken_delete", args=[token.pk]))

    assert adding.status_code == 403
    assert deleting.status_code == 403
    assert ApiToken.objects.count() == 1


def test_the_revoke_action_revokes_the_selected_tokens(admin_client, world):
    token, _ = api_token_create(user=world.users["partner"])
    other, _ = api_token_create(user=world.users["adviser"])

    admin_client.post(
        reverse("admin:api_tokens_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )

    token.refresh_from_db()
    other.refresh_from_db()
    assert token.revoked_at is not None
    assert other.revoked_at is None


def test_a_coordinator_sees_and_revokes_every_token_in_the_admin(client, world):
    partner_token, _ = api_token_create(user=world.users["partner"], name="partner system")
    client.force_login(world.users["coordinator"])

    listed = client.get(reverse("admin:api_tokens_apitoken_changelist"))
    client.post(
        reverse("admin:api_tokens_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [partner_token.pk]},
    )

    assert listed.status_code == 200
    assert partner_token.prefix in listed.content.decode()
    partner_token.refresh_from_db()
    assert partner_token.revoked_at is not None


@pytest.mark.parametrize("role", ["adviser", "justice", "partner"])
def test_no_one_else_manages_tokens_in_the_admin(client, world, role):
    client.force_login(world.users[role])

    response = client.get(reverse("admin:api_tokens_apitoken_changelist"))

    assert response.status_code in (302, 403)
