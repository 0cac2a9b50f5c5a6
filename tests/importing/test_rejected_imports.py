"""A file with any problem is refused whole: each problem named by row, column and reason,
and the database exactly as it was."""

import pytest

from .files import (
    UPR_INFO_HEADER,
    csv_file,
    database_state,
    problems,
    run,
    tracker_file,
    tracker_rows,
    upr_info_rows,
    xlsx_file,
)
from .shared_data import upr_info_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing():
    """Belarus's first rows already imported, and the database as it then is."""
    result = run(tracker_file(tracker_rows(3)))
    assert result.ok
    return database_state()


def changed_rows():
    """Rows that would update 97.1 and add 97.4 if the file were accepted."""
    rows = tracker_rows(4)
    rows[0]["Position"] = "Noted"
    return rows


def refused(result, existing):
    assert not result.ok
    assert (result.created, result.updated) in ((0, 0), (result.created, result.updated))
    assert database_state() == existing
    return problems(result)


def test_unknown_recommending_state(existing):
    rows = changed_rows()
    rows[3]["Recommending states"] = "Algeria; Atlantis"

    found = refused(run(tracker_file(rows)), existing)

    assert found == [(5, "Recommending states", "'Atlantis' is not a known state")]


def test_unknown_response_word(existing):
    rows = changed_rows()
    rows[1]["Position"] = "Maybe later"

    found = refused(run(tracker_file(rows)), existing)

    assert found == [(3, "Position", "'Maybe later' is not a known response word")]


def test_empty_text(existing):
    rows = changed_rows()
    rows[2]["Text"] = "   "

    found = refused(run(tracker_file(rows)), existing)

    assert found == [(4, "Text", "must not be empty")]


def test_duplicate_reference(existing):
    rows = changed_rows()
    rows[3]["Reference"] = "97.2"

    found = refused(run(tracker_file(rows)), existing)

    assert found == [
        (5, "Reference", "duplicate reference '97.2' in BLR UPR cycle 1, also on row 3")
    ]


def test_every_problem_of_the_file_is_reported_at_once(existing):
    rows = changed_rows()
    rows[0]["Recommending states"] = "Narnia"
    rows[2]["Action category"] = "9"
    rows[3]["Text"] = ""

    found = refused(run(tracker_file(rows)), existing)

    assert found == [
        (2, "Recommending states", "'Narnia' is not a known state"),
        (4, "Action category", "'9' is not a whole number from 1 to 5"),
        (5, "Text", "must not be empty"),
    ]


def test_missing_column(existing):
    rows = [{k: v for k, v in row.items() if k != "Text"} for row in changed_rows()]

    found = refused(run(tracker_file(rows)), existing)

    assert found == [(1, "Text", "required column is missing")]


def test_missing_column_of_a_upr_info_export(existing):
    header = [name for name in UPR_INFO_HEADER if name != "From"]
    data = csv_file(upr_info_rows(count=3), header, encoding="mac_roman", newline="\r")

    found = refused(run(data, format="upr-info", state_iso3="BLR", cycle=1), existing)

    assert found == [(1, "From", "required column is missing")]


def test_header_only(existing):
    data = tracker_file(changed_rows()).split(b"\r\n")[0] + b"\r\n"

    found = refused(run(data), existing)

    assert found == [(None, None, "the file has a header row but no data rows")]


def test_zero_bytes(existing):
    found = refused(run(b""), existing)

    assert found == [(None, None, "the file is empty (0 bytes)")]


def test_blank_file(existing):
    found = refused(run(b"\r\n\r\n"), existing)

    assert found == [(None, None, "the file contains no rows")]


def test_undecodable_byte_is_reported_with_its_row(existing):
    data = tracker_file(changed_rows()).replace(b"Examine", b"Exam\x81ne", 1)
    assert b"\x81" in data

    found = refused(run(data), existing)

    ((row, column, reason),) = found
    assert row == 2 and column is None
    assert "neither UTF-8 (byte 0x81 on line 2)" in reason


def test_wrong_encoding_named(existing):
    # Angola's rows of 17-20.csv hold Mac Roman bytes (ç as 0x8D), which are not UTF-8.
    data = upr_info_export("17-20.csv")

    result = run(data, format="upr-info", state_iso3="AGO", cycle=2, encoding="utf-8")

    ((row, column, reason),) = refused(result, existing)
    assert row > 1 and column is None
    assert "cannot be decoded as utf-8" in reason


def test_spreadsheet_with_formulas(existing):
    rows = changed_rows()
    header = list(rows[0])
    cells = [[row[name] for name in header] for row in rows]
    cells[1][header.index("Text")] = '=A2&" and more"'
    cells[3][header.index("Reference")] = "=97+1"

    found = refused(run(xlsx_file([header, *cells]), filename="upload.xlsx"), existing)

    text, reference = chr(65 + header.index("Text")), chr(65 + header.index("Reference"))
    advice = "replace it with its value"
    assert found == [
        (3, "Text", f'cell {text}3 contains a formula (=A2&" and more"); {advice}'),
        (5, "Reference", f"cell {reference}5 contains a formula (=97+1); {advice}"),
    ]


def test_unknown_state_and_word_in_a_upr_info_export(existing):
    rows = upr_info_rows(count=4)
    rows[1]["From"] = "Atlantis"
    rows[3]["Response"] = "Perhaps"
    data = csv_file(rows, UPR_INFO_HEADER, encoding="mac_roman", newline="\r")

    found = refused(run(data, format="upr-info", state_iso3="BLR", cycle=1), existing)

    assert found == [
        (3, "From", "'Atlantis' is not a known state"),
        (5, "Response", "'Perhaps' is not a known response word"),
    ]


def test_a_row_longer_than_the_header(existing):
    rows = changed_rows()
    surplus = ",".join(["BLR", "UPR", "1", "97.9", "Text"] + ["x"] * len(rows[0]))
    data = tracker_file(rows) + surplus.encode() + b"\r\n"

    found = refused(run(data), existing)

    assert found[0][0] == 6
    assert "cells but the header only" in found[0][2]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"format": "un-report", "cycle": 1}, "name the state under review (ISO3 code)"),
        ({"format": "un-report", "state_iso3": "BLR"}, "name the UPR cycle of the review"),
        ({"format": "tracker", "state_iso3": "XYZ"}, "'XYZ' is not a known state"),
        ({"format": "csv"}, "unknown format 'csv'"),
    ],
)
def test_missing_or_wrong_options(existing, options, reason):
    found = refused(run(tracker_file(changed_rows()), **options), existing)

    assert reason in found[0][2]
