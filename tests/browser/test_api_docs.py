"""The interactive API docs work in a browser without the internet: every file
they load comes from the tracker itself; a signed-in user's session reaches the API."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_docs_render_from_the_apps_own_files(page, demo_live, live_server):
    log_in(page, "adviser")  # the docs show as much as the data: nothing to the anonymous
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto("/api/v1/docs/")
    page.get_by_text("/api/v1/recommendations/", exact=True).first.wait_for()

    assert page.get_by_role("heading", name="UPR Tracker API").is_visible()
    own = urlsplit(live_server.url).netloc
    elsewhere = [url for url in requested if urlsplit(url).scheme in ("http", "https")
                 and urlsplit(url).netloc != own]  # fmt: skip
    assert elsewhere == []
    assert any(url.endswith("/api/v1/schema/") for url in requested)


def test_a_signed_in_user_reads_the_api_with_the_sites_session(page, demo_live):
    log_in(page, "adviser")

    response = page.context.request.get("/api/v1/stats/?group_by=position")

    assert response.status == 200
    assert response.json()["overall"]["total"] == 93
