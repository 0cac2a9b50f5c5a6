"""``as_of`` means one thing in every part of a request: the recommendations as they
stood on that day (those of reviews held by then), each with the status of its
latest update validated and assessed by then. The ``status`` filter, the figures of
``stats`` and the status column of the list all read it."""

import csv
import io
from datetime import date

import pytest

from recommendations.models import Recommendation, Status
from recommendations.selectors import measure, measure_by
from tests.factories import ProgressUpdateFactory, RecommendationFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(api_as):
    return api_as("adviser")


@pytest.fixture
def interior_progress_in_2014(world):
    """The interior recommendation: not started until 2014, then partially implemented
    (the justice one is implemented since 2012, in the world)."""
    return ProgressUpdateFactory(
        recommendation=world.interior_recommendation,
        institution=world.interior_ministry,
        status=Status.PARTIALLY_IMPLEMENTED,
        assessed_on=date(2014, 3, 1),
    )


@pytest.fixture
def second_review(world):
    """The second cycle, reviewed on 1 May 2015, with one supported recommendation."""
    review = ReviewCycleFactory(
        state_under_review=world.review.state_under_review,
        mechanism=world.review.mechanism,
        cycle=2,
        review_date=date(2015, 5, 1),
    )
    RecommendationFactory(review=review, reference="120.1")
    return review


def test_the_status_filter_of_stats_selects_by_the_status_as_of_that_day(
    reader, world, interior_progress_in_2014
):
    body = reader.get("/api/v1/stats/?as_of=2013-01-01&status=not_started").json()

    then = Recommendation.objects.filter(
        pk__in=[world.interior_recommendation.pk, world.noted_recommendation.pk]
    )
    assert body["overall"] == measure(then, as_of=date(2013, 1, 1)).as_dict()
    assert body["overall"]["total"] == 2
    assert body["overall"]["by_status"]["not_started"] == 1


def test_stats_of_what_was_implemented_then_count_what_was_implemented_then(reader, world):
    before = reader.get("/api/v1/stats/?as_of=2011-12-31&status=implemented").json()
    after = reader.get("/api/v1/stats/?as_of=2012-12-31&status=implemented").json()

    assert before["overall"]["total"] == 0
    assert after["overall"]["total"] == 1
    assert after["overall"]["percent_implemented"] == 100.0


def test_a_review_not_yet_held_is_absent_from_stats_as_of_a_day_before_it(
    reader, world, second_review
):
    then = reader.get("/api/v1/stats/?group_by=review&as_of=2015-04-30").json()
    held = reader.get("/api/v1/stats/?group_by=review&as_of=2015-05-01").json()

    assert [group["key"] for group in then["results"]] == [world.review.pk]
    assert then["overall"]["total"] == 3
    assert {group["key"] for group in held["results"]} == {world.review.pk, second_review.pk}
    assert held["overall"]["total"] == 4


def test_the_list_as_of_a_day_shows_each_status_of_that_day(
    reader, world, interior_progress_in_2014, second_review
):
    body = reader.get("/api/v1/recommendations/?as_of=2013-01-01").json()

    statuses = {row["reference"]: row["status"] for row in body["results"]}
    assert statuses == {"97.1": "implemented", "97.2": "not_started", "98.1": "not_started"}
    assert body["count"] == reader.get("/api/v1/stats/?as_of=2013-01-01").json()["overall"]["total"]


def test_the_list_filtered_by_status_as_of_a_day(reader, world, interior_progress_in_2014):
    then = reader.get("/api/v1/recommendations/?as_of=2013-01-01&status=not_started").json()
    now = reader.get("/api/v1/recommendations/?status=not_started").json()

    assert {row["reference"] for row in then["results"]} == {"97.2", "98.1"}
    assert {row["reference"] for row in now["results"]} == {"98.1"}


def test_the_recommendation_page_and_its_figures_are_as_of_the_day(
    client, world, interior_progress_in_2014
):
    client.force_login(world.users["adviser"])

    page = client.get("/recommendations/", {"as_of": "2013-01-01", "status": "not_started"})

    assert page.status_code == 200
    rows = {r.reference: r.current_status for r in page.context["recommendations"]}
    assert rows == {"97.2": "not_started", "98.1": "not_started"}
    then = Recommendation.objects.filter(reference__in=rows)
    assert page.context["measure"] == measure(then, as_of=date(2013, 1, 1))


@pytest.mark.parametrize("path", ["/api/v1/recommendations/", "/api/v1/stats/"])
def test_as_of_is_a_documented_parameter(reader, path):
    schema = reader.get("/api/v1/schema/?format=json").json()

    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert parameters["as_of"]["schema"] == {"type": "string", "format": "date"}
    assert parameters["as_of"]["description"]


def test_stats_by_review_as_of_a_day_is_what_measure_by_says(reader, world, second_review):
    body = reader.get("/api/v1/stats/?group_by=review&as_of=2015-04-30").json()

    groups = measure_by(Recommendation.objects.all(), "review", as_of=date(2015, 4, 30))
    assert [group["key"] for group in body["results"]] == [group.key for group in groups]


def test_the_export_of_the_list_as_of_a_day_gives_each_status_of_that_day(
    client, world, interior_progress_in_2014, second_review
):
    client.force_login(world.users["adviser"])

    response = client.get("/recommendations/export/", {"as_of": "2013-01-01", "format": "csv"})

    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    reference, status = header.index("Reference"), header.index("Current status")
    assert {row[reference]: row[status] for row in rows} == {
        "97.1": "Implemented",
        "97.2": "Not started",
        "98.1": "Not started",
    }
