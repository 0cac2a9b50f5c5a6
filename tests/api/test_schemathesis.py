"""Property-based: schemathesis generates requests from the app's own OpenAPI
document (valid and invalid ones) and sends them to the WSGI application in
process (no network). No answer may be a server error or stray from the
document: an undocumented status, content type, header or body shape.

Three clients: a coordinator (every operation), a ministry officer with a writing
token (every write: POST, PUT and PATCH, where the rights of an institution and
the validation of bodies meet) and an anonymous reader of a public deployment.
Derandomized (a fixed seed) and bounded, so a run is repeatable and short.
"""

import json

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from schemathesis import checks

from api_tokens.services import api_token_create
from tests.world import publish_every_review

pytestmark = pytest.mark.django_db

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]
BOUNDED = hypothesis.settings(
    max_examples=8,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)

# The officer's writes get more examples: bodies are where ids, dates and amounts meet.
WRITES = hypothesis.settings(BOUNDED, max_examples=25)


# Generated once, as /api/v1/schema/ serves it, when the tests are collected (no
# database then, so no signed-in reader to ask the app for it).
schema = schemathesis.openapi.from_dict(
    json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))
)

schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def keep_the_test_transactions_connection():
    """Requests go straight to the WSGI handler, which closes the database connection
    at the end of each request; inside the test's transaction that would close it
    for good (on PostgreSQL). Django's own test client turns this off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def coordinator_token(world):
    _, text = api_token_create(user=world.users["coordinator"], name="schemathesis")
    return text


@pytest.fixture
def officer_token(world):
    _, text = api_token_create(user=world.users["justice"], name="schemathesis")
    return text


@pytest.fixture
def public(world, settings):
    publish_every_review()


@schema.parametrize()
@BOUNDED
def test_the_api_keeps_to_its_schema_for_a_coordinator(case, coordinator_token):
    case.call_and_validate(headers={"Authorization": f"Token {coordinator_token}"}, checks=CHECKS)


@schema.include(method=["POST", "PUT", "PATCH"]).parametrize()
@WRITES
def test_the_api_keeps_to_its_schema_for_a_ministry_officers_writes(case, officer_token):
    case.call_and_validate(headers={"Authorization": f"Token {officer_token}"}, checks=CHECKS)


@schema.include(method="GET").parametrize()
@BOUNDED
def test_the_api_keeps_to_its_schema_for_anonymous_readers_of_a_public_deployment(case, public):
    case.call_and_validate(checks=CHECKS)
