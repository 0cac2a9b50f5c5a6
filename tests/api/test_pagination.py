"""Lists come in pages: ?page= and ?page_size= (1 to 500, default 50), with count,
next, previous and results. A page size outside 1–500 is refused, not clamped."""

import pytest

from recommendations.models import Position
from tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(api_as, world):
    RecommendationFactory.create_batch(7, review=world.review, position=Position.NOTED)
    return api_as("coordinator")


def test_a_page_gives_count_links_and_results(coordinator):
    first = coordinator.get("/api/v1/recommendations/?page_size=4").json()
    second = coordinator.get(first["next"]).json()
    third = coordinator.get(second["next"]).json()

    assert first["count"] == 10
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/recommendations/?page=2&page_size=4"
    assert len(first["results"]) == len(second["results"]) == 4
    assert len(third["results"]) == 2
    assert third["next"] is None
    assert second["previous"] is not None
    seen = [row["id"] for page in (first, second, third) for row in page["results"]]
    assert len(set(seen)) == 10


def test_the_default_page_size_is_50(coordinator, world):
    RecommendationFactory.create_batch(45, review=world.review)

    body = coordinator.get("/api/v1/recommendations/").json()

    assert body["count"] == 55
    assert len(body["results"]) == 50


def test_a_page_of_500_is_allowed(coordinator):
    response = coordinator.get("/api/v1/recommendations/?page_size=500")

    assert response.status_code == 200
    assert len(response.json()["results"]) == 10


@pytest.mark.parametrize("size", ["501", "100000", "0", "-1", "ten", "2.5", ""])
def test_a_page_size_outside_1_to_500_is_refused_with_400(coordinator, size):
    response = coordinator.get(f"/api/v1/recommendations/?page_size={size}")

    assert response.status_code == 400
    assert response.json() == {"page_size": ["Give a whole number from 1 to 500."]}


@pytest.mark.parametrize("page", ["3", "0", "last-but-one", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_404(coordinator, page):
    response = coordinator.get(f"/api/v1/recommendations/?page_size=5&page={page}")

    assert response.status_code == 404
    assert "detail" in response.json()
