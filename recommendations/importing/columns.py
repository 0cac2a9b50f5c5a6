"""Named columns with aliases, and typed reading of one row's cells: the one cell reader.

Every format (the tracker's own, the Universal Human Rights Index, UPR Info's export and the
UN report extract) is a table whose columns are found by name, whatever their order, case or
spacing, under any of their known aliases, and whose cells are read here, so that a cell means
the same in every format (a spreadsheet-safe apostrophe dropped, "3.0" read as 3). A missing
required column is one error on row 1; each bad cell is one error naming its row and column.
Pure Python: no Django here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .errors import ImportFileError, UnknownWordError
from .vocabulary import StateNames, position_from_word

# Several values in one cell: "Algeria; Egypt". Line breaks separate too (UHRI's cells).
LIST_SEPARATORS = re.compile(r"[;\n]")
_SDG = re.compile(r"^\s*(?:sdgs?|goal)?\s*(\d{1,2})(?!\d)", re.IGNORECASE)
# A spreadsheet-safe export prefixes such cells with an apostrophe (see exporting.cells).
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])")


@dataclass(frozen=True)
class Column:
    """A column: its name as the tracker writes it, other names it is known by."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    help: str = ""

    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").casefold().split())


def match_header(header: Sequence[str], columns: Iterable[Column]) -> tuple[dict[str, str], list]:
    """Find each column in ``header``: ``({column name: header name}, errors)``.

    A column absent from the header is left out of the mapping; a required one is also an
    error on row 1.
    """
    present = {_key(name): name for name in header if name}
    found, errors = {}, []
    for column in columns:
        spelling = next((present[_key(s)] for s in column.spellings() if _key(s) in present), None)
        if spelling is not None:
            found[column.name] = spelling
        elif column.required:
            errors.append(ImportFileError("required column is missing", row=1, column=column.name))
    return found, errors


def split_list(text: str) -> list[str]:
    """The values of a list cell, stripped, blanks and repeats dropped, in their order."""
    return list(dict.fromkeys(v.strip() for v in LIST_SEPARATORS.split(text) if v.strip()))


class RowCells:
    """One row's cells by column name (as :func:`match_header` found them), collecting errors."""

    def __init__(
        self, row_number: int, values: Mapping[str, str], found: dict[str, str], errors: list
    ):
        self.row_number = row_number
        self.values = values
        self.found = found
        self.errors = errors

    def error(self, column: str, reason: str) -> None:
        self.errors.append(ImportFileError(reason, row=self.row_number, column=column))

    def has(self, column: str) -> bool:
        return column in self.found

    def get(self, column: str) -> str:
        """The cell's text, stripped ('' when the column is absent or the cell empty)."""
        if column not in self.found:
            return ""
        return _NEUTRALISED.sub("", self.values.get(self.found[column], "").strip())

    def text(self, column: str, *, max_length: int | None = None) -> str:
        """A cell that must not be empty (and not longer than ``max_length``)."""
        value = self.get(column)
        if not value:
            self.error(column, "must not be empty")
        elif max_length is not None and len(value) > max_length:
            self.error(column, f"is {len(value)} characters long; at most {max_length} fit")
        return value

    def position(self, column: str, *, blank: str | None = None) -> str | None:
        """A response word as a position; ``blank`` for an empty cell."""
        word = self.get(column)
        try:
            return position_from_word(word) or blank
        except UnknownWordError as exc:
            self.error(column, f"{exc.word!r} is not a known response word")
            return None

    def integer(self, column: str, low: int, high: int | None = None) -> int | None:
        """A whole number from ``low`` to ``high`` (if given), or None for an empty cell.

        "3.0" is 3 (a spreadsheet's number cell saved as CSV); "+3" or "3.5" are not.
        """
        text = self.get(column)
        if not text:
            return None
        number = re.fullmatch(r"(\d+)(?:\.0+)?", text)
        if number is None or int(number[1]) < low or (high is not None and int(number[1]) > high):
            bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
            self.error(column, f"{text!r} is not a whole number {bounds}")
            return None
        return int(number[1])

    def names(self, column: str) -> list[str] | None:
        """A list cell; None when the file has no such column."""
        return split_list(self.get(column)) if self.has(column) else None

    def states(self, column: str, names: StateNames) -> list[str] | None:
        """A list of state names or ISO3 codes as ISO3 codes; None when the column is absent."""
        spellings = self.names(column)
        if spellings is None:
            return None
        codes = []
        for spelling in spellings:
            code = names.lookup(spelling)
            if code is None:
                self.error(column, f"{spelling!r} is not a known state")
            else:
                codes.append(code)
        return list(dict.fromkeys(codes))

    def state(self, column: str, names: StateNames) -> str | None:
        """One state (name or ISO3 code) that must be given."""
        spelling = self.text(column)
        if not spelling:
            return None
        code = names.lookup(spelling)
        if code is None:
            self.error(column, f"{spelling!r} is not a known state")
        return code

    def sdg_goals(self, column: str) -> list[int] | None:
        """SDG numbers from "5", "SDG 5", "Goal 5", "5 - Gender equality"; None if absent."""
        items = self.names(column)
        if items is None:
            return None
        goals = []
        for item in items:
            match = _SDG.match(item)
            if match is None or not 1 <= int(match[1]) <= 17:
                self.error(column, f"{item!r} is not an SDG goal from 1 to 17")
            else:
                goals.append(int(match[1]))
        return sorted(set(goals))


def read_records(header, rows, columns, build, errors: list):
    """``build(cells)`` for each row, yielding the rows that raised no problem.

    Problems are appended to ``errors`` (nothing is raised); a row with problems
    yields nothing. A missing required column is reported once and no row is read.
    """
    found, missing = match_header(header, columns)
    if missing:
        errors.extend(missing)
        return
    for row_number, values in rows:
        before = len(errors)
        record = build(RowCells(row_number, values, found, errors))
        if len(errors) == before:
            yield record
