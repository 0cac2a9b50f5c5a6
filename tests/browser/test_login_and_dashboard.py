"""A person opens the tracker, logs in and reads the first dashboard."""

import pytest

from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_adviser_logs_in_and_sees_the_share_implemented(page, demo_live):
    page.goto("/")  # the demo's first cycle is published: anonymous visitors read it
    assert page.get_by_role("heading", name="Implementation of recommendations").is_visible()
    assert "/accounts/login/" not in page.url

    log_in(page, "adviser")

    assert page.get_by_role("heading", name="Implementation of recommendations").is_visible()
    first_cycle = page.get_by_role("region", name="Belarus — UPR cycle 1 (2010)")
    assert "% implemented" in first_cycle.inner_text().replace("\xa0", " ")
    assert (
        "No recommendations recorded."
        in page.get_by_role("region", name="Belarus — UPR cycle 2 (2015)").inner_text()
    )


def test_login_and_dashboard_have_no_serious_accessibility_violations(page, demo_live):
    page.goto("/accounts/login/")
    assert serious_accessibility_violations(page) == []

    log_in(page, "adviser")

    assert serious_accessibility_violations(page) == []


def test_the_dashboard_fits_a_phone_screen(phone_page, demo_live):
    log_in(phone_page, "adviser")

    width = phone_page.evaluate("document.documentElement.scrollWidth")

    assert width <= 375
