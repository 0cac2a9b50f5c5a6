"""Whatever a client sends, the answer is a clear 4xx in JSON, never a 500:
field-level validation messages, malformed or oversized bodies, wrong media
types, addresses that do not exist."""

import json

import pytest

from recommendations.models import ImplementationAction, Recommendation, ReviewCycle, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(api_as):
    return api_as("coordinator")


def test_validation_errors_name_each_field(coordinator, world):
    response = coordinator.post(
        "/api/v1/recommendations/",
        {"review": 999999, "position": "approved", "themes": ["no-such-theme"]},
        format="json",
    )

    assert response.status_code == 400
    errors = response.json()
    assert set(errors) == {"review", "reference", "text", "position", "themes"}
    assert errors["reference"] == ["This field is required."]
    assert not Recommendation.objects.filter(position="approved").exists()


def test_a_duplicate_reference_in_a_review_is_a_400_not_a_database_error(coordinator, world):
    body = {"review": world.review.pk, "reference": "97.1", "text": "Again"}

    response = coordinator.post("/api/v1/recommendations/", body, format="json")

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert Recommendation.objects.filter(reference="97.1").count() == 1


def test_a_rule_the_database_enforces_is_a_400_with_the_reason(coordinator, world):
    response = coordinator.patch(
        f"/api/v1/reviews/{world.review.pk}/",
        {"review_date": "2010-05-12", "adoption_date": "2009-01-01"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["non_field_errors"]
    world.review.refresh_from_db()
    assert world.review.adoption_date is None


def test_an_action_that_ends_before_it_starts_is_refused_beside_its_end_date(coordinator, world):
    body = {
        "title": "Backwards",
        "institution": world.justice_ministry.pk,
        "recommendations": [world.justice_recommendation.pk],
        "start_date": "2014-01-01",
        "end_date": "2013-01-01",
    }

    response = coordinator.post("/api/v1/actions/", body, format="json")

    assert response.status_code == 400
    assert response.json() == {"end_date": ["The end date cannot be before the start date."]}
    assert not ImplementationAction.objects.filter(title="Backwards").exists()


def test_a_theme_named_like_another_in_other_letters_is_refused(coordinator, world):
    response = coordinator.post(
        "/api/v1/themes/", {"name": "TRAFFICKING IN PERSONS", "slug": "other"}, format="json"
    )

    assert response.status_code == 400
    assert Theme.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    ['{"reference": ', "not json", '{"text": NaN}', "[" * 100_000 + "]" * 100_000],
    ids=["truncated", "not-json", "nan", "nested-too-deep"],
)
def test_a_malformed_json_body_is_a_400(coordinator, world, body):
    response = coordinator.post("/api/v1/recommendations/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "42"])
def test_a_json_body_that_is_not_an_object_is_a_400(coordinator, world, body):
    response = coordinator.post("/api/v1/themes/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [response.json()["non_field_errors"][0]]}


def test_a_body_over_the_size_limit_is_a_413_and_nothing_is_saved(coordinator, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = json.dumps({"name": "x" * 20_000, "slug": "big"})

    response = coordinator.post("/api/v1/themes/", body, content_type="application/json")

    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}
    assert not Theme.objects.filter(slug="big").exists()


def test_a_body_that_is_not_json_is_a_415(coordinator, world):
    response = coordinator.post(
        "/api/v1/themes/",
        "name=Torture&slug=torture",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 415
    assert "detail" in response.json()
    assert not Theme.objects.filter(slug="torture").exists()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing-here/", "/api/v1/recommendations/999999/", "/api/v1/recommendations/abc/"],
)
def test_an_address_that_does_not_exist_is_a_json_404(coordinator, world, path):
    response = coordinator.get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": response.json()["detail"]}


def test_a_method_the_resource_does_not_have_is_a_405(coordinator, world):
    response = coordinator.delete(f"/api/v1/reviews/{world.review.pk}/")

    assert response.status_code == 405
    assert "GET" in response["Allow"] and "DELETE" not in response["Allow"]
    assert ReviewCycle.objects.filter(pk=world.review.pk).exists()


def test_a_session_write_without_the_csrf_token_is_refused(world, client):
    client = type(client)(enforce_csrf_checks=True)
    client.force_login(world.users["coordinator"])

    response = client.post(
        "/api/v1/themes/", {"name": "Torture", "slug": "torture"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Theme.objects.filter(slug="torture").exists()
