"""Every download says which figures and statuses are demo assessments, in a form that
survives copying (a column per row, a line of the summary); without demo data the
files are as they always were."""

import io

import docx
import pytest
from django.urls import reverse

from recommendations.importing.tracker_format import COLUMN_NAMES
from recommendations.models import Role
from tests.factories import ProgressUpdateFactory, RecommendationFactory, UserFactory

from .spreadsheets import csv_rows, sheet_rows, workbook

pytestmark = pytest.mark.django_db

EXPORT = reverse("recommendation-export")


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.ADVISER))
    return client


@pytest.fixture
def one_demo_one_real():
    demo = ProgressUpdateFactory(is_demo=True).recommendation
    real = ProgressUpdateFactory(recommendation__review=demo.review).recommendation
    return demo, real


def test_the_csv_says_of_each_row_whether_its_status_is_a_demo_assessment(
    reader, one_demo_one_real
):
    demo, real = one_demo_one_real

    header, *rows = csv_rows(reader.get(EXPORT, {"format": "csv"}))

    assert header == [*COLUMN_NAMES, "Status is a demo assessment"]
    flags = {row[header.index("Reference")]: row[-1] for row in rows}
    assert flags == {demo.reference: "yes", real.reference: "no"}


def test_the_workbook_says_it_on_each_row_and_on_its_summary(reader, one_demo_one_real):
    book = workbook(reader.get(EXPORT, {"format": "xlsx"}))

    listed = sheet_rows(book["Recommendations"])
    summary = sheet_rows(book["Summary"])
    assert listed[0][-1] == "Status is a demo assessment"
    assert sorted(row[-1] for row in listed[1:]) == ["no", "yes"]
    assert summary[1] == [
        "Demo data",
        "These figures count illustrative assessments, not official ones.",
    ]


def test_a_filtered_download_without_a_demo_status_has_no_demo_line(reader, one_demo_one_real):
    _demo, real = one_demo_one_real

    book = workbook(reader.get(EXPORT, {"format": "xlsx", "search": real.reference}))

    assert "Demo data" not in [row[0] for row in sheet_rows(book["Summary"])]


def test_without_demo_data_the_files_have_no_demo_column_or_line(reader):
    ProgressUpdateFactory()
    RecommendationFactory()

    header, *_rows = csv_rows(reader.get(EXPORT, {"format": "csv"}))
    book = workbook(reader.get(EXPORT, {"format": "xlsx"}))

    assert tuple(header) == COLUMN_NAMES
    assert "demo" not in str(sheet_rows(book["Recommendations"])[0]).lower()
    assert "demo" not in str(sheet_rows(book["Summary"])).lower()


def test_the_status_report_document_marks_demo_figures_and_statuses(reader, one_demo_one_real):
    demo, _real = one_demo_one_real
    url = reverse("review-status-report-docx", args=[demo.review.pk])

    document = docx.Document(io.BytesIO(reader.get(url).content))

    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Demo data: these figures count illustrative assessments" in text
    assert "Implemented (demo)" in cells
    assert "Implemented" in cells  # the real assessment, unmarked
