"""Reading a workbook costs what the file holds, not what it claims.

A sheet's ``<dimension>`` and its row numbers are only claims: a few bytes can claim the whole
of a sheet (16,384 columns by 1,048,576 rows). The work is measured as the number of function
calls made while reading (a count, not a clock), stopped with :class:`TooMuchWork` once it is
far beyond what the honest file needs.
"""

from __future__ import annotations

import sys

import pytest

from recommendations.importing.errors import ImportFileError
from recommendations.importing.reading import read_rows

from .handmade_workbooks import inline_row, sheet_xml, workbook

HEADER = ("State under review", "Reference", "Text", "Position")
VALUES = ("BLR", "97.1", "Ratify the Convention against Torture", "Supported")
LAST_ROW = 1_048_576


class TooMuchWork(Exception):
    pass


def work_of(data: bytes, budget: int | None = None) -> int:
    """Function calls made while reading every row of ``data`` (at most ``budget`` of them)."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1
            if budget is not None and calls > budget:
                raise TooMuchWork(f"reading went past {budget} calls")

    sys.setprofile(count)
    try:
        _header, rows = read_rows(data, "upload.xlsx")
        for _row in rows:
            pass
    finally:
        sys.setprofile(None)
    return calls


def sheet(data_row: int, dimension: str | None) -> bytes:
    rows = inline_row(1, *HEADER) + inline_row(data_row, *VALUES)
    return workbook(sheet_xml(rows, dimension=dimension))


def test_the_rows_of_a_handmade_sheet_are_read():
    header, rows = read_rows(sheet(1000, "A1:XFD1000"), "upload.xlsx")

    assert header == list(HEADER)
    assert list(rows) == [(1000, dict(zip(HEADER, VALUES, strict=True)))]


def test_a_claimed_dimension_adds_no_work():
    honest = work_of(sheet(1000, "A1:D1000"))

    claiming = work_of(sheet(1000, "A1:XFD1000"), budget=2 * honest)

    assert claiming <= honest * 1.1


def test_a_far_row_number_costs_no_more_than_a_near_one():
    near = work_of(sheet(2, None))

    far = work_of(sheet(LAST_ROW, None), budget=2 * near)

    assert far <= near * 1.1


def test_a_row_number_beyond_a_sheet_is_refused_without_reading_up_to_it():
    near = work_of(sheet(2, None))

    with pytest.raises(ImportFileError, match="beyond the last row of a sheet"):
        work_of(sheet(2_000_000_000, None), budget=2 * near)
