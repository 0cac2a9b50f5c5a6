"""?format=csv on every list: every matching row (not one page), streamed as it
is read, in flat columns; errors stay JSON."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Position
from tests.factories import RecommendationFactory
from web.api.csv_export import cell

pytestmark = pytest.mark.django_db

LISTS = [
    "reviews",
    "recommendations",
    "actions",
    "progress-updates",
    "engagements",
    "institutions",
    "themes",
    "states",
]


def rows_of(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def coordinator(api_as):
    return api_as("coordinator")


@pytest.mark.parametrize("resource", LISTS)
def test_every_list_downloads_as_csv_with_the_json_fields_as_columns(coordinator, resource):
    json_rows = coordinator.get(f"/api/v1/{resource}/").json()["results"]

    response = coordinator.get(f"/api/v1/{resource}/?format=csv")

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{resource}.csv"'
    rows = rows_of(response)
    assert len(rows) == len(json_rows) > 0
    assert list(rows[0]) == list(json_rows[0])
    assert [row[next(iter(row))] for row in rows] == [
        str(row[next(iter(row))]) for row in json_rows
    ]


def test_the_csv_has_every_matching_row_not_one_page(coordinator, world):
    RecommendationFactory.create_batch(60, review=world.review, position=Position.NOTED)

    page = coordinator.get("/api/v1/recommendations/?position=noted").json()
    rows = rows_of(coordinator.get("/api/v1/recommendations/?position=noted&format=csv"))

    assert len(page["results"]) == 50
    assert len(rows) == page["count"] == 61
    assert {row["position"] for row in rows} == {"noted"}


def test_the_csv_respects_the_filters_and_flattens_lists(coordinator, world):
    rows = rows_of(coordinator.get("/api/v1/recommendations/?theme=trafficking&format=csv"))

    assert [row["reference"] for row in rows] == ["97.1"]
    assert rows[0]["themes"] == "trafficking"
    assert rows[0]["recommending_states"] == "FRA"
    assert rows[0]["status"] == "implemented"
    assert rows[0]["lead_institution"] == str(world.justice_ministry.pk)


def test_rows_are_read_while_the_file_is_sent_not_before(coordinator, world):
    with CaptureQueriesContext(connection) as before_sending:
        response = coordinator.get("/api/v1/recommendations/?format=csv")
    with CaptureQueriesContext(connection) as while_sending:
        rows = rows_of(response)

    table = "recommendations_recommendation"
    assert not any(f'FROM "{table}"' in query["sql"] for query in before_sending.captured_queries)
    assert any(f'FROM "{table}"' in query["sql"] for query in while_sending.captured_queries)
    assert len(rows) == 3


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_stays_text(coordinator, world):
    world.noted_recommendation.text = '=HYPERLINK("http://example.org","click")'
    world.noted_recommendation.save()

    rows = rows_of(coordinator.get("/api/v1/recommendations/?position=noted&format=csv"))

    assert rows[0]["text"] == '\'=HYPERLINK("http://example.org","click")'


def test_a_partner_downloads_only_validated_updates(api_as, world):
    rows = rows_of(api_as("partner").get("/api/v1/progress-updates/?format=csv"))

    assert [int(row["id"]) for row in rows] == [world.validated.pk]
    assert rows[0]["workflow_state"] == "validated"


def test_an_error_asked_for_as_csv_is_still_json(coordinator, world):
    response = coordinator.get("/api/v1/recommendations/?format=csv&position=approved")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "position" in response.json()


def test_anonymous_visitors_get_no_csv_on_a_private_deployment(api_as, world):
    response = api_as("anonymous").get("/api/v1/recommendations/?format=csv")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"


def test_stats_download_as_one_row_per_group_and_one_for_all(coordinator, world):
    response = coordinator.get("/api/v1/stats/?group_by=position&format=csv")

    rows = rows_of(response)
    assert response["Content-Disposition"] == 'attachment; filename="stats-by-position.csv"'
    assert [row["label"] for row in rows] == ["Supported", "Noted", "All"]
    assert rows[-1]["total"] == "3"
    assert rows[0]["status_implemented"] == "1"
    assert rows[0]["percent_implemented"] == "50.0"
    assert rows[1]["percent_implemented"] == ""


def test_a_single_resource_has_no_csv(coordinator, world):
    response = coordinator.get(f"/api/v1/themes/{world.theme.slug}/?format=csv")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_each_recommendation_row_holds_what_the_json_shows(coordinator, world):
    from recommendations.models import Responsibility
    from tests.factories import InstitutionFactory, StateFactory, ThemeFactory

    rich = RecommendationFactory(review=world.review, reference="99.9")
    rich.recommending_states.set(
        [StateFactory(iso3="ZMB", name="Zambia"), StateFactory(iso3="AUT", name="Austria")]
    )
    rich.themes.set([ThemeFactory(name="Zebra", slug="a-slug"), ThemeFactory(name="Apple")])
    rich.sdg_goals.set([16, 5, 10])
    for institution in InstitutionFactory.create_batch(3):
        Responsibility.objects.create(
            recommendation=rich, institution=institution, role="supporting"
        )
    json_rows = coordinator.get("/api/v1/recommendations/?page_size=500").json()["results"]

    rows = rows_of(coordinator.get("/api/v1/recommendations/?format=csv"))

    assert rows == [{name: cell(value) for name, value in row.items()} for row in json_rows]
    assert any(row["sdg_goals"] == "5; 10; 16" for row in rows)
