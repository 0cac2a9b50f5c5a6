"""The filtered recommendation list as CSV and XLSX, in the tracker's own import format."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.importing.tracker_format import COLUMN_NAMES
from recommendations.models import Recommendation, Role
from recommendations.selectors import measure
from tests.factories import (
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
    UserFactory,
)
from tests.world import publish_every_review

from .spreadsheets import csv_rows, sheet_rows, workbook

pytestmark = pytest.mark.django_db

EXPORT = reverse("recommendation-export")


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.ADVISER))
    return client


@pytest.fixture
def belarus():
    state = StateFactory(iso3="BLR", name="Belarus")
    return ReviewCycleFactory(state_under_review=state, cycle=1, document_symbol="A/HRC/15/16")


def a_recommendation(review, reference="97.1", **values):
    recommendation = RecommendationFactory(review=review, reference=reference, **values)
    recommendation.recommending_states.set(
        [StateFactory(iso3="DZA", name="Algeria"), StateFactory(iso3="EGY", name="Egypt")]
    )
    recommendation.themes.set([ThemeFactory(name="Migrants", slug="migrants")])
    return recommendation


def test_the_csv_has_the_import_columns_and_one_row_per_recommendation(reader, belarus):
    recommendation = a_recommendation(belarus, action_category=3, position_at_review="pending")
    ResponsibilityFactory(recommendation=recommendation, institution=InstitutionFactory(name="MoJ"))
    ProgressUpdateFactory(recommendation=recommendation, status="partially_implemented")

    response = reader.get(EXPORT, {"format": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="recommendations-' in response["Content-Disposition"]
    header, row = csv_rows(response)
    assert tuple(header) == COLUMN_NAMES
    assert dict(zip(header, row, strict=True)) == {
        "State under review": "BLR",
        "Mechanism": "UPR",
        "Cycle": "1",
        "Document symbol": "A/HRC/15/16",
        "Reference": "97.1",
        "Text": recommendation.text,
        "Text (ru)": "",
        "Text (be)": "",
        "Recommending states": "Algeria; Egypt",
        "Position": "Supported",
        "Position at review": "Pending",
        "Position source": "",
        "Position explanation": "",
        "Accepted part": "",
        "Noted part": "",
        "Themes": "Migrants",
        "Affected groups": "",
        "SDG goals": "",
        "SDG targets": "",
        "Action category": "3",
        "Lead institution": "MoJ",
        "Supporting institutions": "",
        "OHCHR annotation id": "",
        "Current status": "Partially implemented",
    }


def test_the_filters_of_the_list_apply(reader, belarus):
    a_recommendation(belarus, "97.1")
    a_recommendation(belarus, "98.1", position="noted")
    other = ReviewCycleFactory(state_under_review=StateFactory(iso3="AGO", name="Angola"))
    a_recommendation(other, "100.1", position="noted")

    response = reader.get(EXPORT, {"state_under_review": "BLR", "position": "noted"})

    assert [row[4] for row in csv_rows(response)[1:]] == ["98.1"]


def test_filters_left_at_any_select_every_recommendation(reader, belarus):
    a_recommendation(belarus, "97.1")
    a_recommendation(belarus, "98.1", position="noted")

    response = reader.get(EXPORT, {"theme": "", "position": "", "format": "csv"})

    assert response.status_code == 200
    assert [row[4] for row in csv_rows(response)[1:]] == ["97.1", "98.1"]


def test_the_workbook_holds_the_list_and_its_figures(reader, belarus):
    implemented = a_recommendation(belarus, "97.1")
    ProgressUpdateFactory(recommendation=implemented, status="implemented")
    a_recommendation(belarus, "97.2")
    a_recommendation(belarus, "98.1", position="noted")

    response = reader.get(EXPORT, {"format": "xlsx", "review": belarus.pk})

    book = workbook(response)
    assert book.sheetnames == ["Recommendations", "Summary"]
    rows = sheet_rows(book["Recommendations"])
    assert tuple(rows[0]) == COLUMN_NAMES
    assert [row[4] for row in rows[1:]] == ["97.1", "97.2", "98.1"]
    figures = dict(sheet_rows(book["Summary"])[1:])
    expected = measure(Recommendation.objects.filter(review=belarus))
    assert figures["Recommendations"] == expected.total == 3
    assert figures["Supported (wholly or in part)"] == expected.supported == 2
    assert figures["% implemented"] == float(expected.percent_implemented) == 50.0


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(reader, belarus, kind):
    a_recommendation(belarus, text='=HYPERLINK("http://evil.example","click")')
    a_recommendation(belarus, "97.2", text="@SUM(1+1)", position_explanation="-2+3")

    response = reader.get(EXPORT, {"format": kind})

    rows = csv_rows(response) if kind == "csv" else sheet_rows(workbook(response).active)
    text, explanation = COLUMN_NAMES.index("Text"), COLUMN_NAMES.index("Position explanation")
    assert rows[1][text] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[2][text] == "'@SUM(1+1)"
    assert rows[2][explanation] == "'-2+3"
    if kind == "xlsx":
        cells = list(workbook(reader.get(EXPORT, {"format": kind})).active.iter_rows())
        assert all(cell.data_type != "f" for row in cells for cell in row)


def test_anonymous_visitors_are_sent_to_log_in(client, belarus):
    a_recommendation(belarus)

    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/recommendations/export/")


def test_the_public_may_export_where_the_dashboard_is_public(client, belarus, settings):
    a_recommendation(belarus)
    publish_every_review()

    response = client.get(EXPORT)

    assert [row[4] for row in csv_rows(response)[1:]] == ["97.1"]


def test_a_bad_filter_or_format_is_refused_with_the_reason(reader):
    response = reader.get(EXPORT, {"format": "pdf", "position": "maybe"})

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["format"] == ["choose one of csv, xlsx"]
    assert "maybe is not one of the available choices" in errors["position"][0]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_number_of_queries_does_not_grow_with_the_list(reader, belarus, kind):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = reader.get(EXPORT, {"format": kind})
            rows = csv_rows(response) if kind == "csv" else sheet_rows(workbook(response).active)
        return len(captured), len(rows) - 1

    one = a_recommendation(belarus, "97.1")
    ResponsibilityFactory(recommendation=one)
    single = queries()
    for reference in ("97.2", "97.3"):
        ResponsibilityFactory(recommendation=a_recommendation(belarus, reference))
    triple = queries()

    assert (single[1], triple[1]) == (1, 3)
    assert single[0] == triple[0]
