"""The UPR Info export, the 2010 Working Group reports and their join, on real data."""

from __future__ import annotations

from collections import Counter

import pytest

from recommendations.importing.errors import ImportFileError, ImportFileErrors
from recommendations.importing.reading import decode_text, guess_encoding, read_rows
from recommendations.importing.upr_sources import (
    join_review,
    paragraph_position,
    read_un_report,
    read_upr_info,
)
from recommendations.importing.vocabulary import StateNames

from .shared_data import shared_data_dir

UPR_INFO = {
    "To": "Belarus",
    "Text": "Ratify the Convention ",
    "From": "Spain",
    "Response": "Accepted",
    "Action": "5",
    "Issue": "Disabilities,International instruments",
    "Session": "8",
}


def numbered(*rows):
    return list(enumerate(rows, start=2))


def report_row(text, state="Algeria", decision="support", to="belarus"):
    return {"text": text, "to": to, "decision": decision, "From": state, "year": "2010"}


def test_read_upr_info():
    (row,) = read_upr_info(numbered(UPR_INFO))
    assert row.row_number == 2
    assert (row.state_under_review, row.recommending_state) == ("Belarus", "Spain")
    assert row.text == "Ratify the Convention"
    assert (row.response, row.position) == ("Accepted", "supported")
    assert row.issues == ["Disabilities", "International instruments"]
    assert (row.action, row.session) == (5, 8)


def test_read_upr_info_blank_action_and_issue():
    (row,) = read_upr_info(numbered({**UPR_INFO, "Action": "", "Issue": " ", "Response": ""}))
    assert (row.action, row.issues, row.position) == (None, [], None)


def test_read_upr_info_reports_every_bad_cell():
    bad = {**UPR_INFO, "Action": "7", "Response": "Maybe"}
    with pytest.raises(ImportFileErrors) as caught:
        read_upr_info(numbered(UPR_INFO, bad, {**UPR_INFO, "Text": " "}))
    found = {(e.row, e.column) for e in caught.value.errors}
    assert found == {(3, "Action"), (3, "Response"), (4, "Text")}


def test_read_upr_info_missing_column():
    row = {k: v for k, v in UPR_INFO.items() if k != "From"}
    with pytest.raises(ImportFileErrors) as caught:
        read_upr_info(numbered(row))
    (error,) = caught.value.errors
    assert (error.row, error.column) == (1, "From")


@pytest.mark.parametrize(
    ("text", "reference", "sub_number"),
    [
        ("97.1. Examine the possibility (Algeria);", "97.1", None),
        ("97.1..1 consider signing (Egypt);", "97.1", 1),
        ("67.1   Consider signing (Canada);", "67.1", None),
        ("101.4.10 Accede to the 1951 Convention (Poland);", "101.4", 10),
    ],
)
def test_read_un_report_references(text, reference, sub_number):
    (row,) = read_un_report(numbered(report_row(text)))
    assert (row.reference, row.sub_number) == (reference, sub_number)


def test_read_un_report_cleans_the_text():
    text = "98.38. Make  public statements on non.governmental bodies (Canada). );"
    (row,) = read_un_report(numbered(report_row(text, "Canada", "consider")))
    assert row.text == "Make public statements on non-governmental bodies (Canada);"
    assert row.body == "Make public statements on non-governmental bodies"
    assert row.text_states == ["Canada"]
    assert (row.decision, row.position) == ("consider", "pending")


def test_read_un_report_needs_a_reference():
    with pytest.raises(ImportFileErrors) as caught:
        read_un_report(numbered(report_row("Examine (Algeria);")))
    (error,) = caught.value.errors
    assert (error.row, error.column) == (2, "text")


def test_paragraph_rule():
    assert paragraph_position(["supported", "noted"]) == "partially_supported"
    assert paragraph_position(["supported", "supported"]) == "supported"
    assert paragraph_position(["supported", "pending"]) == "supported"
    assert paragraph_position(["noted", "noted"]) == "noted"
    assert paragraph_position([]) is None


def test_join_reports_an_unknown_recommending_state():
    rows = read_un_report(numbered(report_row("97.1. Examine (Atlantis);", "Atlantis")))
    with pytest.raises(ImportFileError) as caught:
        join_review(rows, [], "BLR", StateNames())
    assert (caught.value.row, caught.value.column) == (2, "From")


# The real files ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def names():
    return StateNames()


@pytest.fixture(scope="module")
def upr_info_rows():
    folder = shared_data_dir() / "upr-info-export"
    rows = []
    for path in sorted(folder.glob("*.csv")):
        # Mac Roman, whatever the README says: 1-5.csv holds "Hiss\x8fne Habr\x8e".
        rows += read_upr_info(read_rows(path.read_bytes(), path.name, "mac_roman")[1])
    return rows


@pytest.fixture(scope="module")
def un_rows():
    path = shared_data_dir() / "un-report-extracts" / "2010data.csv"
    return read_un_report(read_rows(path.read_bytes(), path.name)[1])


