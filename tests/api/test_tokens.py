"""API tokens: created by a command that prints them once, stored only as a hash,
revocable, read-only for partners (and whenever flagged so)."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from api_tokens.models import ApiToken
from api_tokens.services import api_token_create, api_token_revoke
from recommendations.models import Theme
from tests.world import publish_every_review

pytestmark = pytest.mark.django_db


def token_client(text):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    return client


def create_token(*arguments):
    output = StringIO()
    call_command("create_api_token", *arguments, stdout=output)
    return output.getvalue().splitlines()


def test_the_command_prints_the_token_alone_on_the_last_line_and_it_works(world):
    lines = create_token("partner", "--name", "UNDP reporting")

    text = lines[-1]
    response = token_client(text).get("/api/v1/recommendations/")

    assert text.startswith("upr_") and " " not in text
    assert response.status_code == 200
    assert response.json()["count"] == 3
    token = ApiToken.objects.get()
    assert token.name == "UNDP reporting"
    assert token.user == world.users["partner"]


def test_only_a_hash_of_the_token_is_stored(world):
    text = create_token("coordinator")[-1]

    token = ApiToken.objects.get()
    stored = " ".join(str(value) for value in ApiToken.objects.values_list().get())
    assert text not in stored
    secret = text.split("_", 2)[2]  # the key id is hex; the secret may itself hold "_"
    assert secret not in stored
    assert token.secret_hash == hashlib.sha256(text.encode()).hexdigest()


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="no user 'nobody'"):
        create_token("nobody")
    assert not ApiToken.objects.exists()


def test_a_partners_token_is_read_only_even_when_not_asked(world):
    token, text = api_token_create(user=world.users["partner"], read_only=False)

    response = token_client(text).post("/api/v1/themes/", {"name": "Torture", "slug": "torture"})

    assert token.read_only
    assert response.status_code == 403
    assert response.json() == {"detail": "This token is read-only."}
    assert not Theme.objects.filter(slug="torture").exists()


def test_a_partners_token_cannot_write_even_if_the_partner_is_also_staff(world):
    partner = world.users["partner"]
    partner.is_staff = True
    partner.save()
    token, text = api_token_create(user=partner)
    ApiToken.objects.filter(pk=token.pk).update(read_only=False)  # even if someone unticks it

    response = token_client(text).patch(
        f"/api/v1/themes/{world.theme.slug}/", {"name": "Changed"}, format="json"
    )

    assert response.status_code == 403
    world.theme.refresh_from_db()
    assert world.theme.name == "Trafficking in persons"


def test_a_token_flagged_read_only_never_writes_even_for_a_coordinator(world):
    text = create_token("coordinator", "--read-only")[-1]
    client = token_client(text)

    read = client.get("/api/v1/themes/")
    write = client.post("/api/v1/themes/", {"name": "Torture", "slug": "torture"}, format="json")

    assert read.status_code == 200
    assert write.status_code == 403
    assert not Theme.objects.filter(slug="torture").exists()


def test_a_coordinators_token_writes_as_the_coordinator_and_history_says_who(world):
    _, text = api_token_create(user=world.users["coordinator"])
    recommendation = world.justice_recommendation

    response = token_client(text).patch(
        f"/api/v1/recommendations/{recommendation.pk}/", {"position": "noted"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["position"] == "noted"
    latest = recommendation.history.first()
    assert latest.position == "noted"
    assert latest.history_user == world.users["coordinator"]


def test_a_revoked_token_is_refused_with_401(world):
    token, text = api_token_create(user=world.users["partner"])
    api_token_revoke(token=token)

    response = token_client(text).get("/api/v1/recommendations/")

    assert response.status_code == 401
    assert response.json() == {"detail": "Unknown or revoked token."}
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    "header",
    [
        "Token upr_000000000000_nothing",
        "Token not-a-token",
        "Token",
        "Token two words",
    ],
)
def test_an_unknown_or_malformed_token_is_refused_with_401_even_for_public_data(
    world, settings, header
):
    publish_every_review()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get("/api/v1/recommendations/")

    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_right_key_id_with_a_wrong_secret_is_refused(world):
    _token, text = api_token_create(user=world.users["partner"])
    forged = text[:-4] + ("AAAA" if not text.endswith("AAAA") else "BBBB")

    assert token_client(forged).get("/api/v1/themes/").status_code == 401


def test_an_inactive_users_token_is_refused(world):
    _, text = api_token_create(user=world.users["adviser"])
    world.users["adviser"].is_active = False
    world.users["adviser"].save()

    assert token_client(text).get("/api/v1/themes/").status_code == 401


def test_using_a_token_records_when_it_was_last_used(world):
    token, text = api_token_create(user=world.users["partner"])
    assert token.last_used_at is None

    token_client(text).get("/api/v1/themes/")

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_revoke_command_revokes_by_prefix_and_by_user(world):
    first, first_text = api_token_create(user=world.users["partner"])
    _second, second_text = api_token_create(user=world.users["adviser"])
    third, _ = api_token_create(user=world.users["adviser"])

    call_command("revoke_api_token", first.prefix, stdout=StringIO())
    call_command("revoke_api_token", "--user", "adviser", stdout=StringIO())

    assert ApiToken.objects.filter(revoked_at__isnull=True).count() == 0
    assert token_client(first_text).get("/api/v1/themes/").status_code == 401
    assert token_client(second_text).get("/api/v1/themes/").status_code == 401
    with pytest.raises(CommandError, match="No live token"):
        call_command("revoke_api_token", third.prefix, stdout=StringIO())
