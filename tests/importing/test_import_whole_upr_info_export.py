"""A UPR Info export with many states and reviews, imported whole: every review it holds."""

import csv
import io

import pytest

from recommendations.importing.vocabulary import StateNames
from recommendations.models import Recommendation, ReviewCycle
from tests.factories import RecommendationFactory, ReviewCycleFactory, StateFactory

from .files import UPR_INFO_HEADER, csv_file, database_state, problems, run, upr_info_rows
from .shared_data import upr_info_export, whole_upr_info_export

pytestmark = pytest.mark.django_db

# The UPR Working Group's sessions of the shared exports and the cycles they belong to.
CYCLE_OF_SESSION = {**{session: 1 for session in range(1, 10)}, **{s: 2 for s in range(17, 21)}}


def rows_of(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("mac_roman").replace("\r", "\n"))))


def reviews_in(data: bytes) -> dict[tuple[str, int], str]:
    """{(state under review, cycle): session} as the file's rows name them."""
    names = StateNames()
    return {
        (names.lookup(row["To"]), CYCLE_OF_SESSION[int(row["Session"])]): row["Session"]
        for row in rows_of(data)
    }


def reviews_in_database() -> dict[tuple[str, int], str]:
    return {
        (review.state_under_review.iso3, review.cycle): review.session
        for review in ReviewCycle.objects.select_related("state_under_review")
    }


def export_file(rows: list[dict], header=UPR_INFO_HEADER) -> bytes:
    return csv_file(rows, header, encoding="mac_roman", newline="\r")


def test_every_review_of_the_whole_data_set_is_imported_in_one_pass_and_again_changes_nothing():
    data = whole_upr_info_export()

    result = run(data, "sessions.csv", format="upr-info")

    assert result.ok, result.errors
    assert result.rows_read == len(rows_of(data))
    assert reviews_in_database() == reviews_in(data)
    assert Recommendation.objects.count() == result.created
    angola = Recommendation.objects.filter(review__state_under_review__iso3="AGO", review__cycle=2)
    assert angola.count() == 224  # as when Angola's rows are imported alone
    before = database_state()

    again = run(data, "sessions.csv", format="upr-info")

    assert (again.created, again.updated, again.deleted) == (0, 0, 0)
    assert again.unchanged == result.created
    assert database_state() == before


def test_the_state_restricts_the_import_to_its_rows():
    result = run(upr_info_export("17-20.csv"), "17-20.csv", format="upr-info", state_iso3="AGO")

    assert result.ok, result.errors
    assert reviews_in_database() == {("AGO", 2): "20"}
    assert result.rows_skipped == 7984 - 226
    assert "7758 row(s) of other states were skipped" in [w.reason for w in result.warnings]


def test_a_cycle_that_agrees_with_every_row_imports_every_review():
    data = upr_info_export("17-20.csv")

    result = run(data, "17-20.csv", format="upr-info", cycle=2, dry_run=True)

    assert result.ok, result.errors
    assert len(result.reviews) == len(reviews_in(data))


def test_a_cycle_the_rows_disagree_with_is_an_error_on_each_row_and_nothing_is_written():
    before = database_state()

    result = run(
        upr_info_export("17-20.csv"), "17-20.csv", format="upr-info", state_iso3="AGO", cycle=1
    )

    found = problems(result)
    assert len(found) == 226
    assert found[0] == (397, "Session", "session 20 is of UPR cycle 2, not cycle 1")
    assert database_state() == before


@pytest.mark.parametrize("state", [None, "AGO"])
def test_one_unknown_state_name_anywhere_rejects_the_whole_file(state):
    rows = rows_of(upr_info_export("17-20.csv"))
    # Rows 40 and 7000 (the spreadsheet's numbers: the header is row 1) are not Angola's.
    assert rows[38]["To"] != "Angola" and rows[6998]["To"] != "Angola"
    rows[38]["To"] = "Atlantis"
    rows[6998]["From"] = "Narnia"
    before = database_state()

    result = run(export_file(rows), "17-20.csv", format="upr-info", state_iso3=state)

    assert problems(result) == [
        (40, "To", "'Atlantis' is not a known state"),
        (7000, "From", "'Narnia' is not a known state"),
    ]
    assert database_state() == before


def test_rows_with_the_same_text_and_response_are_one_recommendation_with_all_their_states():
    result = run(upr_info_export("17-20.csv"), "17-20.csv", format="upr-info", state_iso3="AGO")

    assert result.ok, result.errors
    rome = Recommendation.objects.get(
        text="Ratify the Rome Statute of the International Criminal Court"
    )
    assert rome.reference == "UPR-Info.195"
    assert set(rome.recommending_states.values_list("iso3", flat=True)) == {"CRI", "ROU", "GHA"}


