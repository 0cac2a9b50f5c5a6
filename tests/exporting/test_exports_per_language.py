"""Exports meant for people follow the reader's language (the status report: its words,
dates and decimal comma); machine formats do not (CSV is the same in every language, and
JSON's numbers and dates too: only its labels are words of the language asked for)."""

import io
import json
from datetime import date

import docx
import pytest
from django.urls import reverse

from recommendations.models import Role
from tests.factories import (
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewCycleFactory,
    StateFactory,
    UserFactory,
)

from .test_status_report import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    review = ReviewCycleFactory(state_under_review=StateFactory(iso3="BLR", name="Belarus"))
    implemented = RecommendationFactory(review=review, reference="97.1")
    ProgressUpdateFactory(
        recommendation=implemented, status="implemented", assessed_on=date(2013, 3, 1)
    )
    for reference in ("97.2", "97.3"):
        RecommendationFactory(review=review, reference=reference)
    return review


def reader_in(client, language):
    client.force_login(UserFactory(role=Role.PARTNER))
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    return client


@pytest.mark.parametrize(
    "language, heading, percent",
    [
        ("en", "Mid-term status report", "33.3\u00a0%"),
        ("ru", "Промежуточный доклад о ходе выполнения", "33,3\u00a0%"),
        ("be", "Прамежкавы даклад пра ход выканання", "33,3\u00a0%"),
    ],
)
def test_the_status_report_document_is_written_in_the_readers_language(
    client, review, language, heading, percent
):
    response = reader_in(client, language).get(
        reverse("review-status-report-docx", args=[review.pk])
    )

    text = text_of(docx.Document(io.BytesIO(response.content)))
    assert heading in text
    assert percent in text


def test_the_status_report_page_writes_the_decimal_comma_in_russian(client, review):
    page = reader_in(client, "ru").get(reverse("review-status-report", args=[review.pk]))

    assert "33,3\u00a0%" in page.content.decode()


def csv_of(client) -> bytes:
    response = client.get(reverse("recommendation-export"), {"format": "csv"})
    return b"".join(response.streaming_content)


def test_csv_and_json_are_the_same_in_every_language(client, review):
    english = reader_in(client, "en")
    csv_english = csv_of(english)
    api_english = english.get(f"/api/v1/stats/?review={review.pk}").json()
    assert b"97.1" in csv_english and "33.3" in json.dumps(api_english)

    russian = reader_in(client, "ru")

    assert csv_of(russian) == csv_english
    api_russian = russian.get(f"/api/v1/stats/?review={review.pk}").json()
    assert without_labels(api_russian) == without_labels(api_english)  # labels are words


def without_labels(data):
    if isinstance(data, dict):
        return {key: without_labels(value) for key, value in data.items() if key != "label"}
    if isinstance(data, list):
        return [without_labels(value) for value in data]
    return data
