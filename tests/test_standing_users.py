"""The standing users every test world shares (tests/world.py) are made as an
administrator makes users, so a test that passes for a role passes for that role's
users in production; and each role's client is that role."""

import pytest

from api_tokens.models import ApiToken
from recommendations.roles import ROLE_ACCESS
from tests.factories import ReviewCycleFactory
from tests.world import EVERY_ROLE

pytestmark = pytest.mark.django_db
LOGGED_IN = [role for role in EVERY_ROLE if role not in ("anonymous", "public")]


@pytest.mark.parametrize("role", LOGGED_IN)
def test_each_standing_user_has_exactly_the_admin_access_of_its_role(users, role):
    user = users[role]
    access = ROLE_ACCESS[user.profile.role]

    assert (user.is_staff, user.is_superuser) == (access.staff, access.superuser)
    assert set(user.groups.values_list("name", flat=True)) == ({access.group} - {""})


@pytest.mark.parametrize("role", LOGGED_IN)
def test_each_logged_in_roles_client_is_its_standing_user(clients, users, role):
    assert clients[role].session["_auth_user_id"] == str(users[role].pk)


@pytest.mark.parametrize("role", ["anonymous", "public"])
def test_anonymous_clients_are_not_logged_in_and_only_public_has_its_reviews_published(
    clients, role
):
    review = ReviewCycleFactory()
    client = clients[role]

    review.refresh_from_db()
    assert "_auth_user_id" not in client.session
    assert review.is_published is (role == "public")


def test_the_partner_calls_the_api_with_a_read_only_token_not_a_session(api_clients, users):
    client = api_clients["partner"]

    read = client.get("/api/v1/recommendations/")
    write = client.post("/api/v1/recommendations/", {"reference": "1.1"}, format="json")

    token = ApiToken.objects.get(user=users["partner"])
    assert (read.status_code, write.status_code) == (200, 403)
    assert token.read_only and token.last_used_at is not None
    assert "_auth_user_id" not in client.session
