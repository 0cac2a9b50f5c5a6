"""The pages of issue 11 in a real browser, at 1280 and 375 pixels: no horizontal
overflow, the demo notice visible beside every figure that counts a demo assessment
(on screen and in print), and no serious accessibility violation; and a partner's
tokens page, used end to end."""

import pytest

from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [1280, 375]


def pages():
    from missions.models import Engagement
    from recommendations.models import Institution, Recommendation, ReviewCycle

    first = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)
    in_part = Recommendation.objects.get(review=first, reference="98.3")
    categorised = (
        Recommendation.objects.filter(review=first, action_category__isnull=False)
        .exclude(actions=None)
        .order_by("sort_key")
        .first()
    )
    interior = Institution.objects.get(name="Ministry of Internal Affairs")
    cited = Engagement.objects.filter(source__url__gt="").order_by("start_date").first()
    return {
        "dashboard": "/",
        "list": f"/recommendations/?review={first.pk}",
        "institution": f"/institutions/{interior.pk}/",
        "recommendation supported in part": f"/recommendations/{in_part.pk}/",
        "recommendation with an action category": f"/recommendations/{categorised.pk}/",
        "engagement with its source": f"/engagements/{cited.pk}/",
        "status report": f"/reviews/{first.pk}/status-report/",
        "API tokens": "/workspace/tokens/",
    }


def demo_figures_without_a_visible_notice(page) -> list[str]:
    """Each element marked as showing demo figures whose notice is not visible inside it
    (hidden, absent or outside the screen's width)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-includes-demo]')].filter(figure => {
            const notice = figure.querySelector('.demo-notice');
            if (!notice) return true;
            const box = notice.getBoundingClientRect();
            const style = getComputedStyle(notice);
            return box.width === 0 || box.height === 0 || style.visibility === 'hidden'
                || box.left < 0 || box.right > document.documentElement.clientWidth + 1;
        }).map(figure => figure.id || figure.querySelector('h2, h3')?.textContent
            || figure.className)"""
    )


def browse(chromium, live_server, width):
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        is_mobile=width < 500,
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.mark.parametrize("width", WIDTHS)
def test_each_page_fits_marks_its_demo_figures_and_is_accessible(
    chromium, live_server, demo_live, width
):
    context, page = browse(chromium, live_server, width)
    log_in(page, "partner")
    overflow, unmarked, marked, violations = {}, {}, 0, {}

    for name, url in pages().items():
        page.goto(url)
        assert page.locator("h1").count() == 1, name
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            overflow[name] = wide
        unmarked[name] = demo_figures_without_a_visible_notice(page)
        marked += page.locator("[data-includes-demo]").count()
        violations[name] = serious_accessibility_violations(page)
    context.close()

    assert overflow == {}
    assert unmarked == {name: [] for name in unmarked}
    assert marked >= 6  # cards, chart, breakdowns, list, institution, report: all demo
    assert violations == {name: [] for name in violations}


def test_a_printed_dashboard_keeps_its_demo_notices(chromium, live_server, demo_live):
    context, page = browse(chromium, live_server, 1280)
    log_in(page, "adviser")
    page.goto("/")

    page.emulate_media(media="print")

    assert page.locator("[data-includes-demo]").count() >= 3
    assert demo_figures_without_a_visible_notice(page) == []
    context.close()


def test_a_partner_makes_copies_and_revokes_a_token(chromium, live_server, demo_live):
    context, page = browse(chromium, live_server, 375)
    log_in(page, "partner")
    page.goto("/")
    page.get_by_role("link", name="API tokens").click()

    page.get_by_label("What the token is for").fill("Quarterly report")
    page.get_by_role("button", name="Make a token").click()
    token = page.get_by_label("Token", exact=True).input_value()
    answer = page.request.get("/api/v1/stats/", headers={"Authorization": f"Token {token}"})
    page.goto("/workspace/tokens/")
    listed = page.locator("main").inner_text()
    page.get_by_role("button", name="Revoke Quarterly report").click()
    refused = page.request.get("/api/v1/stats/", headers={"Authorization": f"Token {token}"})
    context.close()

    assert token.startswith("upr_")
    assert answer.status == 200
    assert token not in listed and "Quarterly report" in listed
    assert refused.status == 401
