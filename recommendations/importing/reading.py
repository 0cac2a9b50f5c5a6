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
import io
import zipfile
from collections.abc import Iterator

from .errors import ImportFileError

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


def guess_encoding(data: bytes) -> str:
    """The encoding :func:`decode_text` tries for ``data`` when none is named.

    ``utf-8`` when the bytes are UTF-8 (with or without a byte-order mark); otherwise
    ``mac_roman`` for a file whose lines end in CR alone (a classic Mac file, as UPR Info's
    exports are) and ``cp1252`` for any other legacy file.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return MAC_ENCODING if b"\r" in data and b"\n" not in data else FALLBACK_ENCODING
    return "utf-8"


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """Decode a text file and normalise its line endings to ``\\n``.

    Without ``encoding``: UTF-8 (a leading byte-order mark is dropped), else the legacy
    encoding :func:`guess_encoding` names (Mac Roman for CR-only files, cp1252 otherwise, which
    must then define every byte). With ``encoding``: that encoding only, strictly. Raises
    :class:`ImportFileError` whose ``row`` is the line number of the first byte that cannot be
    decoded (for the automatic case: the first byte that is not UTF-8).
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
        try:
            return _normalise_newlines(data.decode(guess_encoding(data)))
        except UnicodeDecodeError as cp_error:
            row = _line_of(data, utf8_error.start, "utf-8")
            cp_row = _line_of(data, cp_error.start, FALLBACK_ENCODING)
            raise ImportFileError(
                f"the file is neither UTF-8 (byte 0x{data[utf8_error.start]:02X} on line {row}) "
                f"nor Windows-1252 (byte 0x{data[cp_error.start]:02X} on line {cp_row} is "
                "undefined there); save it as UTF-8 or name its encoding",
                row=row,
            ) from utf8_error


def read_rows(
    data: bytes, filename: str, encoding: str | None = None, errors: list | None = None
) -> tuple[list[str], Rows]:
    """Read a CSV or XLSX file into its header and an iterator of ``(row_number, row)``.

    The format follows the file name (``.xlsx``/``.xlsm``, or a ZIP signature, means XLSX;
    anything else is read as CSV). Header names are stripped; each row maps every header name
    to a string ('' for an empty cell). Blank rows are skipped but keep their number. Raises
    :class:`ImportFileError` for an empty file, a file with a header and no data rows, a
    duplicated header name and, while iterating, for a row with more cells than the header or
    (XLSX) a cell holding a formula. With an ``errors`` list, those row problems are appended
    to it instead (one per formula cell) and the row is left out, so that validation can go
    on to the end of the file.
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
        header, rows = _read_csv(decode_text(data, encoding), errors, seen)
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
    return {name: cell for name, cell in zip(header, cells, strict=False) if name}


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
        raise ImportFileError(f"the header is not valid CSV: {exc}", row=1) from exc

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
                raise ImportFileError(f"not valid CSV: {exc}", row=row_number) from exc
            if any(cell.strip() for cell in cells):
                seen["rows"] += 1
                try:
                    yield row_number, _as_dict(header, cells, row_number)
                except ImportFileError as problem:
                    _keep(problem, errors)

    return header, rows()


def _read_xlsx(data: bytes, errors: list | None, seen: dict) -> tuple[list[str], Rows]:
    import openpyxl  # imported here so that CSV-only use needs no third-party package

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(f"not a readable XLSX workbook ({exc})") from exc
    # The first sheet, as a person opening the file would see it first.
    sheet = workbook.worksheets[0]
    source = enumerate(sheet.iter_rows(min_row=1), start=1)
    first = next(source, None)
    if first is None:
        workbook.close()
        raise ImportFileError("the workbook's first sheet is empty")
    header = _check_header(_xlsx_cells(first[1], first[0], None))

    def rows() -> Rows:
        try:
            for row_number, cells in source:
                problems = _formula_cells(cells, row_number, header)
                if problems:
                    seen["rows"] += 1
                    for problem in problems:
                        _keep(problem, errors)
                    continue
                values = _xlsx_cells(cells, row_number, header)
                if any(value.strip() for value in values):
                    seen["rows"] += 1
                    try:
                        row = _as_dict(header, values, row_number)
                    except ImportFileError as problem:
                        _keep(problem, errors)
                        continue
                    yield row_number, row
        finally:
            workbook.close()

    return header, rows()


def _xlsx_cells(cells: tuple, row_number: int, header: list[str] | None) -> list[str]:
    problems = _formula_cells(cells, row_number, header)
    if problems:
        raise problems[0]
    return [_cell_text(cell.value) for cell in cells]


def _formula_cells(cells: tuple, row_number: int, header: list[str] | None) -> list:
    """One problem per cell holding a formula.

    We read with data_only=False so that formulas are seen: their cached result may be stale
    or absent, and importing "=A2&B2" as a recommendation would be wrong.
    """
    problems = []
    for index, cell in enumerate(cells):
        if cell.data_type == "f":
            from openpyxl.utils import get_column_letter

            letter = get_column_letter(index + 1)
            column = header[index] if header and index < len(header) and header[index] else letter
            problems.append(
                ImportFileError(
                    f"cell {letter}{row_number} contains a formula "
                    f"({_formula_text(cell.value)}); replace it with its value",
                    row=row_number,
                    column=column,
                )
            )
    return problems


def _formula_text(value: object) -> str:
    return value if isinstance(value, str) else getattr(value, "text", None) or "array formula"


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
