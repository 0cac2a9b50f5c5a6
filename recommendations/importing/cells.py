"""Cell access for the format readers: by column name, collecting every problem found.

Pure Python: no Django here.
"""

from __future__ import annotations

from collections.abc import Mapping

from .errors import ImportFileError, UnknownWordError
from .vocabulary import position_from_word


class Cells:
    """Access to one row's cells by case-insensitive column name, collecting errors."""

    def __init__(self, row_number: int, values: Mapping[str, str], errors: list):
        self.row_number = row_number
        self.values = {name.strip().casefold(): (name, value) for name, value in values.items()}
        self.errors = errors

    def error(self, column: str, reason: str) -> None:
        name = self.values.get(column.casefold(), (column,))[0]
        self.errors.append(ImportFileError(reason, row=self.row_number, column=name))

    def require(self, *columns: str) -> bool:
        missing = [c for c in columns if c.casefold() not in self.values]
        for column in missing:
            self.errors.append(ImportFileError("required column is missing", row=1, column=column))
        return not missing

    def get(self, column: str) -> str:
        return (self.values.get(column.casefold(), ("", "")))[1].strip()

    def not_blank(self, *columns: str) -> None:
        for column in columns:
            if not self.get(column):
                self.error(column, "must not be empty")

    def position(self, column: str) -> str | None:
        try:
            return position_from_word(self.get(column))
        except UnknownWordError as exc:
            self.error(column, f"{exc.word!r} is not a known response word")
            return None

    def integer(self, column: str, low: int, high: int | None = None) -> int | None:
        text = self.get(column)
        if not text:
            return None
        try:
            value = int(text.removesuffix(".0"))
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
            self.error(column, f"{text!r} is not a whole number {bounds}")
            return None
        return value
