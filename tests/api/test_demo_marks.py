"""The API marks demo figures: ``includes_demo`` on ``stats`` (overall and per group),
``status_is_demo`` on each recommendation, both in the OpenAPI document; without demo
data both are false everywhere."""

from datetime import date

import pytest

from tests.factories import ProgressUpdateFactory


@pytest.fixture
def demo_assessed(world):
    """The interior ministry's recommendation assessed by a demo update (validated)."""
    return ProgressUpdateFactory(
        recommendation=world.interior_recommendation,
        institution=world.interior_ministry,
        assessed_on=date(2013, 1, 1),
        is_demo=True,
    )


def test_stats_say_which_figures_count_a_demo_assessment(api_as, world, demo_assessed):
    body = api_as("partner").get("/api/v1/stats/?group_by=institution").json()

    groups = {group["key"]: group["includes_demo"] for group in body["results"]}
    assert body["overall"]["includes_demo"] is True
    assert groups == {
        world.interior_ministry.pk: True,
        world.justice_ministry.pk: False,
        None: False,  # the noted recommendation, assigned to no institution
    }


def test_stats_as_of_a_day_before_the_demo_assessment_include_none(api_as, demo_assessed):
    body = api_as("partner").get("/api/v1/stats/?as_of=2012-12-31").json()

    assert body["overall"]["includes_demo"] is False


def test_stats_in_csv_carry_the_mark_on_every_line(api_as, demo_assessed):
    response = api_as("partner").get("/api/v1/stats/?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")

    header, *lines = text.splitlines()
    column = header.split(",").index("includes_demo")
    assert [line.split(",")[column] for line in lines] == ["true", "true"]


def test_each_recommendation_says_whether_its_status_is_a_demo_assessment(
    api_as, world, demo_assessed
):
    results = api_as("partner").get("/api/v1/recommendations/").json()["results"]

    flags = {row["reference"]: row["status_is_demo"] for row in results}
    assert flags == {"97.1": False, "97.2": True, "98.1": False}


def test_as_of_a_day_the_flag_is_that_days(api_as, world, demo_assessed):
    results = api_as("partner").get("/api/v1/recommendations/?as_of=2012-12-31").json()

    assert {row["status_is_demo"] for row in results["results"]} == {False}


def test_without_demo_data_nothing_is_marked(api_as):
    partner = api_as("partner")

    stats = partner.get("/api/v1/stats/?group_by=theme").json()
    recommendations = partner.get("/api/v1/recommendations/").json()["results"]

    assert stats["overall"]["includes_demo"] is False
    assert {group["includes_demo"] for group in stats["results"]} == {False}
    assert {row["status_is_demo"] for row in recommendations} == {False}


def test_the_schema_documents_both_marks(api_as):
    schema = api_as("partner").get("/api/v1/schema/?format=json").json()["components"]["schemas"]

    assert "demo" in schema["Measure"]["properties"]["includes_demo"]["description"]
    assert "demo" in schema["Recommendation"]["properties"]["status_is_demo"]["description"]
    assert "includes_demo" in schema["Measure"]["required"]
