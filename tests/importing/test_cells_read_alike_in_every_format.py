"""A cell means the same in every format: the same text in a UPR Info export and in the
tracker's own format is stored, or refused, the same way."""

from __future__ import annotations

import pytest

from recommendations.models import Recommendation

from .files import UPR_INFO_HEADER, csv_file, problems, run, tracker_file, tracker_rows
from .files import upr_info_rows as real_upr_info_rows

pytestmark = pytest.mark.django_db


def outcome(result, field: str):
    """What became of the file's one recommendation: the field stored, or the reasons given."""
    if not result.ok:
        return ("refused", [reason for _row, _column, reason in problems(result)])
    recommendation = Recommendation.objects.get(review=_review_of(result))
    return ("stored", getattr(recommendation, field))


def _review_of(result):
    (change,) = result.changes
    return Recommendation.objects.get(reference=change.reference).review


def through_upr_info(column: str, value: str, field: str):
    row = {**real_upr_info_rows(count=1)[0], column: value}
    data = csv_file([row], UPR_INFO_HEADER)
    return outcome(run(data, format="upr-info", state_iso3="BLR", cycle=1), field)


def through_tracker_format(column: str, value: str, field: str):
    row = {**tracker_rows(1)[0], "Cycle": "2", column: value}
    return outcome(run(tracker_file([row]), format="tracker"), field)


@pytest.mark.parametrize("action", ["4", "4.0", "4.00", "+4", "4.5", "four", "9"])
def test_an_action_category_is_read_alike(action):
    upr_info = through_upr_info("Action", action, "action_category")
    tracker = through_tracker_format("Action category", action, "action_category")

    assert upr_info == tracker


@pytest.mark.parametrize(
    "text",
    [
        "'=Ratify the Convention against Torture",
        "'-Consider ratifying the Optional Protocol",
        "'+Strengthen the national human rights institution",
        "'@ Ensure freedom of expression",
        "'Ratify' the Convention, with its quotes",
    ],
)
def test_a_text_that_an_export_made_safe_for_spreadsheets_is_read_alike(text):
    upr_info = through_upr_info("Text", text, "text")
    tracker = through_tracker_format("Text", text, "text")

    assert upr_info == tracker
    assert upr_info[0] == "stored"
