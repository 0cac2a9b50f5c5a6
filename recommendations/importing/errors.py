"""Errors the importer reports to the person who uploaded a file.

Every problem found in a file is an :class:`ImportFileError` that names where it is (row and
column, when known) and why it is a problem, so the upload page and the management command can
show it as it is. Pure Python: no Django here.
"""

from __future__ import annotations


class ImportFileError(ValueError):
    """A problem with an uploaded file, located by spreadsheet row and column when known.

    ``row`` is the spreadsheet row number (the header is row 1) or, for a decoding problem, the
    line number in the file; ``column`` is the header name (or the cell's column letter when the
    header is unknown); ``reason`` is a sentence for a human.
    """

    def __init__(self, reason: str, *, row: int | None = None, column: str | None = None):
        self.row = row
        self.column = column
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason

    def __repr__(self) -> str:
        return f"ImportFileError({self.reason!r}, row={self.row!r}, column={self.column!r})"


class ImportFileErrors(ValueError):
    """Several :class:`ImportFileError` found while validating every row of a file.

    Readers check all rows before giving up, so a coordinator can fix a file in one pass.
    """

    def __init__(self, errors: list[ImportFileError]):
        self.errors = list(errors)
        shown = "; ".join(str(error) for error in self.errors[:5])
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__(f"{len(self.errors)} problem(s): {shown}{more}")


class UnknownWordError(ValueError):
    """A response or decision word that the vocabulary does not map to a position."""

    def __init__(self, word: str):
        self.word = word
        super().__init__(f"unknown response word {word!r}")


class UnknownStateError(ValueError):
    """A state name that matches no state's UN name, variant or ISO 3166 alpha-3 code."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"unknown state {name!r}")