@pytest.fixture(scope="module")
def belarus(un_rows, upr_info_rows, names):
    return {r.reference: r for r in join_review(un_rows, upr_info_rows, "BLR", names)}


def test_real_files_are_recognised_as_mac_roman():
    folder = shared_data_dir() / "upr-info-export"
    for name in ("1-5.csv", "6-9.csv", "17-20.csv"):
        data = (folder / name).read_bytes()
        assert guess_encoding(data) == "mac_roman"
        automatic = [row.text for row in read_upr_info(read_rows(data, name)[1])]
        named = [row.text for row in read_upr_info(read_rows(data, name, "mac_roman")[1])]
        assert automatic == named
    assert any("ç" in text for text in named)  # 17-20.csv, Angola's rows from Portugal
    first_sessions = (folder / "1-5.csv").read_bytes()
    assert "Habré" in decode_text(first_sessions)
    # As cp1252, the same bytes are refused: 0x8F is undefined there.
    with pytest.raises(ImportFileError) as caught:
        decode_text(first_sessions, encoding="cp1252")
    assert caught.value.row is not None


def test_real_file_sizes(upr_info_rows, un_rows):
    assert len(upr_info_rows) == 6094 + 8343 + 7984
    assert len(un_rows) == 6044
    blr = [r for r in upr_info_rows if r.state_under_review == "Belarus"]
    assert len(blr) == 169
    assert Counter(r.response for r in blr) == {"Accepted": 124, "Noted": 45}
    assert sum(r.state_under_review == "belarus" for r in un_rows) == 168


def test_belarus_paragraphs(belarus):
    assert len(belarus) == 93
    assert list(belarus)[:2] == ["97.1", "97.2"]
    assert list(belarus)[54:56] == ["97.55", "98.1"]
    assert list(belarus)[-1] == "98.38"
    at_review = Counter(r.position_at_review for r in belarus.values())
    assert at_review == {"supported": 55, "pending": 38}
    assert all(r.position_at_review == "supported" for k, r in belarus.items() if k[:3] == "97.")


def test_belarus_final_positions(belarus):
    assert Counter(r.final_position for r in belarus.values()) == {
        "supported": 73,
        "partially_supported": 1,
        "noted": 19,
    }


def test_belarus_every_row_is_joined(belarus, names):
    assert all(not r.unmatched_states for r in belarus.values())
    assert sum(len(r.response_positions) for r in belarus.values()) == 169
    assert {r.session for r in belarus.values()} == {8}
    codes = {code for r in belarus.values() for code in r.recommending_states}
    assert all(names.get(code) for code in codes)
    assert {"DZA", "EGY", "PSE", "RUS", "PRK", "LAO", "IRN", "LBY", "SYR", "VEN"} <= codes


def test_belarus_mixed_paragraph_is_98_3(belarus):
    positions = {k: r.response_positions for k, r in belarus.items()}
    mixed = {k: p for k, p in positions.items() if len(set(p)) > 1}
    assert mixed == {"98.3": ["supported", "noted"]}
    assert belarus["98.3"].final_position == "partially_supported"
    assert belarus["98.3"].accepted_part == (
        "Sign and ratify the Convention on the Rights of Persons with Disabilities"
    )
    assert belarus["98.3"].noted_part == (
        "Sign and ratify the Optional Protocol to the Convention on the Rights of Persons "
        "with Disabilities"
    )
    assert {k for k, r in belarus.items() if r.accepted_part or r.noted_part} == {"98.3"}
    assert belarus["98.3"].text == (
        "Sign and ratify the Convention on the Rights of Persons with Disabilities "
        "and its Optional Protocol (Spain);"
    )


def test_belarus_97_1(belarus):
    paragraph = belarus["97.1"]
    assert paragraph.recommending_states == ["DZA", "EGY"]
    assert paragraph.text == (
        "Examine, in the spirit of its engagement in favour of human rights, the possibility of "
        "adhering to the International Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families (Algeria); consider signing and ratifying the "
        "International Convention on the Rights of All Migrant Workers and Members of Their "
        "Families (Egypt);"
    )
    assert (paragraph.final_position, paragraph.action_category) == ("supported", 3)
    assert paragraph.themes == ["International instruments", "Labour", "Migrants"]


def test_belarus_grouped_and_shared_paragraphs(belarus):
    assert belarus["97.12"].recommending_states == ["EGY", "HUN", "ESP"]
    assert belarus["97.12"].text.startswith("Strengthen its cooperation with the international")
    assert belarus["98.1"].recommending_states == ["BRA", "ITA"]
    assert belarus["98.1"].text.count("Ratify the Second Optional Protocol") == 1
    assert belarus["98.1"].final_position == "noted"
    assert len(belarus["98.17"].recommending_states) == 9
    assert belarus["98.17"].final_position == "noted"
    assert belarus["98.2"].final_position == "supported"


def test_belarus_stray_punctuation_is_gone(belarus):
    assert belarus["97.55"].text.endswith("human and social development (Morocco);")
    assert belarus["98.38"].text.endswith("without fear of retribution (Canada);")
    assert "non-governmental" in belarus["98.10"].text
