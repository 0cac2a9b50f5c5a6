"""The pages in a real browser: no serious accessibility violation on any of them,
readable on a 375-pixel phone, and the filters usable with the keyboard alone."""

import pytest

from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)


def demo_pages():
    from missions.models import Engagement
    from recommendations.models import Institution, Recommendation

    recommendation = (
        Recommendation.objects.filter(actions__isnull=False, engagements__isnull=False)
        .order_by("sort_key")
        .first()
    )
    institution = Institution.objects.get(name="Ministry of Internal Affairs")
    engagement = Engagement.objects.filter(funders__isnull=False).first()
    return {
        "dashboard": "/",
        "list with filters": "/recommendations/?theme=trafficking&position=supported&sort=status",
        "recommendation": f"/recommendations/{recommendation.pk}/",
        "engagements": "/engagements/",
        "engagement": f"/engagements/{engagement.pk}/",
        "institution": f"/institutions/{institution.pk}/",
    }


def test_no_page_has_a_serious_accessibility_violation(page, demo_live):
    log_in(page, "coordinator")  # who sees the most: drafts and the validation count

    found = {}
    for name, url in demo_pages().items():
        page.goto(url)
        assert page.locator("h1").count() == 1, name
        found[name] = serious_accessibility_violations(page)

    assert found == {name: [] for name in found}


@pytest.mark.parametrize("name", ["dashboard", "list with filters", "recommendation"])
def test_the_page_fits_a_phone_screen(phone_page, demo_live, name):
    log_in(phone_page, "adviser")

    phone_page.goto(demo_pages()[name])

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_filters_are_reached_and_submitted_with_the_keyboard(page, demo_live):
    log_in(page, "adviser")
    page.goto("/recommendations/")

    for _ in range(15):  # skip link, navigation … then the first filter: the search
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "search":
            break
    assert page.evaluate("document.activeElement.name") == "search"
    page.keyboard.type("trafficking")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recommendations/?*search=trafficking*")

    page.get_by_label("Position", exact=True).focus()
    page.keyboard.press("ArrowDown")  # "Any" -> "Supported"
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**position=supported**")

    chips = page.locator(".active-filters").inner_text()
    assert "Search: trafficking" in chips
    assert "Position: Supported" in chips


def test_the_dashboard_selection_is_submitted_with_the_keyboard(page, demo_live):
    log_in(page, "adviser")
    page.goto("/")

    page.get_by_label("Cycle", exact=True).focus()
    page.keyboard.press("ArrowDown")  # "All cycles" -> "Cycle 1"
    page.get_by_role("button", name="Show").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**cycle=1**")

    assert page.get_by_role("heading", name="Belarus — UPR cycle 1 (2010)").is_visible()
    assert page.get_by_role("heading", name="Belarus — UPR cycle 2 (2015)").count() == 0
