"""The pages of UN advisers and of ministry staff and coordinators, in a real browser at
1280 and 375 pixels: nothing wider than the screen, no serious accessibility violation,
and on a phone every row a block whose key columns are on the screen, the list's
filters folded, a "select all" in the queue, chart labels large enough to read and the
half-year table whole."""

import pytest

from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": 1280, "phone": 375}


def pages_by_user() -> dict[str, dict[str, str]]:
    from missions.models import Engagement
    from recommendations.models import Institution

    interior = Institution.objects.get(name="Ministry of Internal Affairs")
    seminar = Engagement.objects.get(title__startswith="OHCHR training seminar")
    return {
        "adviser": {
            "dashboard, filtered": "/?theme=trafficking&as_of=2014-12-31",
            "whole breakdown": "/breakdowns/recommending_state/",
            "institutions": "/institutions/",
            "institution": f"/institutions/{interior.pk}/",
            "list": "/recommendations/",
            "engagement": f"/engagements/{seminar.pk}/",
        },
        "interior": {"workspace": "/workspace/"},
        "coordinator": {"queue": "/workspace/queue/"},
    }


def browse(chromium, live_server, width: int, username: str):
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 800},
        is_mobile=width < 400,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, username)
    return context, page


@pytest.mark.parametrize("screen", WIDTHS)
def test_the_pages_fit_the_screen_and_have_no_serious_violation(
    chromium, live_server, demo_live, screen
):
    width = WIDTHS[screen]
    overflowing, violations = {}, {}
    for username, pages in pages_by_user().items():
        context, page = browse(chromium, live_server, width, username)
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


def on_screen(page, locator) -> bool:
    """Whether the element is displayed and lies within the screen's width."""
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_on_a_phone_the_workspace_shows_each_recommendation_as_a_block(
    chromium, live_server, demo_live
):
    context, page = browse(chromium, live_server, 375, "interior")
    page.goto("/workspace/")

    row = page.locator("table.recommendations tbody tr").first
    for column in ("Current status", "Last update", "Overdue"):
        cell = row.locator(f'td[data-label="{column}"]')
        assert cell.is_visible() and on_screen(page, cell), column
        assert cell.evaluate("cell => getComputedStyle(cell, '::before').content").startswith(
            f'"{column}'
        )
    context.close()


def test_on_a_phone_the_returned_updates_and_the_actions_show_every_column(
    chromium, live_server, demo_live
):
    from recommendations.models import Institution

    interior = Institution.objects.get(name="Ministry of Internal Affairs")
    context, page = browse(chromium, live_server, 375, "coordinator")

    page.goto("/workspace/queue/")
    comment = page.locator('.returned-table td[data-label="Comment"]').first
    assert comment.is_visible() and on_screen(page, comment)
    page.goto(f"/institutions/{interior.pk}/")
    served = page.locator('.actions-table td[data-label="Recommendations served"]').first
    assert served.is_visible() and on_screen(page, served)
    context.close()


def test_the_list_filters_are_folded_on_a_phone_and_open_on_a_desktop(
    chromium, live_server, demo_live
):
    phone_context, phone = browse(chromium, live_server, 375, "adviser")
    desk_context, desk = browse(chromium, live_server, 1280, "adviser")

    phone.goto("/recommendations/")
    desk.goto("/recommendations/")

    assert not phone.locator("details.filter-disclosure").evaluate("d => d.open")
    assert desk.locator("details.filter-disclosure").evaluate("d => d.open")
    first_result = phone.locator(".recommendation-table tbody tr").first.bounding_box()
    assert first_result["y"] < 1000  # about 1,000 px of filters came first before
    assert phone.get_by_label("Search").is_visible()
    phone.get_by_text("Filters and sorting").click()
    assert phone.get_by_label("Position", exact=True).is_visible()
    phone_context.close()
    desk_context.close()


def test_the_queue_selects_all_with_the_keyboard(chromium, live_server, demo_live):
    from django.utils import timezone

    from recommendations.models import ProgressUpdate, Recommendation
    from tests.factories import ProgressUpdateFactory

    waiting = ProgressUpdate.objects.get(workflow_state="submitted")
    other = Recommendation.objects.exclude(pk=waiting.recommendation_id).order_by("sort_key")[0]
    ProgressUpdateFactory(
        recommendation=other,
        institution=waiting.institution,
        workflow_state="submitted",
        submitted_at=timezone.now(),
    )
    context, page = browse(chromium, live_server, 375, "coordinator")
    page.goto("/workspace/queue/")

    select_all = page.get_by_label("Select all 2 updates")
    select_all.focus()
    page.keyboard.press("Space")

    boxes = page.locator('input[name="updates"]')
    assert boxes.count() == 2
    assert all(boxes.nth(i).is_checked() for i in range(2))
    boxes.first.uncheck()
    assert select_all.evaluate("box => box.indeterminate")
    context.close()


def test_on_a_phone_the_chart_labels_are_readable_and_the_half_year_table_whole(
    chromium, live_server, demo_live
):
    context, page = browse(chromium, live_server, 375, "adviser")
    page.goto("/")

    label_size = page.evaluate(
        """() => {
            const chart = document.querySelector('.line-chart');
            const label = chart.querySelector('.axis');
            const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(label).fontSize) * scale;
        }"""
    )
    assert label_size >= 13
    table = page.locator(".over-time .table-scroll")
    assert table.evaluate("box => box.scrollHeight <= box.clientHeight + 1")
    page.emulate_media(media="print")
    assert table.evaluate("box => box.scrollHeight <= box.clientHeight + 1")
    context.close()
