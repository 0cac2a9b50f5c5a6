"""In real browsers, at a desktop's and a phone's width: an anonymous visitor reads a
published recommendation with La Strada's assessment beside the official status and
comments on it, the coordinator approves the comment, and the visitor reads it; the
NGO's contributor submits an assessment that the coordinator publishes; a signed-in
reader saves the list's filters and finds them in the menu."""

import re

import pytest

from recommendations.models import IndependentAssessment, PublicComment
from tests.browser.conftest import log_in, serious_accessibility_violations

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture(params=list(WIDTHS))
def browsers(request, chromium, live_server):
    """Two people's browsers (their own cookies) at the parameter's width."""
    contexts = [
        chromium.new_context(
            base_url=live_server.url,
            viewport=WIDTHS[request.param],
            is_mobile=request.param == "phone",
        )
        for _ in range(2)
    ]
    pages = []
    for context in contexts:
        context.set_default_timeout(15_000)
        pages.append(context.new_page())
    yield pages
    for context in contexts:
        context.close()


def test_a_visitor_comments_and_reads_the_comment_once_approved(browsers, demo_live, settings):
    settings.UPR_COMMENT_MIN_SECONDS = 0
    visitor, coordinator = browsers
    published = IndependentAssessment.objects.get(
        moderation_state=IndependentAssessment.ModerationState.PUBLISHED
    )
    address = f"/recommendations/{published.recommendation_id}/"

    visitor.goto(address)
    assert "La Strada Belarus" in visitor.locator(".independent-assessments").inner_text()
    assert serious_accessibility_violations(visitor) == []
    visitor.get_by_role("link", name="Comment on this recommendation").click()
    visitor.get_by_label("Name").fill("Olga")
    visitor.get_by_label("E-mail").fill("olga@example.org")
    comment = "The referral still depends on the police."
    visitor.get_by_label(re.compile(r"^Comment:?$")).fill(comment)
    assert serious_accessibility_violations(visitor) == []
    visitor.get_by_role("button", name="Send the comment").click()
    assert "Thank you for your comment" in visitor.locator("main").inner_text()
    assert PublicComment.objects.get().moderation_state == "pending"

    log_in(coordinator, "coordinator")
    coordinator.goto("/workspace/moderation/")
    assert serious_accessibility_violations(coordinator) == []
    coordinator.get_by_role("button", name="Approve").click()

    visitor.goto(address)
    assert comment in visitor.locator("main").inner_text()
    assert "olga@example.org" not in visitor.content()


def test_a_contributors_assessment_is_published_by_the_coordinator(browsers, demo_live):
    contributor, coordinator = browsers
    assessed = IndependentAssessment.objects.values_list("recommendation", flat=True)
    recommendation = (
        IndependentAssessment._meta.get_field("recommendation")
        .related_model.objects.filter(review__cycle=1)
        .exclude(pk__in=assessed)
        .order_by("sort_key")
        .first()
    )

    log_in(contributor, "ngo")
    contributor.goto(f"/recommendations/{recommendation.pk}/")
    contributor.get_by_role("link", name="Add your organisation's assessment").click()
    contributor.get_by_label("Status in your assessment").select_option("not_started")
    contributor.get_by_label(re.compile(r"^Assessment:?$")).fill("Nothing changed in practice.")
    contributor.get_by_label("Sources").fill("https://example.org/shadow-report")
    assert serious_accessibility_violations(contributor) == []
    contributor.get_by_role("button", name="Submit for publication").click()
    assert "Our assessments" in contributor.locator("h1").inner_text()

    log_in(coordinator, "coordinator")
    coordinator.goto("/workspace/moderation/")
    item = coordinator.locator(".moderation-item").filter(has_text="Nothing changed in practice.")
    item.get_by_role("button", name="Publish").click()

    contributor.goto(f"/recommendations/{recommendation.pk}/")
    text = contributor.locator(".independent-assessments").inner_text()
    assert "Nothing changed in practice." in text


def test_a_reader_saves_the_lists_filters_and_finds_them_in_the_menu(browsers, demo_live):
    adviser, _ = browsers

    log_in(adviser, "adviser")
    adviser.goto("/recommendations/?position=noted")
    adviser.get_by_label("Save these filters as").fill("Noted ones")
    adviser.get_by_role("button", name="Save view").click()
    assert "position=noted" in adviser.url

    adviser.goto("/workspace/views/")
    assert "Noted ones" in adviser.locator("main").inner_text()
    assert serious_accessibility_violations(adviser) == []
