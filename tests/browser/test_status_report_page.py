"""The mid-term status report in a browser: readable, accessible, and fit for a phone."""

import pytest

from recommendations.models import ReviewCycle
from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)


def first_cycle_report():
    review = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)
    return f"/reviews/{review.pk}/status-report/"


def test_the_status_report_has_no_serious_accessibility_violations(page, demo_live):
    log_in(page, "adviser")
    page.goto(first_cycle_report())

    assert page.get_by_role("heading", name="Mid-term status report").is_visible()
    assert page.get_by_role("link", name="Download as a Word document (DOCX)").is_visible()
    assert serious_accessibility_violations(page) == []


def test_the_status_report_fits_a_phone_screen(phone_page, demo_live):
    log_in(phone_page, "adviser")
    phone_page.goto(first_cycle_report())

    width = phone_page.evaluate("document.documentElement.scrollWidth")

    assert width <= 375


def test_printing_hides_the_menus_and_links(page, demo_live):
    log_in(page, "adviser")
    page.goto(first_cycle_report())
    page.emulate_media(media="print")

    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.get_by_role("link", name="Download as a Word document (DOCX)").is_visible()
    assert page.get_by_role("heading", name="97.1", exact=True).is_visible()
