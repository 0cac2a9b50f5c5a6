"""A recommendation supported in part says, in the API, what was accepted and what noted;
a coordinator records it, the model refusing parts without that position."""


def test_a_recommendation_supported_in_part_gives_its_accepted_and_noted_parts(api_as, world):
    world.noted_recommendation.position = "partially_supported"
    world.noted_recommendation.accepted_part = "Ratify the Statute"
    world.noted_recommendation.noted_part = "Withdraw the reservation"
    world.noted_recommendation.save()

    rows = api_as("partner").get("/api/v1/recommendations/?position=partially_supported").json()

    ((row),) = rows["results"]
    assert (row["accepted_part"], row["noted_part"]) == (
        "Ratify the Statute",
        "Withdraw the reservation",
    )


def test_a_coordinator_records_a_partial_acceptance(api_as, world):
    response = api_as("coordinator").patch(
        f"/api/v1/recommendations/{world.noted_recommendation.pk}/",
        {"position": "partially_supported", "accepted_part": "Ratify the Statute"},
        format="json",
    )

    assert response.status_code == 200
    world.noted_recommendation.refresh_from_db()
    assert world.noted_recommendation.accepted_part == "Ratify the Statute"


def test_parts_without_the_position_are_refused_and_nothing_changes(api_as, world):
    response = api_as("coordinator").patch(
        f"/api/v1/recommendations/{world.noted_recommendation.pk}/",
        {"noted_part": "Withdraw the reservation"},
        format="json",
    )

    assert response.status_code == 400
    assert "noted_part" in response.json()
    world.noted_recommendation.refresh_from_db()
    assert world.noted_recommendation.noted_part == ""
