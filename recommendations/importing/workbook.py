"""The rows of an uploaded XLSX workbook's first sheet, read as they are in the file.

An XLSX file is a ZIP archive of XML parts that anybody can write by hand, so an upload is
untrusted. Before openpyxl sees it the archive is checked (:mod:`.ooxml`, shared with the Word
documents the thematic list reader opens): a ZIP archive unpacking to at most
:data:`MAX_UNPACKED_BYTES`, no "zip bomb", no encrypted part, no XML part declaring a document
type (DTD).

The first sheet is then read by openpyxl's row parser, which yields the rows the file holds and
no others: openpyxl's read-only sheet would trust the sheet's ``<dimension>`` and pad every row
to the width it claims and every gap between row numbers, so a few bytes claiming
``A1:XFD1048576`` would take hours. The parser here also refuses what openpyxl would silently
misread (rows or cells out of order, numbers beyond a sheet's last row or column, a shared
string that does not exist) and turns what it would trip on (broken XML, a cell marked as a
number holding text …) into an :class:`ImportFileError` naming the part, the row or the cell.
No Django here; openpyxl is imported with this module, which reading.py imports only when an
XLSX file is read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

# The row parser openpyxl's own read-only sheet uses (ReadOnlyWorksheet._cells_by_row): the
# one way to read the rows a file holds without the padding described above. Its module is
# private, so pyproject.toml keeps openpyxl to the minor version this was written against.
from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser

from .errors import ImportFileError
from .ooxml import (
    DAMAGED_ARCHIVE,
    MB,
    OLE_MAGIC,
    PackageKind,
    damaged,
    malformed_part,
    open_package,
)

# About 150,000 recommendations in the tracker's own format (openpyxl writes 1.4 kB a row).
MAX_UNPACKED_BYTES = 200 * MB
WORKBOOK = PackageKind(
    noun="workbook",
    described="an XLSX workbook",
    program="a spreadsheet program",
    save_as=".xlsx or CSV",
    max_unpacked=MAX_UNPACKED_BYTES,
    too_large="save it as CSV, or split it",
)
LAST_ROW = 1_048_576  # the last row and column a sheet can have (Excel's limits)
LAST_COLUMN = 16_384  # XFD
_CELL_REFERENCE = re.compile(r"([A-Za-z]{1,3})([0-9]+)")
_ROW_NUMBER = re.compile(r"([0-9]+)(?:\.0*)?")
# What openpyxl raises on content it cannot make sense of (it wraps most into ValueError).
_MALFORMED = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)


@dataclass(frozen=True)
class SheetRow:
    """One row of the sheet: its number and its non-empty cells by column number (1 = A)."""

    number: int
    values: dict[int, object]  # the value as openpyxl reads it: str, int, float, datetime …
    formulas: dict[int, str]  # the text of each cell that holds a formula


def first_sheet_rows(data: bytes) -> Iterator[SheetRow]:
    """The rows of the workbook's first sheet, in order, each only with the cells it holds.

    Raises :class:`ImportFileError` (at once, or while iterating for a problem further down
    the sheet) for a file that is not an XLSX workbook, is damaged, unpacks to too much,
    declares a DTD, has no worksheet or holds a malformed row or cell.
    """
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            "the file is an old Excel .xls workbook or a password-protected one: save it as "
            ".xlsx without a password, or as CSV"
        )
    with open_package(data, WORKBOOK) as archive:
        workbook = _open_workbook(data, archive)
        try:
            if not workbook.worksheets:
                raise ImportFileError("the workbook has no worksheet")
            try:
                parser = _parser(workbook, workbook.worksheets[0], archive)
            except (*DAMAGED_ARCHIVE, KeyError) as exc:
                raise damaged(exc, WORKBOOK) from exc
            yield from _rows(parser)
        finally:
            workbook.close()


def _open_workbook(data: bytes, archive: zipfile.ZipFile):
    try:
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except ParseError as exc:  # also lxml's XMLSyntaxError
        raise ImportFileError(
            f"the file is damaged: {malformed_part(archive)} is not well-formed XML ({exc})"
        ) from exc
    except (*DAMAGED_ARCHIVE, *_MALFORMED) as exc:
        raise damaged(exc, WORKBOOK) from exc


def _parser(workbook, sheet, archive: zipfile.ZipFile) -> _SheetParser:
    # The same arguments ReadOnlyWorksheet._cells_by_row gives openpyxl's parser.
    path = sheet._worksheet_path
    strings = _SharedStrings(sheet._shared_strings)
    parser = _SheetParser(
        archive.open(path),
        strings,
        data_only=False,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )
    parser.part = path
    return parser


def _rows(parser: _SheetParser) -> Iterator[SheetRow]:
    rows = parser.parse()
    try:
        while True:
            try:
                number, cells = next(rows)
            except StopIteration:
                return
            except ImportFileError:
                raise
            except ParseError as exc:
                line, column = getattr(exc, "position", (None, None))
                raise ImportFileError(
                    f"the file is damaged: {parser.part} is not well-formed XML "
                    f"(line {line}, column {column}, after row {parser.row_counter})",
                    row=parser.row_counter or None,
                ) from exc
            except DAMAGED_ARCHIVE as exc:
                raise damaged(exc, WORKBOOK) from exc
            except _MALFORMED as exc:
                raise ImportFileError(
                    f"the sheet cannot be read after row {parser.row_counter} ({exc})",
                    row=parser.row_counter or None,
                ) from exc
            yield _sheet_row(number, cells)
    finally:
        parser.source.close()


def _sheet_row(number: int, cells: list[dict]) -> SheetRow:
    values, formulas = {}, {}
    for cell in cells:
        if cell["data_type"] == "f":
            value = cell["value"]
            text = value if isinstance(value, str) else getattr(value, "text", None)
            formulas[cell["column"]] = text or "array formula"
        elif cell["value"] is not None:
            values[cell["column"]] = cell["value"]
    return SheetRow(number, values, formulas)


class _SharedStrings(Sequence):
    """The shared-string table, refusing the negative indexes a list would count from its end."""

    def __init__(self, strings: list):
        self.strings = strings

    def __len__(self) -> int:
        return len(self.strings)

    def __getitem__(self, index):
        if not 0 <= index < len(self.strings):
            raise IndexError(index)
        return self.strings[index]


class _SheetParser(WorkSheetParser):
    """openpyxl's row parser, refusing what it would misread and naming what it trips on."""

    part = ""
    # What ``_parser`` gives it: the sheet's part in the archive, the checked string table.
    source: IO[bytes]
    shared_strings: _SharedStrings

    def parse_row(self, row):
        previous, given = self.row_counter, row.get("r")
        if given is None:
            number = previous + 1
        else:
            match = _ROW_NUMBER.fullmatch(given.strip())
            if match is None or int(match[1]) < 1:
                raise ImportFileError(f"{given!r} is not a row number", row=previous + 1)
            number = int(match[1])
        if number > LAST_ROW:
            raise ImportFileError(
                f"row {number} lies beyond the last row of a sheet ({LAST_ROW})", row=number
            )
        if number <= previous:
            raise ImportFileError(
                f"row {number} comes after row {previous}: rows must be in order", row=number
            )
        return super().parse_row(row)

    def parse_cell(self, element):
        reference, previous = element.get("r"), self.col_counter
        if reference:
            column = self._column_of(reference)
        else:
            column = previous + 1
            reference = f"{get_column_letter(min(column, LAST_COLUMN))}{self.row_counter}"
        if column > LAST_COLUMN:
            raise ImportFileError(
                f"cell {reference} lies beyond the last column of a sheet "
                f"({get_column_letter(LAST_COLUMN)})",
                row=self.row_counter,
            )
        if column <= previous:
            raise ImportFileError(
                f"cell {reference} comes after cell {get_column_letter(previous)}"
                f"{self.row_counter}: cells must be in order",
                row=self.row_counter,
            )
        try:
            return super().parse_cell(element)
        except _MALFORMED as exc:
            raise ImportFileError(
                self._cell_problem(element, reference, exc), row=self.row_counter
            ) from exc

    def _column_of(self, reference: str) -> int:
        match = _CELL_REFERENCE.fullmatch(reference)
        if match is None:
            raise ImportFileError(f"{reference!r} is not a cell reference", row=self.row_counter)
        return column_index_from_string(match[1].upper())

    def _cell_problem(self, element, reference: str, exc: Exception) -> str:
        kind, value = element.get("t", "n"), element.findtext(VALUE_TAG)
        if kind == "s":
            return (
                f"cell {reference} refers to shared string {value}, but the workbook has "
                f"{len(self.shared_strings)}"
            )
        announced = {"n": "a number", "b": "true or false", "d": "a date"}.get(kind)
        if announced and value is not None:
            return f"cell {reference} is marked as {announced} but holds {value!r}"
        return f"cell {reference} cannot be read ({exc})"
