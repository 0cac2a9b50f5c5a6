"""Two people close the loop in real browsers: the Ministry of Justice officer
reports progress with a file, the coordinator returns it with a comment, the
officer corrects and resubmits, the coordinator validates, and the dashboard's
share implemented moves by exactly what the measure says."""

import re

import pytest

from recommendations.models import SUPPORTED_POSITIONS, ProgressUpdate, Recommendation, Status
from recommendations.selectors import measure, with_current_status
from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << >>\n%%EOF\n"


def a_justice_recommendation_not_yet_implemented() -> Recommendation:
    candidates = with_current_status(
        Recommendation.objects.filter(
            position__in=SUPPORTED_POSITIONS,
            responsibilities__institution__name="Ministry of Justice",
            responsibilities__role="lead",
        )
    ).exclude(current_status=Status.IMPLEMENTED)
    return candidates.select_related("review").order_by("sort_key").first()


def dashboard_text(page) -> str:
    page.goto("/")
    return page.locator("main").inner_text().replace("\xa0", " ")


@pytest.fixture
def second_page(chromium, live_server):
    """A second person's browser, with its own cookies."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def assert_accessible(page):
    assert serious_accessibility_violations(page) == [], page.url


def test_the_validation_loop_moves_the_dashboard(page, second_page, demo_live, tmp_path):
    justice, coordinator = page, second_page
    recommendation = a_justice_recommendation_not_yet_implemented()
    review_recommendations = Recommendation.objects.filter(review=recommendation.review)
    before = measure(review_recommendations)
    evidence = tmp_path / "moratorium-decree.pdf"
    evidence.write_bytes(PDF)

    log_in(justice, "justice")
    log_in(coordinator, "coordinator")
    assert str(before.percent_implemented) in dashboard_text(coordinator)
    coordinator.goto("/workspace/start/")

    # The officer lands on My recommendations and reports progress with a file.
    assert justice.url.endswith("/workspace/")
    assert justice.get_by_role("heading", name="My recommendations", level=1).is_visible()
    assert_accessible(justice)
    justice.get_by_role("link", name=recommendation.reference, exact=True).first.click()
    assert_accessible(justice)
    justice.get_by_role("link", name="Report progress").click()
    justice.get_by_label("Proposed status").select_option("implemented")
    justice.get_by_label("Assessed on").fill("2024-04-30")
    justice.get_by_label("What was done").fill("A decree was adopted.")
    justice.get_by_label("Evidence file").set_input_files(str(evidence))
    justice.get_by_role("button", name="Submit for validation").click()
    assert "submitted to the coordinators" in justice.get_by_role("status").inner_text()
    update = ProgressUpdate.objects.get(
        recommendation=recommendation, narrative="A decree was adopted."
    )
    assert update.workflow_state == "submitted"
    assert update.evidence_file.read() == PDF

    # The coordinator, in the queue, returns it with a comment.
    coordinator.reload()
    assert coordinator.url.endswith("/workspace/queue/")
    assert_accessible(coordinator)
    coordinator.get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(recommendation.reference)} ")
    ).check()
    coordinator.get_by_label("Comment for the institution").fill(
        "Give the decree's number and date."
    )
    coordinator.get_by_role("button", name="Return selected").click()
    assert "1 update returned" in coordinator.get_by_role("status").inner_text()

    # The officer sees the comment, corrects and resubmits.
    justice.goto("/workspace/")
    returned = justice.get_by_role("region", name=re.compile("Returned to you"))
    assert "Give the decree's number and date." in returned.inner_text()
    returned.get_by_role("link", name=re.compile("correct and resubmit")).click()
    assert "Give the decree's number and date." in justice.locator("main").inner_text()
    assert_accessible(justice)
    justice.get_by_label("What was done").fill("Decree No. 17 of 30 April 2024 was adopted.")
    justice.get_by_role("button", name="Resubmit for validation").click()
    update.refresh_from_db()
    assert update.workflow_state == "submitted"
    assert update.evidence_file.read() == PDF

    # The coordinator validates it; the dashboard follows.
    coordinator.goto("/workspace/queue/")
    coordinator.get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(recommendation.reference)} ")
    ).check()
    coordinator.get_by_role("button", name="Validate selected").click()
    assert "1 update validated" in coordinator.get_by_role("status").inner_text()
    update.refresh_from_db()
    assert update.workflow_state == "validated"

    after = measure(review_recommendations)
    assert after.implemented == before.implemented + 1
    assert after.percent_implemented > before.percent_implemented
    assert str(after.percent_implemented) in dashboard_text(coordinator)


def test_the_history_and_the_form_errors_have_no_serious_accessibility_violations(page, demo_live):
    recommendation = a_justice_recommendation_not_yet_implemented()
    log_in(page, "justice")

    page.goto(f"/workspace/recommendations/{recommendation.pk}/updates/new/")
    page.get_by_label("Assessed on").fill("")
    page.get_by_role("button", name="Submit for validation").click()
    assert "Please correct what is marked below" in page.locator("main").inner_text()
    assert_accessible(page)

    page.goto(f"/workspace/recommendations/{recommendation.pk}/actions/new/")
    assert_accessible(page)
    page.goto(f"/workspace/history/recommendation/{recommendation.pk}/")
    assert_accessible(page)
    page.goto("/workspace/password/")
    assert_accessible(page)


def test_my_recommendations_fits_a_phone_screen(phone_page, demo_live):
    log_in(phone_page, "justice")

    assert phone_page.url.endswith("/workspace/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
