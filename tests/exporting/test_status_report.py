"""A review's mid-term status report: the printable page and the Word document."""

import io
from datetime import date

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.models import ImplementationAction, ProgressUpdate, Recommendation, Role
from recommendations.selectors import measure
from tests.factories import (
    ImplementationActionFactory,
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def page_url(review):
    return reverse("review-status-report", args=[review.pk])


def document_url(review):
    return reverse("review-status-report-docx", args=[review.pk])


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.PARTNER))
    return client


@pytest.fixture
def review():
    return ReviewCycleFactory(state_under_review=StateFactory(iso3="BLR", name="Belarus"))


def entry(review, reference, *themes, **values):
    recommendation = RecommendationFactory(review=review, reference=reference, **values)
    recommendation.themes.set([ThemeFactory(name=name, slug=name.lower()) for name in themes])
    recommendation.recommending_states.set([StateFactory(iso3="ESP", name="Spain")])
    return recommendation


def text_of(document) -> str:
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(parts)


def test_the_page_opens_with_the_reviews_figures(reader, review):
    implemented = entry(review, "97.1", "Trafficking")
    ProgressUpdateFactory(recommendation=implemented, status="implemented")
    entry(review, "97.2", "Trafficking")
    entry(review, "98.1", "Death penalty", position="noted")

    page = reader.get(page_url(review))

    figures = page.context["report"].figures
    assert figures == measure(Recommendation.objects.filter(review=review))
    html = page.content.decode()
    assert "<h1>Mid-term status report</h1>" in html
    assert "<dt>Recommendations</dt><dd>3</dd>" in html
    assert "<dt>Supported (wholly or in part)</dt><dd>2</dd>" in html
    assert "<dt>% implemented</dt><dd>50.0\u00a0%</dd>" in html  # a no-break space


def test_each_recommendation_is_listed_once_under_its_first_theme(reader, review):
    entry(review, "97.1", "Trafficking", "Detention")
    entry(review, "97.2", "Trafficking")
    entry(review, "97.3")

    report = reader.get(page_url(review)).context["report"]

    listed = [(s.theme, [e.reference for e in s.entries]) for s in report.sections]
    assert listed == [
        ("Detention", ["97.1"]),
        ("Trafficking", ["97.2"]),
        ("Recommendations without a theme", ["97.3"]),
    ]
    assert report.sections[0].entries[0].other_themes == ["Trafficking"]


def test_an_entry_shows_states_position_status_actions_and_institutions(reader, review):
    recommendation = entry(review, "97.1", "Trafficking")
    justice = InstitutionFactory(name="Ministry of Justice")
    ResponsibilityFactory(recommendation=recommendation, institution=justice)
    ResponsibilityFactory(
        recommendation=recommendation,
        institution=InstitutionFactory(name="Ministry of Internal Affairs"),
        role="supporting",
    )
    ProgressUpdateFactory(recommendation=recommendation, status="in_progress")
    taken = ImplementationActionFactory(
        title="Law on combating trafficking adopted",
        institution=justice,
        status=ImplementationAction.ActionStatus.COMPLETED,
        start_date=date(2012, 1, 10),
    )
    planned = ImplementationActionFactory(title="A plan not yet started", institution=justice)
    taken.recommendations.add(recommendation)
    planned.recommendations.add(recommendation)

    html = reader.get(page_url(review)).content.decode()

    assert '<h3 id="entry-1-1">97.1</h3>' in html
    assert "<dt>Recommending states</dt><dd>Spain</dd>" in html
    assert "<dt>Position</dt><dd>Supported</dd>" in html
    assert "<dt>Current status</dt><dd>In progress</dd>" in html
    assert "Ministry of Justice (lead), Ministry of Internal Affairs" in html
    assert (
        "Law on combating trafficking adopted (Ministry of Justice; completed; 10 Jan 2012)" in html
    )
    assert "A plan not yet started" not in html


def test_only_validated_progress_counts(reader, review):
    recommendation = entry(review, "97.1", "Trafficking")
    ProgressUpdateFactory(recommendation=recommendation, status="partially_implemented")
    ProgressUpdateFactory(
        recommendation=recommendation,
        status="implemented",
        assessed_on=date(2014, 1, 1),
        workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
        reviewed_at=None,
    )

    page = reader.get(page_url(review))

    assert page.context["report"].sections[0].entries[0].status == "Partially implemented"
    assert "<dt>Implemented</dt><dd>0</dd>" in page.content.decode()


def test_the_word_document_holds_the_same_report(reader, review):
    implemented = entry(review, "97.1", "Trafficking")
    ProgressUpdateFactory(recommendation=implemented, status="implemented")
    entry(review, "98.1", "Death penalty", position="noted")

    response = reader.get(document_url(review))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        f"Mid-term status report: {review}",
        "Summary",
        "Overdue",
        "Death penalty",
        "98.1",
        "Trafficking",
        "97.1",
    ]
    text = text_of(document)
    assert "Recommendations | 2" in text
    assert "% implemented | 100.0\u00a0%" in text
    assert "Current status | Implemented" in text
    assert "Recommending states | Spain" in text


def test_the_demo_report_lists_belarus_93_paragraphs(client, demo):
    client.login(username="adviser", password="demo password for tests")
    review = Recommendation.objects.get(reference="97.1").review

    page = client.get(page_url(review))
    document = docx.Document(io.BytesIO(client.get(document_url(review)).content))

    report = page.context["report"]
    assert sum(len(section.entries) for section in report.sections) == 93
    assert report.has_demo_data
    assert "demo data: illustrations, not official assessments" in page.content.decode()
    assert "Accepted, as the government reports it | 75" in text_of(document)
    assert "Recommendations | 93" in text_of(document)


def test_anonymous_visitors_are_sent_to_log_in(client, review):
    for url in (page_url(review), document_url(review)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_an_unknown_review_is_not_found(reader):
    assert reader.get(reverse("review-status-report", args=[999])).status_code == 404
    assert reader.get(reverse("review-status-report-docx", args=[999])).status_code == 404


@pytest.mark.parametrize("url", [page_url, document_url])
def test_the_number_of_queries_does_not_grow_with_the_review(reader, review, url):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(url(review)).status_code == 200
        return len(captured)

    def add(reference):
        recommendation = entry(review, reference, "Trafficking", "Detention")
        ResponsibilityFactory(recommendation=recommendation)
        action = ImplementationActionFactory(status="ongoing")
        action.recommendations.add(recommendation)
        ProgressUpdateFactory(recommendation=recommendation)

    add("97.1")
    one = queries()
    add("97.2")
    add("97.3")

    assert queries() == one
