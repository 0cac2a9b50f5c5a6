"""/api/v1/ lists the resources; /api/v1/schema/ is the OpenAPI 3 document of all
of it; /api/v1/docs/ serves interactive docs whose assets come from the app. The
document and the docs are shown to whoever may read the data, as the data is."""

import re
from io import StringIO

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db

RESOURCES = [
    "reviews",
    "recommendations",
    "actions",
    "progress-updates",
    "engagements",
    "institutions",
    "themes",
    "states",
    "stats",
]


@pytest.fixture
def reader(api_as):
    return api_as("adviser")


@pytest.fixture
def schema(reader):
    response = reader.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_the_root_lists_every_resource(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    links = response.json()
    assert set(RESOURCES) <= set(links)
    assert links["stats"] == "http://testserver/api/v1/stats/"
    assert links["docs"] == "http://testserver/api/v1/docs/"


def test_the_schema_is_openapi_3_and_covers_every_resource(schema):
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for resource in RESOURCES:
        assert f"/api/v1/{resource}/" in paths
    for step in ("submit", "validate", "return"):
        assert f"/api/v1/progress-updates/{{id}}/{step}/" in paths


def test_the_schema_documents_the_filters_of_recommendations_and_stats(schema):
    filters = {
        "review", "cycle", "state_under_review", "recommending_state", "position", "status",
        "theme", "institution", "sdg", "affected_group", "updated_since", "search",
    }  # fmt: skip
    for path in ("/api/v1/recommendations/", "/api/v1/stats/"):
        names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}
        assert filters <= names, path
    stats = {p["name"]: p for p in schema["paths"]["/api/v1/stats/"]["get"]["parameters"]}
    assert "recommending_state" in stats["group_by"]["schema"]["enum"]
    assert stats["as_of"]["schema"]["format"] == "date"


def test_the_schema_documents_pagination_csv_and_its_limits(schema):
    operation = schema["paths"]["/api/v1/recommendations/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}

    assert parameters["page_size"]["schema"]["maximum"] == 500
    assert "refused with 400" in parameters["page_size"]["description"]
    assert parameters["format"]["schema"]["enum"] == ["json", "csv"]
    assert "text/csv" in operation["responses"]["200"]["content"]
    page = schema["components"]["schemas"]["PaginatedRecommendationList"]
    assert {"count", "next", "previous", "results"} <= set(page["properties"])


def test_the_schema_documents_authentication_errors_etags_and_if_match(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": schemes["tokenAuth"]["description"],
    }
    assert "cookieAuth" in schemes
    update = schema["paths"]["/api/v1/recommendations/{id}/"]["patch"]
    assert {"400", "401", "403", "404", "412", "413"} <= set(update["responses"])
    assert "If-Match" in {parameter["name"] for parameter in update["parameters"]}
    retrieve = schema["paths"]["/api/v1/recommendations/{id}/"]["get"]
    assert "ETag" in retrieve["responses"]["200"]["headers"]
    assert {"Error", "FieldErrors"} <= set(schema["components"]["schemas"])


def test_the_schema_generates_without_warnings_or_errors():
    output, errors = StringIO(), StringIO()

    call_command("spectacular", "--validate", "--fail-on-warn", stdout=output, stderr=errors)

    assert yaml.safe_load(output.getvalue())["info"]["title"] == "UPR Tracker API"
    assert "Warning" not in errors.getvalue()


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/"])
def test_anonymous_visitors_of_a_private_deployment_get_no_schema_or_docs(api_as, path):
    response = api_as("anonymous").get(path)

    assert response.status_code == 401
    assert "paths" not in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/"])
def test_anonymous_visitors_of_a_public_deployment_read_the_schema_and_docs(api_as, path):
    assert api_as("public").get(path).status_code == 200


def test_the_docs_page_loads_everything_from_the_app_itself(reader):
    client = reader
    response = client.get("/api/v1/docs/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui" in html
    hosts = re.findall(r"(?:https?:)?//([\w.-]+)", html)
    assert hosts == [], hosts
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(asset.startswith("/static/") for asset in assets)
    assert '"validatorUrl": null' in html
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        if hasattr(served, "streaming_content"):
            b"".join(served.streaming_content)
