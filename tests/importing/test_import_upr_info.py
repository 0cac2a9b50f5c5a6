"""A UPR Info export imported on its own: the real 17-20.csv and 1-5.csv files."""

import pytest

from recommendations.models import Recommendation, ReviewCycle
from tests.factories import ReviewCycleFactory, StateFactory

from .files import database_state, run
from .shared_data import upr_info_export

pytestmark = pytest.mark.django_db


def angola():
    return Recommendation.objects.filter(review__state_under_review__iso3="AGO", review__cycle=2)


def import_angola(data=None, **options):
    data = data if data is not None else upr_info_export("17-20.csv")
    options = {"format": "upr-info", "state_iso3": "AGO", "cycle": 2, **options}
    return run(data, filename="17-20.csv", **options)


def test_angolas_second_review_is_created_from_its_226_rows_as_224_recommendations():
    result = import_angola()

    assert result.ok, result.errors
    # 226 rows, three of them Costa Rica's, Romania's and Ghana's same recommendation.
    assert (result.rows_read, result.created) == (7984, 224)
    assert result.encoding == "mac_roman"
    review = ReviewCycle.objects.get(state_under_review__iso3="AGO", cycle=2)
    assert review.session == "20"
    assert angola().count() == 224
    first = angola().get(reference="UPR-Info.1")
    assert (
        first.text
        == "Promptly ratify and implement the human rights conventions signed in September 2013"
    )
    assert [s.iso3 for s in first.recommending_states.all()] == ["GBR"]
    assert (first.position, first.action_category) == ("supported", 5)
    assert first.position_source == "UPR Info database (final response)"
    # Mac Roman is recognised: Portugal's rows keep their cedillas.
    assert angola().filter(recommending_states__iso3="PRT", text__contains="ç").exists()


def test_a_dry_run_of_the_real_file_writes_nothing():
    before = database_state()

    result = import_angola(dry_run=True)

    assert (result.ok, result.created) == (True, 224)
    assert database_state() == before


def test_the_real_file_imported_twice_changes_nothing():
    import_angola()
    before = database_state()

    again = import_angola()

    assert (again.created, again.updated, again.unchanged) == (0, 0, 224)
    assert database_state() == before


def test_a_corrected_response_updates_that_row_only():
    original = upr_info_export("17-20.csv")
    import_angola(original)
    # UPR Info's first Angola row (row 397: the United Kingdom's) answered "Noted" instead.
    lines = original.split(b"\r")
    assert lines[396].startswith(b"Angola,") and b",Accepted," in lines[396]
    lines[396] = lines[396].replace(b",Accepted,", b",Noted,")

    result = import_angola(b"\r".join(lines))

    assert (result.updated, result.unchanged) == (1, 223)
    (change,) = result.changes
    assert (change.reference, change.row) == ("UPR-Info.1", 397)
    assert change.fields == {"position": ("Supported", "Noted")}
    assert angola().get(reference="UPR-Info.1").history.latest().position == "noted"


def test_unknown_recommending_state_rows_are_skipped_with_a_warning():
    # 1-5.csv: 9 of Indonesia's 13 rows name their recommending state "&#40;Unknown&#41;".
    result = run(
        upr_info_export("1-5.csv"), filename="1-5.csv", format="upr-info", state_iso3="IDN", cycle=1
    )

    assert result.ok, result.errors
    assert result.created == 4
    unknown = [w for w in result.warnings if w.column == "From"]
    assert len(unknown) == 9
    first = unknown[0]
    assert (first.row, first.column) == (2497, "From")
    assert "no recommending state ('(Unknown)'): row skipped" in first.reason
    numbers = sorted(
        int(ref.rpartition(".")[2])
        for ref in Recommendation.objects.values_list("reference", flat=True)
    )
    assert numbers == [1, 7, 8, 9]  # the numbering counts the skipped rows: it stays stable


def test_a_state_with_no_row_in_the_file_is_an_error():
    result = run(upr_info_export("17-20.csv"), format="upr-info", state_iso3="BLR", cycle=2)

    assert [(e.column, e.reason) for e in result.errors] == [
        ("To", "no row of the file concerns BLR")
    ]


def test_a_review_of_another_session_in_the_tracker_is_an_error():
    angola_state = StateFactory(iso3="AGO", name="Angola")
    ReviewCycleFactory(state_under_review=angola_state, cycle=2, session="7")

    result = import_angola()

    assert [(e.row, e.column, e.reason) for e in result.errors] == [
        (
            397,
            "Session",
            "AGO UPR cycle 2 is Working Group session 7 in the tracker; "
            "its rows in the file are of session 20",
        )
    ]
