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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import ImportFileError, UnknownWordError
from .vocabulary import StateNames, position_from_word

# Several values in one cell: "Algeria; Egypt". Line breaks separate too (UHRI's cells).
LIST_SEPARATORS = re.compile(r"[;\n]")
_SDG = re.compile(r"^\s*(?:sdgs?|goal)?\s*(\d{1,2})(?!\d)", re.IGNORECASE)
# A target ("16.3", "SDG 14.c", "16.3 - Promote the rule of law"), its name after a dash.
_SDG_TARGET = re.compile(
    r"^\s*(?:sdgs?|target)?\s*(\d{1,2})\.(\d{1,2}|[a-z])(?![\w.])\s*(?:[-–—:]\s*(.*))?$",
    re.IGNORECASE | re.DOTALL,
)
# Excel counts days from 30 December 1899 (its 1900 leap-year bug included); a serial number
# stored as a plain number ("45352", "45352.5") is a date in a date column.
_EXCEL_EPOCH = date(1899, 12, 30)
# Five digits: 1927 to 2173 (a bare year such as "2024" is not taken for a serial).
_EXCEL_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?")
# Dates written as text: ISO first, then the UN's ways (day before month).
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%d-%b-%Y",
    "%d-%B-%Y",
    "%Y/%m/%d",
)
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


def split_dashed_list(text: str) -> list[str]:
    """A list cell as the Universal Human Rights Index writes it, one ``- value`` a line
    (a value may then hold a semicolon); lines without the dash are split as by
    :func:`split_list`."""
    values = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- ") or line == "-":
            values.append(line[1:].strip())
        else:
            values.extend(LIST_SEPARATORS.split(line))
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


def undashed(text: str) -> str:
    """A one-value cell without the Index's ``- `` in front ("- CAT" → "CAT")."""
    text = text.strip()
    return text[1:].strip() if text.startswith("- ") or text == "-" else text


def read_date(text: str) -> date | None:
    """A date from an Excel serial number ("45352"), ISO ("2024-03-01", with or without a
    time) or the UN's ways of writing one ("1 March 2024", "01/03/2024": day first);
    None when it is none of these."""
    text = " ".join(text.split())
    if _EXCEL_SERIAL.fullmatch(text):
        return _EXCEL_EPOCH + timedelta(days=int(text.partition(".")[0]))
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class RowCells:
    """One row's cells by column name (as :func:`match_header` found them), collecting errors."""

    def __init__(
        self,
        row_number: int,
        values: Mapping[str, str],
        found: dict[str, str],
        errors: list,
        split: Callable[[str], list[str]] = split_list,
    ):
        self.row_number = row_number
        self.values = values
        self.found = found
        self.errors = errors
        self.split = split  # how the format separates the values of a list cell

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
        return self.split(self.get(column)) if self.has(column) else None

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

    def date(self, column: str) -> date | None:
        """A date (see :func:`read_date`), or None for an empty cell."""
        text = undashed(self.get(column))
        if not text:
            return None
        found = read_date(text)
        if found is None:
            self.error(
                column,
                f"{text!r} is not a date (write 2024-03-01, 1 March 2024 or 01/03/2024, "
                "or keep the spreadsheet's date)",
            )
        return found

    def sdgs(self, column: str) -> tuple[list[int], dict[str, str]] | None:
        """The goals and targets of an SDG cell: ``(goals, {target code: name})``.

        A target ("16.3", "16.3 - Promote the rule of law") brings its goal; a goal alone
        reads as in :meth:`sdg_goals`. None when the file has no such column.
        """
        items = self.names(column)
        if items is None:
            return None
        goals, targets = set(), {}
        for item in items:
            target = _SDG_TARGET.match(item)
            if target is not None:
                code = f"{int(target[1])}.{target[2].lower()}"
                if not 1 <= int(target[1]) <= 17:
                    self.error(column, f"{item!r} is not a target of an SDG goal from 1 to 17")
                    continue
                targets[code] = " ".join((target[3] or "").split())
                goals.add(int(target[1]))
                continue
            match = _SDG.match(item)
            if match is None or not 1 <= int(match[1]) <= 17:
                self.error(column, f"{item!r} is not an SDG goal from 1 to 17 nor a target")
            else:
                goals.add(int(match[1]))
        return sorted(goals), targets

    def sdg_targets(self, column: str) -> tuple[list[str], dict[str, str]] | None:
        """SDG targets ("16.3", "16.3 - Promote the rule of law"): ``(codes, {code: name})``;
        None when the file has no such column."""
        read = self.sdgs(column)
        if read is None:
            return None
        goals, targets = read
        lone = set(goals) - {int(code.partition(".")[0]) for code in targets}
        for goal in sorted(lone):
            self.error(column, f"{goal} is a goal, not a target (e.g. {goal}.1)")
        return list(targets), targets

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


def read_records(header, rows, columns, build, errors: list, *, split=split_list):
    """``build(cells)`` for each row, yielding the rows that raised no problem.

    Problems are appended to ``errors`` (nothing is raised); a row with problems
    yields nothing. A missing required column is reported once and no row is read.
    ``split`` separates the values of list cells (:func:`split_list` by default).
    """
    found, missing = match_header(header, columns)
    if missing:
        errors.extend(missing)
        return
    for row_number, values in rows:
        before = len(errors)
        record = build(RowCells(row_number, values, found, errors, split))
        if len(errors) == before:
            yield record
