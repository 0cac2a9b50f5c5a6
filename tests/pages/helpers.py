"""What the page tests read from a response."""

import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Recommendation


def text_of(response) -> str:
    """The page's text without tags, spaces folded (for sentences a reader sees)."""
    text = unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"\s+", " ", text.replace("\xa0", " "))


def count_queries(client, url) -> int:
    """How many queries one request of the page runs (after a first request has
    loaded what a session caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def all_of(review):
    return Recommendation.objects.filter(review=review)
