"""The plans in a review's mid-term status report: each listed action's indicators with
their latest validated value against the target, and what is overdue on the report's day
(the page and the Word document alike)."""

import io
from datetime import date, timedelta

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from recommendations.models import IndicatorValue, Role
from tests.factories import (
    ImplementationActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InstitutionFactory,
    RecommendationFactory,
    ReviewCycleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.PARTNER))
    return client


@pytest.fixture
def review():
    return ReviewCycleFactory()


@pytest.fixture
def plan(review):
    """An ongoing action of the Ministry of Justice for 97.1, with an indicator."""
    recommendation = RecommendationFactory(review=review, reference="97.1")
    action = ImplementationActionFactory(
        title="Shelters opened",
        institution=InstitutionFactory(name="Ministry of Justice"),
        status="ongoing",
    )
    action.recommendations.add(recommendation)
    indicator = IndicatorFactory(
        action=action,
        name="Victims referred",
        unit="persons",
        baseline=10,
        target="100.5",
        next_report_date=None,
    )
    return action, indicator


def page_text(reader, review) -> str:
    return reader.get(reverse("review-status-report", args=[review.pk])).content.decode()


def document_text(reader, review) -> str:
    response = reader.get(reverse("review-status-report-docx", args=[review.pk]))
    document = docx.Document(io.BytesIO(response.content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(parts)


def test_an_action_shows_its_indicators_latest_validated_value_against_the_target(
    reader, review, plan
):
    _, indicator = plan
    IndicatorValueFactory(indicator=indicator, value=31, measured_on=date(2013, 6, 30))
    IndicatorValueFactory(indicator=indicator, value=12, measured_on=date(2012, 6, 30))
    IndicatorValueFactory(
        indicator=indicator,
        value=99,
        measured_on=date(2014, 6, 30),
        workflow_state=IndicatorValue.WorkflowState.SUBMITTED,
        reviewed_at=None,
    )
    line = "Victims referred: 31 persons (30 Jun 2013) against a target of 100.5 persons"

    page, document = page_text(reader, review), document_text(reader, review)

    assert f"<li>{line} (baseline 10 persons)</li>" in page
    assert f"– {line} (baseline 10 persons)" in document
    assert "99 persons" not in page + document


def test_an_indicator_without_a_validated_value_says_so(reader, review, plan):
    page = page_text(reader, review)

    assert "Victims referred: no validated value yet against a target of 100.5 persons" in page


def test_what_is_overdue_on_the_day_of_the_report_is_listed(reader, review, plan):
    action, indicator = plan
    today = timezone.localdate()
    action.end_date = today - timedelta(days=1)
    action.save()
    indicator.next_report_date = today - timedelta(days=3)
    indicator.save()
    planned = ImplementationActionFactory(
        title="Hotline planned", status="planned", end_date=today - timedelta(days=2)
    )
    planned.recommendations.add(action.recommendations.get())
    on_time = ImplementationActionFactory(title="Due today", status="ongoing", end_date=today)
    on_time.recommendations.add(action.recommendations.get())

    page, document = page_text(reader, review), document_text(reader, review)

    for text in (page, document):
        overdue = text[text.index("Overdue") :]
        report = overdue.index("Report on the indicator “Victims referred” of “Shelters opened”")
        hotline = overdue.index("End of the action “Hotline planned”")
        shelters = overdue.index("End of the action “Shelters opened” (Ministry of Justice)")
        assert report < hotline < shelters  # the earliest first
        assert "“Due today”" not in text
    assert "Shelters opened (Ministry of Justice; Ongoing; " in document
    assert ") [overdue]" in document
    assert '<span class="overdue-flag">overdue</span>' in page
    assert "report overdue since" in page


def test_a_report_with_nothing_overdue_says_so(reader, review, plan):
    page = page_text(reader, review)

    for text in (page, document_text(reader, review)):
        assert "Nothing of this review's actions is overdue on" in text


def test_the_indicators_take_no_more_queries_however_many_there_are(reader, review, plan):
    action, indicator = plan
    IndicatorValueFactory(indicator=indicator)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page_text(reader, review)
        return len(captured)

    one = queries()
    for _ in range(3):
        more = IndicatorFactory(action=action, next_report_date=date(2000, 1, 1))
        IndicatorValueFactory(indicator=more)
        other = ImplementationActionFactory(status="ongoing", end_date=date(2000, 1, 1))
        other.recommendations.add(action.recommendations.get())
        IndicatorFactory(action=other)

    assert queries() == one
