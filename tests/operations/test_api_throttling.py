"""API throttling: each token (or signed-in user) and each anonymous address has
its own budget; past it the API answers 429 with Retry-After. The counts live in
the shared cache: in production the database's cache table, which every app
server sees."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from rest_framework.test import APIClient

from api_tokens.services import api_token_create
from tests.factories import ReviewCycleFactory
from tests.world import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "3/minute", "address": "2/minute"},
    }


def token_client(user):
    _, text = api_token_create(user=user, name="throttled")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {text}")
    return client


def statuses(client, count, **headers):
    return [client.get("/api/v1/themes/", **headers).status_code for _ in range(count)]


def test_a_token_past_its_rate_gets_429_with_retry_after_and_another_token_does_not(
    ministry, low_rates
):
    first, second = token_client(ministry.officer), token_client(ministry.officer)

    assert statuses(first, 4) == [200, 200, 200, 429]
    refused = first.get("/api/v1/themes/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"]
    assert statuses(second, 1) == [200]


def test_a_signed_in_user_has_a_budget_of_its_own(ministry, low_rates):
    client = APIClient()
    client.force_login(ministry.officer)

    assert statuses(client, 4) == [200, 200, 200, 429]


def test_anonymous_readers_are_counted_per_address_and_cannot_pick_another_one(
    db, low_rates, settings
):
    publish(ReviewCycleFactory())  # anonymous visitors read once a review is published
    client = APIClient()

    assert statuses(client, 3, REMOTE_ADDR="192.0.2.1") == [200, 200, 429]
    assert statuses(client, 1, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.9") == [
        429
    ]
    assert statuses(client, 1, REMOTE_ADDR="192.0.2.2") == [200]


def test_behind_a_trusted_proxy_the_address_it_forwards_is_counted(db, low_rates, settings):
    publish(ReviewCycleFactory())
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    client = APIClient()
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    assert statuses(client, 3, **proxy, HTTP_X_FORWARDED_FOR="192.0.2.1") == [200, 200, 429]
    assert statuses(client, 1, **proxy, HTTP_X_FORWARDED_FOR="192.0.2.2") == [200]


def test_the_counts_are_kept_in_the_databases_cache_table_every_app_server_shares(
    ministry, low_rates, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "upr_cache",
        }
    }
    call_command("createcachetable")
    client = token_client(ministry.officer)

    assert statuses(client, 4) == [200, 200, 200, 429]
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM upr_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any("throttle_token" in key for key in keys)
    cache.clear()
