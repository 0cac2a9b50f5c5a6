"""The CSV export streams: a list of a hundred thousand recommendations is written row by
row from a query read in chunks, so the memory it takes does not grow with the list.
(`make bench` times the 100,000-row export; here, the memory is measured, not the time.)"""

import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.exporting import recommendation_list
from recommendations.models import Recommendation, Role
from tests.factories import RecommendationFactory, ReviewCycleFactory, UserFactory
from web import spreadsheets

pytestmark = pytest.mark.django_db

EXPORT = reverse("recommendation-export")
CHUNK = 20


@pytest.fixture
def reader(client, monkeypatch):
    # Small chunks and batches, so that a few hundred rows are many of each.
    monkeypatch.setattr(recommendation_list, "CHUNK", CHUNK)
    monkeypatch.setattr(spreadsheets, "BATCH", CHUNK)
    client.force_login(UserFactory(role=Role.ADVISER))
    return client


def recommendations(count: int) -> None:
    review = ReviewCycleFactory()
    have = Recommendation.objects.count()
    for number in range(have, count):
        RecommendationFactory(review=review, reference=f"97.{number}", text="Ratify " * 40)


def streamed(reader) -> tuple[int, int]:
    """The lines of the export and the most memory held while they were written."""
    response = reader.get(EXPORT, {"format": "csv"})
    assert response.streaming
    tracemalloc.start()
    try:
        lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return lines, peak


def test_the_export_is_read_only_as_it_is_sent(reader):
    recommendations(3)

    with CaptureQueriesContext(connection) as before_sending:
        response = reader.get(EXPORT, {"format": "csv"})
    with CaptureQueriesContext(connection) as while_sending:
        body = b"".join(response.streaming_content)

    def reads_rows(captured):
        return any('"text"' in query["sql"] for query in captured.captured_queries)

    assert response.streaming
    assert not reads_rows(before_sending) and reads_rows(while_sending)
    assert body.count(b"\n") == 4


def test_the_memory_the_export_takes_does_not_grow_with_the_list(reader):
    recommendations(50)
    few_lines, few_peak = streamed(reader)
    recommendations(500)
    many_lines, many_peak = streamed(reader)

    assert (few_lines, many_lines) == (51, 501)
    # Ten times the rows: a list held whole would take several times the memory; streamed,
    # the peak is a chunk's and a batch's of lines, whatever the length.
    assert many_peak < few_peak * 1.5