def test_texts_are_compared_without_spacing_case_or_punctuation_and_responses_kept_apart():
    first = upr_info_rows(count=1)[0]
    respaced = {**first, "From": "Italy", "Text": "  " + first["Text"].upper().replace(" ", "  ")}
    punctuated = {**first, "From": "Chile", "Text": first["Text"].replace(",", "") + "."}
    noted = {**first, "From": "Japan", "Response": "Noted"}

    result = run(export_file([first, respaced, punctuated, noted]), "blr.csv", format="upr-info")

    assert result.ok, result.errors
    recommendations = Recommendation.objects.order_by("sort_key")
    assert [(r.reference, r.position) for r in recommendations] == [
        ("UPR-Info.1", "supported"),
        ("UPR-Info.4", "noted"),
    ]
    together = recommendations[0].recommending_states.values_list("iso3", flat=True)
    assert set(together) == {StateNames().lookup(first["From"]), "ITA", "CHL"}
    assert recommendations[0].text == first["Text"].strip()
    (warning,) = result.warnings
    assert (warning.row, warning.column) == (5, "Response")
    assert "same recommendation as row 2 (UPR-Info.1) is answered 'Noted' here" in warning.reason


def test_a_review_has_one_session():
    rows = upr_info_rows(count=3)
    rows[2]["Session"] = "9"  # the first cycle too, but another session

    result = run(export_file(rows), "blr.csv", format="upr-info")

    assert problems(result) == [
        (4, "Session", "BLR UPR cycle 1 is Working Group session 8 (row 2), not 9")
    ]


def test_a_row_without_a_session_belongs_to_the_cycle_named():
    rows = upr_info_rows(count=2)
    rows[1]["Session"] = ""

    refused = run(export_file(rows), "blr.csv", format="upr-info")
    result = run(export_file(rows), "blr.csv", format="upr-info", cycle=1)

    assert problems(refused) == [
        (3, "Session", "no Working Group session: name the review's UPR cycle")
    ]
    assert (result.ok, result.created) == (True, 2)
    assert reviews_in_database() == {("BLR", 1): "8"}


def test_a_file_without_sessions_needs_the_cycle():
    header = [name for name in UPR_INFO_HEADER if name != "Session"]

    refused = run(export_file(upr_info_rows(count=2), header), "blr.csv", format="upr-info")
    result = run(export_file(upr_info_rows(count=2), header), "blr.csv", format="upr-info", cycle=3)

    assert problems(refused) == [
        (1, "Session", "the file has no Session column: name the review's UPR cycle")
    ]
    assert (result.ok, result.created) == (True, 2)
    assert reviews_in_database() == {("BLR", 3): ""}


def test_the_session_is_kept_on_a_review_that_had_none():
    ReviewCycleFactory(state_under_review=StateFactory(iso3="BLR", name="Belarus"), session="")

    result = run(export_file(upr_info_rows(count=2)), "blr.csv", format="upr-info")

    assert result.ok, result.errors
    assert reviews_in_database() == {("BLR", 1): "8"}


def test_a_review_whose_rows_all_lack_a_recommending_state_is_not_created():
    rows = [{**row, "From": "&#40;Unknown&#41;"} for row in upr_info_rows(count=2)]

    result = run(export_file(rows), "blr.csv", format="upr-info")

    assert result.ok, result.errors
    assert [(w.row, w.column) for w in result.warnings] == [(2, "From"), (3, "From")]
    assert (result.created, reviews_in_database()) == (0, {})


def test_rows_an_earlier_import_kept_apart_become_one_recommendation():
    first = upr_info_rows(count=1)[0]
    states = [StateNames().lookup(first["From"]), "ITA"]
    review = ReviewCycleFactory(state_under_review=StateFactory(iso3="BLR", name="Belarus"))
    # What the importer made of these rows before it joined them: one recommendation a row.
    for number, state in enumerate(states, start=1):
        recommendation = RecommendationFactory(
            review=review, reference=f"UPR-Info.{number}", text=first["Text"].strip()
        )
        recommendation.recommending_states.set([StateFactory(iso3=state)])

    result = run(export_file([first, {**first, "From": "Italy"}]), "blr.csv", format="upr-info")

    assert result.ok, result.errors
    assert (result.updated, result.deleted) == (1, 1)
    (joined,) = Recommendation.objects.all()
    assert joined.reference == "UPR-Info.1"
    assert set(joined.recommending_states.values_list("iso3", flat=True)) == set(states)
    deleted = Recommendation.history.get(reference="UPR-Info.2", history_type="-")
    assert deleted.history_change_reason.startswith("Merged into UPR-Info.1")
