"""Optimistic concurrency: each single resource carries an ETag; a write whose
If-Match no longer matches is refused with 412 and changes nothing."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(api_as):
    return api_as("coordinator")


def url(world):
    return f"/api/v1/recommendations/{world.justice_recommendation.pk}/"


def test_a_single_resource_has_an_etag_that_stays_until_it_changes(coordinator, world):
    first = coordinator.get(url(world))
    again = coordinator.get(url(world))
    coordinator.patch(url(world), {"position_explanation": "Accepted in 2010"}, format="json")
    after = coordinator.get(url(world))

    assert first["ETag"].startswith('"') and first["ETag"].endswith('"')
    assert again["ETag"] == first["ETag"]
    assert after["ETag"] != first["ETag"]


def test_a_write_with_the_current_etag_goes_through_and_returns_the_new_one(coordinator, world):
    etag = coordinator.get(url(world))["ETag"]

    response = coordinator.patch(
        url(world), {"position_explanation": "Accepted"}, format="json", HTTP_IF_MATCH=etag
    )

    assert response.status_code == 200
    assert response["ETag"] == coordinator.get(url(world))["ETag"] != etag
    world.justice_recommendation.refresh_from_db()
    assert world.justice_recommendation.position_explanation == "Accepted"


@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_stale_if_match_is_refused_with_412_and_nothing_changes(coordinator, world, method):
    stale = coordinator.get(url(world))["ETag"]
    coordinator.patch(url(world), {"position_explanation": "First editor"}, format="json")
    body = {"review": world.review.pk, "reference": "97.1", "text": "Second editor's text"}

    response = getattr(coordinator, method)(url(world), body, format="json", HTTP_IF_MATCH=stale)

    assert response.status_code == 412
    assert "changed since you read it" in response.json()["detail"]
    world.justice_recommendation.refresh_from_db()
    assert (
        world.justice_recommendation.text == "Continue its efforts to combat trafficking in persons"
    )
    assert world.justice_recommendation.position_explanation == "First editor"


def test_a_change_elsewhere_that_shows_in_the_resource_makes_its_etag_stale(
    coordinator, world, api_as
):
    """The ETag covers what a client sees: a validated update changes the status."""
    submitted = world.interior_submitted
    recommendation_url = f"/api/v1/recommendations/{submitted.recommendation_id}/"
    stale = coordinator.get(recommendation_url)["ETag"]
    coordinator.post(f"/api/v1/progress-updates/{submitted.pk}/validate/")

    response = coordinator.patch(
        recommendation_url, {"position": "noted"}, format="json", HTTP_IF_MATCH=stale
    )

    assert response.status_code == 412


def test_if_match_star_or_one_of_several_etags_matches(coordinator, world):
    star = coordinator.patch(url(world), {"text": "One"}, format="json", HTTP_IF_MATCH="*")
    etag = star["ETag"]
    several = coordinator.patch(
        url(world), {"text": "Two"}, format="json", HTTP_IF_MATCH=f'"other", {etag}'
    )

    assert star.status_code == several.status_code == 200


def test_a_weak_etag_never_matches(coordinator, world):
    etag = coordinator.get(url(world))["ETag"]

    response = coordinator.patch(
        url(world), {"text": "X"}, format="json", HTTP_IF_MATCH=f"W/{etag}"
    )

    assert response.status_code == 412


def test_without_if_match_the_write_goes_ahead(coordinator, world):
    response = coordinator.patch(url(world), {"text": "Last writer"}, format="json")

    assert response.status_code == 200
    assert response.json()["text"] == "Last writer"


def test_workflow_steps_honour_if_match_too(api_as, world):
    justice = api_as("justice")
    update_url = f"/api/v1/progress-updates/{world.justice_draft.pk}/"
    stale = justice.get(update_url)["ETag"]
    justice.patch(update_url, {"narrative": "More detail"}, format="json")

    response = justice.post(f"{update_url}submit/", HTTP_IF_MATCH=stale)

    assert response.status_code == 412
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == "draft"


@pytest.mark.parametrize(
    "path",
    ["reviews/{review}", "actions/{action}", "engagements/{engagement}", "states/FRA"],
)
def test_every_single_resource_has_an_etag_and_checks_it(coordinator, world, path):
    resource_url = (
        "/api/v1/"
        + path.format(
            review=world.review.pk, action=world.justice_action.pk, engagement=world.engagement.pk
        )
        + "/"
    )

    response = coordinator.get(resource_url)
    refused = coordinator.patch(resource_url, {}, format="json", HTTP_IF_MATCH='"stale"')
    accepted = coordinator.patch(resource_url, {}, format="json", HTTP_IF_MATCH=response["ETag"])

    assert response["ETag"]
    assert refused.status_code == 412
    assert accepted.status_code == 200
