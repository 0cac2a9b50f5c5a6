"""Turn the bytes of an uploaded file into a header and numbered rows.

The importer receives spreadsheets exported by other people's tools: CSV in UTF-8 (with or
without a byte-order mark) or in a legacy 8-bit encoding, with Windows, Unix or old Mac line
endings, and XLSX workbooks. This module hides those differences; it knows nothing about what
the columns mean. Pure Python: no Django here, and openpyxl is imported only when an XLSX file
is actually read.

Row numbers are the ones a person sees in a spreadsheet program: the header is row 1 and the
first data row is row 2, whatever the line endings or multi-line cells.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator

from .errors import ImportFileError, ImportFileErrors

Rows = Iterator[tuple[int, dict[str, str]]]

# The legacy encoding most spreadsheets fall back to. Python's codec leaves five bytes
# (0x81, 0x8D, 0x8F, 0x90, 0x9D) undefined, so a file that uses them is not cp1252 and we
# refuse to guess further: a wrong guess would silently change the recommendations' text.
FALLBACK_ENCODING = "cp1252"
# A legacy file whose lines end in CR alone was written on a classic Mac, in Mac Roman:
# UPR Info's database exports are such files, and cp1252 mangles their accents ("Habr\x8e" is
# "Habré" in Mac Roman, "HabrŽ" in cp1252) or refuses them outright.
MAC_ENCODING = "mac_roman"

_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"


def guess_encoding(data: bytes, legacy: str | None = None) -> str:
    """The encoding :func:`decode_text` tries for ``data`` when none is named.

    ``utf-8`` when the bytes are UTF-8 (with or without a byte-order mark); otherwise
    ``legacy`` when the caller knows its source's 8-bit encoding (the UN report extract's), or
    else ``mac_roman`` for a file whose lines end in CR alone (a classic Mac file, as UPR
    Info's exports are) and ``cp1252`` for any other legacy file.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if legacy:
            return legacy
        return MAC_ENCODING if b"\r" in data and b"\n" not in data else FALLBACK_ENCODING
    return "utf-8"


def decode_text(data: bytes, encoding: str | None = None, legacy: str | None = None) -> str:
    """Decode a text file and normalise its line endings to ``\\n``.

    Without ``encoding``: UTF-8 (a leading byte-order mark is dropped), else the legacy
    encoding :func:`guess_encoding` names (``legacy`` if given, Mac Roman for CR-only files,
    cp1252 otherwise, which must then define every byte). With ``encoding``: that encoding
    only, strictly. Raises :class:`ImportFileError` whose ``row`` is the line number of the
    first byte that cannot be decoded (for the automatic case: the first byte that is not
    UTF-8).
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ImportFileError(f"unknown text encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"byte 0x{data[exc.start]:02X} cannot be decoded as {encoding}",
                row=_line_of(data, exc.start, encoding),
            ) from exc
        return _normalise_newlines(text.removeprefix("\ufeff"))
    try:
        return _normalise_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError as utf8_error:
        fallback = guess_encoding(data, legacy)
        try:
            return _normalise_newlines(data.decode(fallback))
        except UnicodeDecodeError as cp_error:
            row = _line_of(data, utf8_error.start, "utf-8")
            cp_row = _line_of(data, cp_error.start, fallback)
            name = "Windows-1252" if fallback == FALLBACK_ENCODING else fallback
            raise ImportFileError(
                f"the file is neither UTF-8 (byte 0x{data[utf8_error.start]:02X} on line {row}) "
                f"nor {name} (byte 0x{data[cp_error.start]:02X} on line {cp_row} is "
                "undefined there); save it as UTF-8 or name its encoding",
                row=row,
            ) from utf8_error


def read_rows(
    data: bytes,
    filename: str,
    encoding: str | None = None,
    errors: list | None = None,
    *,
    legacy: str | None = None,
) -> tuple[list[str], Rows]:
    """Read a CSV or XLSX file into its header and an iterator of ``(row_number, row)``.

    The format follows the file name (``.xlsx``/``.xlsm``, or a ZIP signature, means XLSX;
    anything else is read as CSV, decoded by :func:`decode_text` with ``encoding`` and
    ``legacy``). Header names are stripped; each row maps every header name to a string ('' for
    an empty cell). Blank rows are skipped but keep their number. Raises
    :class:`ImportFileError` for an empty file, a file with a header and no data rows, a
    duplicated header name, a damaged or hostile workbook (see :mod:`.workbook`) and, while
    iterating, for a row with more cells than the header, a cell holding a NUL character or
    (XLSX) a formula, and for a malformed row or cell of a workbook. With an ``errors`` list,
    a row's problems are appended to it instead (one per formula cell) and the row is left
    out, so that validation can go on to the end of the file; a malformed workbook still stops
    the reading, since nothing after it can be trusted.
    """
    if not data:
        raise ImportFileError("the file is empty (0 bytes)")
    name = filename.lower()
    if name.endswith(".xls"):
        raise ImportFileError("old Excel .xls files are not supported: save as .xlsx or CSV")
    seen = {"rows": 0}  # data rows met, refused ones included
    if is_xlsx(data, name):
        header, rows = _read_xlsx(data, errors, seen)
    else:
        header, rows = _read_csv(decode_text(data, encoding, legacy), errors, seen)
    return header, _require_a_data_row(rows, seen)


def is_xlsx(data: bytes, filename: str) -> bool:
    """Whether :func:`read_rows` reads these bytes as an XLSX workbook."""
    return filename.lower().endswith(_XLSX_SUFFIXES) or data.startswith(_ZIP_MAGIC)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_of(data: bytes, offset: int, encoding: str) -> int:
    """Line number (1-based) of the byte at ``offset``, counting CR, LF and CRLF as one break."""
    before = data[:offset].decode(encoding, errors="replace")
    return _normalise_newlines(before).count("\n") + 1


def _check_header(cells: list[str]) -> list[str]:
    header = [cell.strip() for cell in cells]
    if not any(header):
        raise ImportFileError("the first row must be the header, and it is empty", row=1)
    _without_nul({name: name for name in header}, 1)
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise ImportFileError(
                "this column name appears twice in the header", row=1, column=name
            )
        seen.add(name)
    return header


def _as_dict(header: list[str], cells: list[str], row_number: int) -> dict[str, str]:
    extra = [cell for cell in cells[len(header) :] if cell.strip()]
    if extra:
        raise ImportFileError(
            f"the row has {len(cells)} cells but the header only {len(header)} columns",
            row=row_number,
        )
    cells = cells + [""] * (len(header) - len(cells))
    # Columns without a header name cannot be addressed, so they are left out.
    named = {name: cell for name, cell in zip(header, cells, strict=False) if name}
    return _without_nul(named, row_number)


def _without_nul(cells: dict[str, str], row_number: int) -> dict[str, str]:
    """The row's cells, unless one holds a NUL character, which no database text can hold.

    PostgreSQL refuses it outright; a NUL in a text file usually means UTF-16 read as bytes.
    """
    for name, cell in cells.items():
        if "\x00" in cell:
            raise ImportFileError(
                "holds a NUL character (byte 0), which no text may contain; a file saved as "
                "UTF-16 (“Unicode text”) holds many: save it as CSV UTF-8",
                row=row_number,
                column=name,
            )
    return cells


def _require_a_data_row(rows: Rows, seen: dict) -> Rows:
    """Fail at once (not at the first ``next``) when the file holds only a header."""
    first = next(rows, None)
    if first is None and not seen["rows"]:
        raise ImportFileError("the file has a header row but no data rows")

    def chained() -> Rows:
        if first is not None:
            yield first
        yield from rows

    return chained()


def _keep(problem: ImportFileError, errors: list | None) -> None:
    """Collect a row's problem when the caller validates the whole file, else stop here."""
    if errors is None:
        raise problem
    errors.append(problem)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (line endings already ``\\n``), each with its ``\\n``.

    A generator rather than ``io.StringIO``, which would hold a second, four-bytes-a-character
    copy of a long file.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end == -1:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _read_csv(text: str, errors: list | None, seen: dict) -> tuple[list[str], Rows]:
    if not text.strip():
        raise ImportFileError("the file contains no rows")
    reader = csv.reader(_lines(text))
    try:
        header = _check_header(next(reader))
    except csv.Error as exc:
        raise _csv_problem(exc, 1) from exc

    def rows() -> Rows:
        # Records, not lines: a quoted cell may span several lines yet is one spreadsheet row.
        row_number = 1
        while True:
            row_number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _csv_problem(exc, row_number) from exc
            if any(cell.strip() for cell in cells):
                seen["rows"] += 1
                try:
                    yield row_number, _as_dict(header, cells, row_number)
                except ImportFileError as problem:
                    _keep(problem, errors)

    return header, rows()


def _csv_problem(exc: csv.Error, row_number: int) -> ImportFileError:
    if str(exc).startswith("field larger than field limit"):
        # The csv module's own bound (131,072 characters) keeps a file without line breaks
        # from being read as one endless cell.
        return ImportFileError(
            f"a cell holds more than {csv.field_size_limit():,} characters, more than any "
            "recommendation: is the file really CSV, with its quotes closed?",
            row=row_number,
        )
    return ImportFileError(f"not valid CSV: {exc}", row=row_number)


def _read_xlsx(data: bytes, errors: list | None, seen: dict) -> tuple[list[str], Rows]:
    from .workbook import first_sheet_rows  # openpyxl only when an XLSX file is read

    sheet = first_sheet_rows(data)
    first = next(sheet, None)
    if first is None:
        raise ImportFileError("the workbook's first sheet is empty")
    if first.number != 1:
        raise ImportFileError("the first row must be the header, and it is empty", row=1)
    problems = _formula_problems(first, None)
    if problems:
        raise problems[0]
    last = max(first.values, default=0)
    header = _check_header([_cell_text(first.values.get(c)) for c in range(1, last + 1)])
    named = [(column, name) for column, name in enumerate(header, start=1) if name]

    def rows() -> Rows:
        for row in sheet:
            problems = _formula_problems(row, header)
            values = {column: _cell_text(value) for column, value in row.values.items()}
            if not problems and not any(value.strip() for value in values.values()):
                continue
            seen["rows"] += 1
            try:
                if problems:
                    raise ImportFileErrors(problems)
                cells = _named_cells(values, named, len(header), row.number)
            except ImportFileErrors as found:
                for problem in found.errors:
                    _keep(problem, errors)
                continue
            except ImportFileError as problem:
                _keep(problem, errors)
                continue
            yield row.number, cells

    return header, rows()


def _named_cells(
    values: dict[int, str], named: list[tuple[int, str]], width: int, row_number: int
) -> dict[str, str]:
    """A row's cells by header name, from the cells it holds (by column number).

    Only the cells the row holds and the header's named columns are visited, however wide
    the sheet claims to be. A value beyond the header's last column is a problem, as in CSV.
    """
    beyond = [column for column, value in values.items() if column > width and value.strip()]
    if beyond:
        raise ImportFileError(
            f"the row has a value in column {_letter(max(beyond))} but the header only "
            f"{width} columns",
            row=row_number,
        )
    return _without_nul({name: values.get(column, "") for column, name in named}, row_number)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _formula_problems(row, header: list[str] | None) -> list[ImportFileError]:
    """One problem per cell holding a formula.

    Formulas are read as formulas (not as their cached result, which may be stale or absent):
    importing "=A2&B2" as a recommendation would be wrong.
    """
    problems = []
    for column, formula in sorted(row.formulas.items()):
        letter = _letter(column)
        name = header[column - 1] if header and column <= len(header) else ""
        problems.append(
            ImportFileError(
                f"cell {letter}{row.number} contains a formula ({formula}); "
                "replace it with its value",
                row=row.number,
                column=name or letter,
            )
        )
    return problems


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 8.0 typed in a number column is the number 8
    if isinstance(value, str):
        return _normalise_newlines(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
