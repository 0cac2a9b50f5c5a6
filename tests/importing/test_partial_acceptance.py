"""A recommendation supported in part keeps what was accepted and what noted, through the
tracker's own format as through the admin and the API."""

import pytest
from django.core.exceptions import ValidationError

from recommendations.models import Position, Recommendation
from tests.factories import RecommendationFactory

from .files import run, tracker_file, tracker_rows

pytestmark = pytest.mark.django_db


def test_the_tracker_format_records_the_accepted_and_the_noted_part():
    rows = tracker_rows(1)
    rows[0].update(
        {
            "Position": "Partially supported",
            "Accepted part": "Sign and ratify the Convention",
            "Noted part": "its Optional Protocol",
        }
    )

    result = run(tracker_file(rows))

    assert result.ok, result.errors
    recommendation = Recommendation.objects.get(reference="97.1")
    assert (recommendation.accepted_part, recommendation.noted_part) == (
        "Sign and ratify the Convention",
        "its Optional Protocol",
    )


def test_parts_of_a_recommendation_not_supported_in_part_are_refused():
    rows = tracker_rows(1)
    rows[0].update({"Position": "Supported", "Noted part": "its Optional Protocol"})

    result = run(tracker_file(rows))

    assert not result.ok
    (error,) = result.errors
    assert (error.row, error.column) == (2, "Noted part")
    assert not Recommendation.objects.exists()


def test_the_model_refuses_parts_without_the_position_that_has_them():
    recommendation = RecommendationFactory.build(
        position=Position.SUPPORTED, accepted_part="Ratify the Convention"
    )

    with pytest.raises(ValidationError) as refused:
        recommendation.clean()

    assert set(refused.value.message_dict) == {"accepted_part"}


def test_the_position_in_words_says_what_was_accepted_and_what_noted():
    recommendation = RecommendationFactory.build(
        position=Position.PARTIALLY_SUPPORTED,
        accepted_part="Sign and ratify the Convention",
        noted_part="its Optional Protocol",
    )

    assert recommendation.position_in_words == (
        "Supported in part: accepted “Sign and ratify the Convention”; "
        "noted “its Optional Protocol”"
    )
    assert RecommendationFactory.build().position_in_words == "Supported"
