"""Under its Content-Security-Policy every main page works in a real browser: the
browser reports no violation (nothing it had to block) on the pages, the
workspace, the admin and the API docs, which run their one inline script by
the request's nonce."""

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_pages import demo_pages

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def test_no_main_page_breaks_its_content_security_policy(page, demo_live):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(page, "coordinator")
    urls = [
        *demo_pages().values(),
        "/workspace/queue/",
        "/admin/",
        "/admin/recommendations/progressupdate/",
        "/api/v1/docs/",
    ]

    violations = {}
    for url in urls:
        page.goto(url)
        if url == "/api/v1/docs/":
            page.get_by_text("/api/v1/recommendations/", exact=True).first.wait_for()
        page.wait_for_load_state("networkidle")
        violations[url] = page.evaluate("window.__cspViolations")

    assert violations == {url: [] for url in urls}
    assert [text for text in console if "Content Security Policy" in text] == []
