"""CSV and XLSX downloads that stream, and cells a spreadsheet cannot run.

A cell beginning with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would be taken
for a formula by a spreadsheet program opening the file, and a formula can fetch URLs or run
commands ("CSV injection"). Such cells are written with a leading apostrophe, which spreadsheet
programs show as text; the tracker's importer drops that apostrophe again, so exports still
read back unchanged.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date

from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XLSX (XML) cannot hold; openpyxl refuses them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# What a download offers: ``?format=csv`` (the default) or ``?format=xlsx``.
FORMATS = ("csv", "xlsx")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# A download's name says what it holds in at most this many characters before its day.
DESCRIPTION_LENGTH = 80


def download_name(
    subject: str, described: Iterable[str] = (), *, extension: str, day: date | None = None
) -> str:
    """The name of a download, saying what it holds and when it was made:
    ``recommendations-belarus-upr-cycle-1-2010-2026-12-02.csv`` — the subject, the
    review or filters in force (``described``; cut at a word past
    ``DESCRIPTION_LENGTH`` characters), the day (default: today) and the extension.
    Letters of any script are kept (a header written with ``content_disposition_header``
    carries them)."""
    words = slugify(" ".join([subject, *described]), allow_unicode=True)
    if len(words) > DESCRIPTION_LENGTH:
        words = words[: DESCRIPTION_LENGTH + 1].rsplit("-", 1)[0]
    return f"{words}-{(day or timezone.localdate()).isoformat()}.{extension}"


def neutralised(value):
    """The value as a spreadsheet should receive it: text that could start a formula is
    prefixed with an apostrophe; numbers and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Line:
    """A file-like object whose ``write`` returns what it was given (for csv.writer)."""

    def write(self, text: str) -> str:
        return text


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]):
    """Stream a CSV file (UTF-8 with a byte-order mark, so spreadsheet programs read it as
    UTF-8) row by row: the rows are never all in memory."""
    writer = csv.writer(_Line())

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow(["" if v is None else neutralised(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type=CSV_TYPE)
    disposition = content_disposition_header(True, filename)
    assert disposition is not None  # None only for an inline file without a name
    response["Content-Disposition"] = disposition
    return response


def xlsx_response(filename: str, sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence]]]):
    """An XLSX workbook with one sheet per ``(title, header, rows)``.

    openpyxl's write-only mode keeps the rows on disk as they come, and the finished file is
    served from a temporary file, so a long list does not fill the memory.
    """
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title)
        bold = []
        for name in header:
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=name)
            cell.font = Font(bold=True)
            bold.append(cell)
        sheet.append(bold)
        for row in rows:
            sheet.append([_xlsx_value(value) for value in row])
    stored = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(stored)
    stored.seek(0)
    return FileResponse(stored, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def _xlsx_value(value):
    if isinstance(value, str):
        return neutralised(_ILLEGAL_XML.sub("", value))
    return value


def bad_download(filters, kind: str) -> JsonResponse:
    """400 with the reasons: the filters that did not validate (``filters``, a filter set)
    and a format other than :data:`FORMATS`."""
    errors = {} if filters.is_valid() else dict(filters.errors)
    if kind not in FORMATS:
        errors["format"] = [f"choose one of {', '.join(FORMATS)}"]
    return JsonResponse({"errors": errors}, status=400)
