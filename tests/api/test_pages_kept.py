"""A page of /api/v1/recommendations/ is kept with the figures a short while
(``KeptPages``): the next client asking for the same page gets it without a query for its
rows, a validation shows in it at once, and each reader's page (what that reader may
read, in their language) is kept on its own."""

from unittest import mock

import pytest

from recommendations import services
from recommendations.models import RecommendationText
from tests.factories import RecommendationFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db

PAGE = "/api/v1/recommendations/?page_size=100"
SHOWN = "recommendations.api.serializers.recommendations.PlainRecords.shown"


def status_of(page, recommendation) -> str:
    return next(row for row in page["results"] if row["id"] == recommendation.pk)["status"]


def test_the_next_client_gets_the_same_page_without_it_being_read_again(api_as, world):
    first = api_as("coordinator").get(PAGE).json()

    with mock.patch(SHOWN, side_effect=AssertionError("read again")):
        second = api_as("coordinator").get(PAGE).json()

    assert second == first


def test_a_validation_shows_in_a_kept_page_at_once(api_as, world):
    client = api_as("adviser")
    before = status_of(client.get(PAGE).json(), world.interior_recommendation)

    services.progress_update_validate(
        user=world.users["coordinator"], update=world.interior_submitted
    )

    after = status_of(client.get(PAGE).json(), world.interior_recommendation)
    assert (before, after) == ("not_started", world.interior_submitted.status)


def test_a_text_recorded_in_russian_shows_at_once(api_as, world):
    client = api_as("adviser")
    client.get(f"{PAGE}&lang=ru")
    RecommendationText.objects.create(
        recommendation=world.justice_recommendation, language="ru", text="Бороться с торговлей"
    )

    page = client.get(f"{PAGE}&lang=ru").json()

    record = next(row for row in page["results"] if row["id"] == world.justice_recommendation.pk)
    assert (record["text"], record["text_language"]) == ("Бороться с торговлей", "ru")


def test_each_reader_gets_their_own_page(api_as, world):
    public_client = api_as("public")  # publishes the world's reviews …
    RecommendationFactory(review=ReviewCycleFactory(published_from=None))  # … not this one
    coordinator = api_as("coordinator").get(PAGE).json()
    public = public_client.get(PAGE).json()
    english = api_as("coordinator").get(f"{PAGE}&lang=en").json()
    russian = api_as("coordinator").get(f"{PAGE}&lang=ru").json()

    assert {row["id"] for row in public["results"]} < {row["id"] for row in coordinator["results"]}
    assert public["count"] == len(public["results"])
    assert english == coordinator
    assert [row["id"] for row in russian["results"]] == [row["id"] for row in english["results"]]
