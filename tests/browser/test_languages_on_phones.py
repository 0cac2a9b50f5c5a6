"""Russian and Belarusian words are long: the dashboard, the workspace and the progress
form, chosen in each language on the switcher, fit a 375-pixel phone (no element runs
past the screen's edge, none is wider than the page)."""

import pytest

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 375

# The elements that run past the screen's right edge, outside any box that scrolls or
# clips them (a wide table in a scrolling box is no overflow).
OVERFLOWING = """width => {
  const clipped = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const x = getComputedStyle(up).overflowX;
      if (x === "auto" || x === "scroll" || x === "hidden") return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll("*")]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
    .filter(el => !clipped(el))
    .map(el => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`);
}"""


def pages() -> dict[str, str]:
    from recommendations.models import Responsibility

    responsibility = Responsibility.objects.filter(
        institution__name="Ministry of Internal Affairs", role=Responsibility.Role.LEAD
    ).first()
    assert responsibility is not None
    recommendation = responsibility.recommendation_id
    return {
        "dashboard": "/",
        "workspace": "/workspace/",
        "progress form": f"/workspace/recommendations/{recommendation}/updates/new/",
    }


@pytest.mark.parametrize("language, label", [("ru", "Язык"), ("be", "Мова")])
def test_the_pages_fit_a_phone_in_russian_and_belarusian(
    chromium, live_server, demo_live, language, label
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": PHONE, "height": 800}, is_mobile=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, "interior")
    page.goto("/")
    page.locator(".language-switcher select").select_option(language)
    page.locator(".language-switcher button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".language-switcher label").inner_text() == label

    overflowing = {}
    for name, url in pages().items():
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language, name
        assert page.locator("h1").count() == 1, name
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        elements = page.evaluate(OVERFLOWING, PHONE)
        if scroll_width > PHONE or elements:
            overflowing[name] = (scroll_width, elements[:5])
    context.close()

    assert overflowing == {}
