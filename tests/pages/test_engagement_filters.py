"""One filter set of engagements: the timeline, its download and the API take the
same parameters, with the names the API documents, and select the same engagements."""

from datetime import date

import pytest
from django.urls import reverse

from tests.exporting.spreadsheets import csv_rows
from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagements(world, justice, interior):
    """The world's visit (2009, Belarus, the interior ministry taking part, on 97.1) and
    seminar (2015, Belarus, organised by justice, funded by UNDP, on the UPR), and a
    dialogue concerning no state in particular."""
    EngagementFactory(kind="dialogue", title="Regional dialogue", start_date=date(2012, 6, 1))
    return {
        "interior": interior.pk,
        "justice": justice.pk,
        "undp": world.engagements["undp"].pk,
        "r97_1": world.recommendations["97.1"].pk,
    }


VISIT = "Visit of the Special Rapporteur on trafficking"
SEMINAR = "Seminar on the death penalty"
QUERIES = [
    ("kind=training", {SEMINAR}),
    ("kind=training&kind=country_visit", {SEMINAR, VISIT}),
    ("year=2009", {VISIT}),
    ("institution={interior}", {VISIT}),  # a participant
    ("institution={justice}", {SEMINAR}),  # an organiser
    ("institution={undp}", {SEMINAR}),  # a funder
    ("mechanism=UPR", {SEMINAR}),
    ("state_concerned=BLR", {SEMINAR, VISIT}),
    ("recommendation={r97_1}", {VISIT}),
    ("state_concerned=BLR&year=2015", {SEMINAR}),
]


def on_the_timeline(client, query):
    page = client.get(f"{reverse('engagement-list')}?{query}")
    assert page.status_code == 200
    return {engagement.title for engagement in page.context["engagements"]}


def in_the_download(client, query):
    response = client.get(f"{reverse('engagement-export')}?{query}")
    assert response.status_code == 200
    return {row[1] for row in csv_rows(response)[1:]}


def in_the_api(client, query):
    response = client.get(f"{reverse('api:engagements-list')}?{query}")
    assert response.status_code == 200, response.json()
    return {engagement["title"] for engagement in response.json()["results"]}


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_the_timeline_its_download_and_the_api_select_the_same_engagements(
    log_in, engagements, query, expected
):
    client = log_in("adviser")
    query = query.format_map(engagements)

    assert on_the_timeline(client, query) == expected
    assert in_the_download(client, query) == expected
    assert in_the_api(client, query) == expected


@pytest.mark.parametrize(
    ("former", "current"),
    [("organisation={interior}", "institution={interior}"), ("state=BLR", "state_concerned=BLR")],
)
def test_the_timelines_former_parameter_names_still_filter(log_in, engagements, former, current):
    client = log_in("adviser")
    former, current = former.format_map(engagements), current.format_map(engagements)

    assert on_the_timeline(client, former) == on_the_timeline(client, current)
    assert in_the_download(client, former) == in_the_download(client, current)
    assert on_the_timeline(client, former) != on_the_timeline(client, "")


def test_an_unknown_value_is_refused_alike_by_the_download_and_the_api(log_in, engagements):
    client = log_in("adviser")

    download = client.get(reverse("engagement-export"), {"mechanism": "NOPE"})
    api = client.get(reverse("api:engagements-list"), {"mechanism": "NOPE"})

    assert (download.status_code, api.status_code) == (400, 400)
    assert "mechanism" in download.json()["errors"]
    assert "mechanism" in api.json()
