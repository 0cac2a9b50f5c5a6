"""A probe of every public address, as an anonymous visitor, in a world where one review
is published and one is not: starting from the pages and the API, it follows every link
of the site it is shown, and no answer holds anything unpublished (a recommendation of
the unpublished review, an engagement or action linked only to it, a draft, submitted
or returned update, a coordinator's internal comment, evidence marked internal, an
assessment not published, a comment not approved)."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

from recommendations.models import IndependentAssessment, PublicComment
from tests.factories import (
    ClusterFactory,
    EngagementFactory,
    ImplementationActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
)
from tests.world import SUBMITTED, update

from .conftest import assessment

pytestmark = pytest.mark.django_db

SECRETS = (
    "UNPUBLISHED-TEXT",
    "UNPUBLISHED-ENGAGEMENT",
    "UNPUBLISHED-ACTION",
    "DRAFT-NARRATIVE",
    "SUBMITTED-NARRATIVE",
    "RETURNED-NARRATIVE",
    "INTERNAL-COMMENT",
    "internal-evidence.example",
    "WAITING-ASSESSMENT",
    "DECLINE-REASON",
    "PENDING-COMMENT",
    "UNPUBLISHED-INDICATOR",
    "UNPUBLISHED-VALUE",
    "DRAFT-VALUE",
    "UNPUBLISHED-CLUSTER",
)
START = (
    "/",
    "/recommendations/",
    "/institutions/",
    "/engagements/",
    "/api/v1/",
    "/api/v1/reviews/",
    "/api/v1/recommendations/",
    "/api/v1/actions/",
    "/api/v1/progress-updates/",
    "/api/v1/engagements/",
    "/api/v1/independent-assessments/",
    "/api/v1/indicators/",
    "/api/v1/indicator-values/",
    "/api/v1/clusters/",
    "/api/v1/stats/?group_by=review",
    "/api/v1/recommendations/?format=csv",
    "/api/v1/progress-updates/?format=csv",
    "/recommendations/export/?format=csv",
    "/engagements/export/?format=csv",
)
# Not pages to read: where the links lead out of the public face.
NOT_FOLLOWED = ("/accounts/", "/admin/", "/workspace/", "/audit/", "/static/", "/api/v1/docs")
LIMIT = 400


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found += [value for name, value in attrs if name == "href" and value]


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    kept = []
    for href in parser.found:
        address = urldefrag(href).url
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        # Filter combinations are endless: each page once, with its first query only.
        if parts.query and "format=xlsx" in parts.query:
            continue
        kept.append(address)
    return kept


@pytest.fixture
def secrets(voices, justice):
    hidden_engagement = EngagementFactory(title="UNPUBLISHED-ENGAGEMENT mission")
    hidden_engagement.recommendations.add(voices.hidden)
    EngagementFactory(title="Public seminar").recommendations.add(voices.recommendation)
    hidden_action = ImplementationActionFactory(title="UNPUBLISHED-ACTION", institution=justice)
    hidden_action.recommendations.add(voices.hidden)
    internal = ImplementationActionFactory(
        title="Public action",
        institution=justice,
        evidence_url="https://internal-evidence.example/",
    )
    internal.recommendations.add(voices.recommendation)
    # The plans: an indicator of an action serving only the unpublished review, with a
    # validated value; a draft value of the published action's indicator; a cluster of
    # the unpublished recommendation only.
    hidden_indicator = IndicatorFactory(action=hidden_action, name="UNPUBLISHED-INDICATOR")
    IndicatorValueFactory(indicator=hidden_indicator, comment="UNPUBLISHED-VALUE")
    public_indicator = IndicatorFactory(action=internal, name="Public indicator")
    IndicatorValueFactory(indicator=public_indicator, comment="Validated value")
    IndicatorValueFactory(
        indicator=public_indicator, comment="DRAFT-VALUE", workflow_state="draft", reviewed_at=None
    )
    ClusterFactory(name="UNPUBLISHED-CLUSTER").recommendations.add(voices.hidden)
    ClusterFactory(name="Public cluster").recommendations.add(voices.recommendation)
    update(voices.recommendation, justice, SUBMITTED, narrative="SUBMITTED-NARRATIVE")
    update(
        voices.recommendation,
        justice,
        "validated",
        narrative="Validated with internal evidence",
        evidence_url="https://internal-evidence.example/update",
    )
    assessment(voices, narrative="WAITING-ASSESSMENT")
    assessment(
        voices, IndependentAssessment.ModerationState.DECLINED, decline_reason="DECLINE-REASON"
    )
    assessment(voices, IndependentAssessment.ModerationState.PUBLISHED, narrative="Published one")
    PublicComment.objects.create(
        recommendation=voices.recommendation,
        name="x",
        email="x@example.org",
        comment="PENDING-COMMENT",
    )
    return voices


def test_no_public_address_shows_anything_unpublished(secrets, clients):
    visitor = clients["anonymous"]
    seen, queue, pages = set(), deque(START), 0
    while queue and pages < LIMIT:
        address = queue.popleft()
        if address in seen or address.startswith(NOT_FOLLOWED):
            continue
        seen.add(address)
        response = visitor.get(address, HTTP_ACCEPT="text/html,application/json")
        pages += 1
        assert response.status_code < 500, address
        if response.status_code != 200 or response.streaming:
            body = b"".join(response.streaming_content) if response.streaming else b""
        else:
            body = response.content
        text = body.decode("utf-8", "replace")
        for secret in SECRETS:
            assert secret not in text, (address, secret)
        if response.get("Content-Type", "").startswith("text/html"):
            queue.extend(link for link in links(text) if link not in seen)
    assert pages > 20  # the probe did go round the site
    assert f"/recommendations/{secrets.recommendation.pk}/" in seen
    assert f"/recommendations/{secrets.hidden.pk}/" not in seen


def test_the_unpublished_recommendation_is_not_found_by_its_address(secrets, clients):
    visitor = clients["anonymous"]

    assert visitor.get(f"/recommendations/{secrets.hidden.pk}/").status_code == 404
    assert visitor.get(f"/api/v1/recommendations/{secrets.hidden.pk}/").status_code == 404
    assert visitor.get(f"/reviews/{secrets.unpublished.pk}/status-report/").status_code == 404


def test_the_plans_of_published_reviews_are_public_and_only_they(secrets, clients):
    visitor = clients["anonymous"]

    indicators = visitor.get("/api/v1/indicators/").json()["results"]
    values = visitor.get("/api/v1/indicator-values/").json()["results"]
    clusters = visitor.get("/api/v1/clusters/").json()["results"]

    assert [indicator["name"] for indicator in indicators] == ["Public indicator"]
    assert [value["comment"] for value in values] == ["Validated value"]
    assert [(cluster["name"], cluster["recommendations"]) for cluster in clusters] == [
        ("Public cluster", [secrets.recommendation.pk])
    ]
