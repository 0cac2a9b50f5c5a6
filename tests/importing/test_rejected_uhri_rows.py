"""An Index export with rows the importer cannot understand is refused: each problem with its
row and column, and the database as it was."""

from datetime import date

import pytest

from .files import database_state, problems, refusal_by_command, run
from .uhri_exports import annotation_id, index_csv, index_xlsx, listed, one_of_each_body, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored():
    """A database holding an earlier export."""
    assert run(index_xlsx(one_of_each_body()), "earlier.xlsx", format="uhri").ok
    return database_state()


def test_every_malformed_row_is_reported_with_its_row_and_column(stored):
    rows = [
        record(1, **{"Countries Concerned": listed("Belarus", "Atlantis")}),
        record(2, **{"Reccomending Body": "- Committee of Wise Persons"}),
        record(3, **{"Reccomending Body": listed("CAT", "CRC")}),
        record(4, **{"Document Publication Date": "31/02/2018"}),
        record(5, Sdgs=listed("18.1 - Beyond the goals")),
        record(6, Type="- Good practices"),
        record(7, **{"Countries Concerned": ""}),
        record(8, **{"Reccomending Body": "- UPR", "UPR Session": ""}),
        record(9, **{"Reccomending Body": "- UPR", "UPR Session": "- first"}),
        record(10, **{"UPR Position": "- Perhaps"}),
        record(11, **{"OHCHR Annotation Id": annotation_id(12)}),
        record(12),
    ]

    result = run(index_csv(rows), "newer.csv", format="uhri")

    assert problems(result) == [
        (2, "Countries Concerned", "'Atlantis' is not a known state"),
        (3, "Reccomending Body", "'Committee of Wise Persons' is not a known mechanism"),
        (4, "Reccomending Body", "names 2 bodies (CAT, CRC); a recommendation is one body's"),
        (
            5,
            "Document Publication Date",
            "'31/02/2018' is not a date (write 2024-03-01, 1 March 2024 or 01/03/2024, "
            "or keep the spreadsheet's date)",
        ),
        (6, "Sdgs", "'18.1 - Beyond the goals' is not a target of an SDG goal from 1 to 17"),
        (
            7,
            "Type",
            "'Good practices' is not a type of the Index (Recommendations or "
            "Concerns/Observations)",
        ),
        (8, "Countries Concerned", "must name the state(s) concerned"),
        (
            9,
            "UPR Session",
            "a UPR recommendation needs its session (or name the cycle to import)",
        ),
        (10, "UPR Session", "'first' names no Working Group session number"),
        (11, "UPR Position", "'- Perhaps' is not a known response word"),
        (
            13,
            "OHCHR Annotation Id",
            "the same OHCHR Annotation Id as row 12 (BLR CAT CAT/C/BLR/CO/5)",
        ),
    ]
    assert database_state() == stored


def test_one_unknown_state_in_a_workbook_refuses_the_whole_file(stored):
    rows = [*one_of_each_body(), record(90, **{"Countries Concerned": listed("Narnia")})]
    rows[0] = record(23, Text="Conditions of detention 23.A corrected text.")

    result = run(index_xlsx(rows), "newer.xlsx", format="uhri")

    assert problems(result) == [(10, "Countries Concerned", "'Narnia' is not a known state")]
    assert database_state() == stored


def test_the_command_refuses_a_malformed_export_and_names_the_cell(tmp_path, stored):
    rows = [record(1, **{"Document Publication Date": date(2018, 6, 7).strftime("%m-%Y")})]

    message = refusal_by_command(tmp_path, index_csv(rows), "uhri.csv", "--format", "uhri")

    assert "row 2, column 'Document Publication Date': '06-2018' is not a date" in message
    assert "nothing was imported" in message
    assert database_state() == stored
