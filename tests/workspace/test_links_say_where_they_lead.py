"""The workspace's link to a recommendation's reading page says what it is: that page
is not public (only logged-in users read it, unless the deployment opens it)."""

import re

import pytest
from django.utils import timezone

from recommendations.models import ProgressUpdate

from .conftest import update

pytestmark = pytest.mark.django_db


def link_texts_to(html: str, path: str) -> list[str]:
    found = re.findall(rf'<a href="{re.escape(path)}"[^>]*>(.*?)</a>', html, re.S)
    return [re.sub(r"<[^>]+>", "", text).strip() for text in found]


def test_the_workspace_recommendation_links_to_the_recommendation_page_by_that_name(world):
    recommendation = world.justice_recommendation

    html = world.client("justice").get(f"/workspace/recommendations/{recommendation.pk}/")
    texts = link_texts_to(html.content.decode(), f"/recommendations/{recommendation.pk}/")

    assert texts == ["Recommendation page (as readers see it)"]
    assert "Public page" not in html.content.decode()


def test_the_queue_links_to_each_recommendation_page_by_that_name(world):
    recommendation = world.interior_recommendation
    update(
        recommendation,
        world.interior_ministry,
        ProgressUpdate.WorkflowState.SUBMITTED,
        submitted_at=timezone.now(),
    )

    html = world.client("coordinator").get("/workspace/queue/").content.decode()

    assert link_texts_to(html, f"/recommendations/{recommendation.pk}/") == [
        f"Recommendation page of {recommendation.reference} (as readers see it)"
    ]
    assert "Public page" not in html
