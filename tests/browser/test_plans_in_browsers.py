"""An action's plan in real browsers, at 1280 and 375 px: the Ministry of Justice officer
finds the demo's overdue indicator report in *Due dates*, reports a value and submits
it, the coordinator validates it in the queue, and the indicator then shows it as its
latest validated value, its next report date moved on; each plan page fits a phone and
has no serious accessibility violation."""

import re

import pytest

from recommendations.models import Indicator, IndicatorValue
from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": 1280, "phone": 375}


def overdue_justice_indicator() -> Indicator:
    return Indicator.objects.get(is_demo=True, institution__name="Ministry of Justice")


def browse(chromium, live_server, width: int, username: str):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}, is_mobile=width < 400
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, username)
    return context, page


@pytest.mark.parametrize("screen", WIDTHS)
def test_an_officer_reports_an_overdue_value_and_a_coordinator_validates_it(
    chromium, live_server, demo_live, screen
):
    width = WIDTHS[screen]
    indicator = overdue_justice_indicator()
    due_before = indicator.next_report_date
    justice_context, justice = browse(chromium, live_server, width, "justice")
    coordinator_context, coordinator = browse(chromium, live_server, width, "coordinator")

    justice.goto("/workspace/due/")
    overdue = justice.get_by_role("region", name=re.compile("^Overdue"))
    overdue.get_by_role("link", name=re.compile(re.escape(indicator.name))).click()
    assert justice.get_by_role("heading", name=indicator.name, level=1).is_visible()
    justice.get_by_role("link", name="Report a value").click()
    justice.get_by_label("Measured on").fill("2013-03-31")
    justice.get_by_label("Value").fill("140")
    justice.get_by_role("button", name="Submit for validation").click()
    value = IndicatorValue.objects.get(indicator=indicator, value=140)
    assert value.workflow_state == "submitted"

    coordinator.goto("/workspace/queue/")
    coordinator.get_by_role("checkbox", name=re.compile(re.escape(indicator.name))).check()
    coordinator.get_by_role("button", name="Validate selected").click()
    value.refresh_from_db()
    assert value.workflow_state == "validated"

    justice.goto(f"/workspace/indicators/{indicator.pk}/")
    facts = justice.locator("dl.facts").inner_text()
    assert "140" in facts
    indicator.refresh_from_db()
    assert indicator.next_report_date > due_before
    justice_context.close()
    coordinator_context.close()


@pytest.mark.parametrize("screen", WIDTHS)
def test_the_plan_pages_fit_the_screen_and_have_no_serious_violation(
    chromium, live_server, demo_live, screen
):
    width = WIDTHS[screen]
    indicator = overdue_justice_indicator()
    pages = {
        "due dates": "/workspace/due/",
        "action": f"/workspace/actions/{indicator.action_id}/",
        "indicator": f"/workspace/indicators/{indicator.pk}/",
        "new value": f"/workspace/indicators/{indicator.pk}/values/new/",
        "edit indicator": f"/workspace/indicators/{indicator.pk}/edit/",
    }
    context, page = browse(chromium, live_server, width, "justice")
    overflowing, violations = {}, {}
    for name, url in pages.items():
        page.goto(url)
        assert page.locator("h1").count() == 1, name
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            overflowing[name] = scroll_width
        found = serious_accessibility_violations(page)
        if found:
            violations[name] = found
    context.close()

    assert overflowing == {}
    assert violations == {}
