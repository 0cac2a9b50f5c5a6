"""Partners (and every user with a role) make, see and revoke their own API tokens on
/workspace/tokens/: a token's text is shown once, a revoked token stops working at once,
and nobody revokes another's token there."""

import pytest
from rest_framework.test import APIClient

from api_tokens.models import ApiToken
from api_tokens.services import api_token_create

pytestmark = pytest.mark.django_db

PAGE = "/workspace/tokens/"


def make(client, name="UNDP quarterly report"):
    return client.post(PAGE, {"name": name})


def token_text(response) -> str:
    return response.context["created"][1]


def api(text):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    return client


def test_a_partner_makes_a_named_token_that_opens_the_api(world):
    partner = world.client("partner")

    response = make(partner)

    assert response.status_code == 201
    text = token_text(response)
    assert text in response.content.decode()
    token = ApiToken.objects.get(user=world.users["partner"])
    assert (token.name, token.read_only) == ("UNDP quarterly report", True)
    assert api(text).get("/api/v1/recommendations/").status_code == 200


def test_a_token_is_shown_once_and_never_again(world):
    partner = world.client("partner")
    text = token_text(make(partner))

    page = partner.get(PAGE)

    assert page.status_code == 200
    assert text not in page.content.decode()
    assert ApiToken.objects.get().prefix in page.content.decode()
    assert not ApiToken.objects.filter(secret_hash=text).exists()  # only a hash is kept
    assert "no-store" in page["Cache-Control"]


def test_the_list_says_when_each_token_was_made_and_last_used(world):
    partner = world.client("partner")
    text = token_text(make(partner))
    api(text).get("/api/v1/recommendations/")

    page = partner.get(PAGE)

    (listed,) = page.context["tokens"]
    assert listed.last_used_at is not None
    assert "never" not in page.content.decode().split("Your tokens")[1]


def test_revoking_is_immediate_the_next_call_is_refused(world):
    partner = world.client("partner")
    text = token_text(make(partner))
    token = ApiToken.objects.get()
    assert api(text).get("/api/v1/stats/").status_code == 200

    response = partner.post(f"{PAGE}{token.pk}/revoke/")

    assert response.status_code == 302
    assert api(text).get("/api/v1/stats/").status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_another_users_token_cannot_be_revoked_there(world):
    token, text = api_token_create(user=world.users["justice"], name="Justice's system")

    response = world.client("partner").post(f"{PAGE}{token.pk}/revoke/")

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert api(text).get("/api/v1/stats/").status_code == 200


def test_nobody_sees_anothers_tokens_on_the_page(world):
    api_token_create(user=world.users["justice"], name="Justice's system")

    page = world.client("partner").get(PAGE)

    assert list(page.context["tokens"]) == []
    assert "Justice's system" not in page.content.decode()


def test_a_coordinators_token_may_write_a_partners_may_not(world):
    make(world.client("coordinator"), "Import script")
    make(world.client("partner"), "Reporting")

    tokens = {t.name: t.read_only for t in ApiToken.objects.all()}

    assert tokens == {"Import script": False, "Reporting": True}


def test_a_token_needs_a_name_and_nothing_is_made_without_one(world):
    response = make(world.client("partner"), name="")

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


def test_a_signed_in_user_without_a_role_gets_no_token(world, django_user_model):
    from django.test import Client

    client = Client()
    client.force_login(django_user_model.objects.create_user("nobody"))

    assert client.get(PAGE).status_code == 403
    assert make(client).status_code == 403
    assert not ApiToken.objects.exists()
