"""What writing through the API does to the data: actions for one's own
institution only, responsible institutions assigned by coordinators, and every
change kept in the history."""

import pytest

from recommendations.models import ImplementationAction, Recommendation, Responsibility

pytestmark = pytest.mark.django_db


def test_an_officer_records_an_action_for_its_own_recommendations(api_as, world):
    response = api_as("justice").post(
        "/api/v1/actions/",
        {
            "title": "Training of border guards",
            "institution": world.justice_ministry.pk,
            "recommendations": [world.justice_recommendation.pk],
            "start_date": "2013-02-01",
            "budget_amount": "12000.00",
            "budget_currency": "USD",
        },
        format="json",
    )

    assert response.status_code == 201
    action = ImplementationAction.objects.get(title="Training of border guards")
    assert action.created_by == world.users["justice"]
    assert list(action.recommendations.all()) == [world.justice_recommendation]
    assert response.json()["budget_amount"] == "12000.00"


def test_an_officer_cannot_link_its_action_to_another_ministrys_recommendation(api_as, world):
    response = api_as("justice").post(
        "/api/v1/actions/",
        {
            "title": "Overreach",
            "institution": world.justice_ministry.pk,
            "recommendations": [world.justice_recommendation.pk, world.interior_recommendation.pk],
        },
        format="json",
    )

    assert response.status_code == 403
    assert not ImplementationAction.objects.filter(title="Overreach").exists()


def test_an_officer_cannot_hand_its_action_to_another_ministry(api_as, world):
    response = api_as("justice").patch(
        f"/api/v1/actions/{world.justice_action.pk}/",
        {"institution": world.interior_ministry.pk},
        format="json",
    )

    assert response.status_code == 403
    world.justice_action.refresh_from_db()
    assert world.justice_action.institution == world.justice_ministry


def test_an_action_serves_at_least_one_recommendation(api_as, world):
    response = api_as("coordinator").patch(
        f"/api/v1/actions/{world.justice_action.pk}/", {"recommendations": []}, format="json"
    )

    assert response.status_code == 400
    assert "recommendations" in response.json()
    assert world.justice_action.recommendations.count() == 1


def test_a_coordinator_creates_a_recommendation_with_its_institutions(api_as, world):
    response = api_as("coordinator").post(
        "/api/v1/recommendations/",
        {
            "review": world.review.pk,
            "reference": "97.10",
            "text": "Establish a national human rights institution",
            "position": "supported",
            "recommending_states": ["FRA"],
            "themes": ["trafficking"],
            "lead_institution": world.justice_ministry.pk,
            "supporting_institutions": [world.interior_ministry.pk],
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "not_started"
    assert body["lead_institution"] == world.justice_ministry.pk
    assert body["supporting_institutions"] == [world.interior_ministry.pk]
    recommendation = Recommendation.objects.get(reference="97.10")
    assert recommendation.sort_key == "00097.00010"
    assert {(r.institution, r.role) for r in recommendation.responsibilities.all()} == {
        (world.justice_ministry, Responsibility.Role.LEAD),
        (world.interior_ministry, Responsibility.Role.SUPPORTING),
    }


def test_a_coordinator_swaps_lead_and_supporting_institutions(api_as, world):
    recommendation = world.justice_recommendation
    url = f"/api/v1/recommendations/{recommendation.pk}/"
    client = api_as("coordinator")
    client.patch(url, {"supporting_institutions": [world.interior_ministry.pk]}, format="json")

    response = client.patch(
        url,
        {
            "lead_institution": world.interior_ministry.pk,
            "supporting_institutions": [world.justice_ministry.pk],
        },
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["lead_institution"] == world.interior_ministry.pk
    assert response.json()["supporting_institutions"] == [world.justice_ministry.pk]
    roles = dict(recommendation.responsibilities.values_list("institution", "role"))
    assert roles == {world.interior_ministry.pk: "lead", world.justice_ministry.pk: "supporting"}


def test_a_partial_change_leaves_the_institutions_alone(api_as, world):
    url = f"/api/v1/recommendations/{world.justice_recommendation.pk}/"

    response = api_as("coordinator").patch(url, {"position": "noted"}, format="json")

    assert response.json()["lead_institution"] == world.justice_ministry.pk
    assert world.justice_recommendation.responsibilities.count() == 1


def test_removing_the_lead_keeps_its_history(api_as, world):
    url = f"/api/v1/recommendations/{world.justice_recommendation.pk}/"

    response = api_as("coordinator").patch(url, {"lead_institution": None}, format="json")

    assert response.json()["lead_institution"] is None
    assert not world.justice_recommendation.responsibilities.exists()
    removed = Responsibility.history.filter(recommendation_id=world.justice_recommendation.pk)
    assert removed.filter(history_type="-").count() == 1


def test_every_change_through_the_api_is_in_the_history_with_its_author(api_as, world):
    versions_before = world.justice_action.history.count()

    api_as("justice").patch(
        f"/api/v1/actions/{world.justice_action.pk}/", {"status": "completed"}, format="json"
    )

    latest = world.justice_action.history.first()
    assert latest.status == "completed"
    assert latest.history_user == world.users["justice"]
    assert world.justice_action.history.count() == versions_before + 1
