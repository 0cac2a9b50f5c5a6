"""CSV and XLSX downloads that stream, and cells a spreadsheet cannot run.

A cell beginning with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would be taken
for a formula by a spreadsheet program opening the file, and a formula can fetch URLs or run
commands ("CSV injection"). Such cells are written with a leading apostrophe, which spreadsheet
programs show as text; the tracker's importer drops that apostrophe again, so exports still
read back unchanged.

Downloads are machine formats: whatever the language of the page they are taken from, they
are written in English (the tracker's import format reads its own columns and words back),
with numbers as numbers ("73.0") and dates as ISO dates ("2013-12-21"). Each row is made
under English (``_in_english``), so a label the code marks for translation stays English.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from functools import wraps
from itertools import islice

from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
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
    words = slugify(" ".join(map(str, [subject, *described])), allow_unicode=True)
    if len(words) > DESCRIPTION_LENGTH:
        words = words[: DESCRIPTION_LENGTH + 1].rsplit("-", 1)[0]
    return f"{words}-{(day or timezone.localdate()).isoformat()}.{extension}"


def in_english(view):
    """A download view, run under English: what it writes (its name, header, labels) is
    the same whatever the language of the page it was taken from. Its 400 answers too:
    they name the parameters as the API's do."""

    @wraps(view)
    def english_view(request, *args, **kwargs):
        with translation.override("en"):
            return view(request, *args, **kwargs)

    return english_view


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
    UTF-8) a batch of rows at a time (``BATCH``): the rows are never all in memory."""
    writer = csv.writer(_Line())

    def lines():
        yield "\ufeff" + writer.writerow(_english_row(header))
        for batch in _batches_in_english(rows):
            yield "".join(
                writer.writerow(["" if v is None else neutralised(v) for v in row]) for row in batch
            )

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
        sheet = workbook.create_sheet(title=str(title))
        bold = []
        for name in _english_row(header):
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=name)
            cell.font = Font(bold=True)
            bold.append(cell)
        sheet.append(bold)
        for row in _in_english(rows):
            sheet.append([_xlsx_value(value) for value in row])
    stored = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(stored)
    stored.seek(0)
    return FileResponse(stored, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


# Rows made under English at a time: a download of 100,000 rows switched the language on
# and off twice per row (a fifth of its time), and wrote each line as a piece of its own.
BATCH = 500


def _in_english(rows: Iterable[Sequence]):
    """``rows``, each made (a generator runs its code as it is asked for the next) and
    written out under English."""
    for batch in _batches_in_english(rows):
        yield from batch


def _batches_in_english(rows: Iterable[Sequence]):
    """``rows`` in lists of at most ``BATCH``, each row made and written out under
    English."""
    iterator = iter(rows)
    while True:
        with translation.override("en"):
            batch = [_plain_row(row) for row in islice(iterator, BATCH)]
        if not batch:
            return
        yield batch


def _english_row(row: Sequence) -> list:
    with translation.override("en"):
        return _plain_row(row)


def _plain_row(row: Sequence) -> list:
    """The row with each text marked for translation written out (in the active
    language)."""
    return [str(value) if isinstance(value, Promise) else value for value in row]


def _xlsx_value(value):
    if isinstance(value, str):
        return neutralised(_ILLEGAL_XML.sub("", value))
    return value


def bad_download(filters, kind: str) -> JsonResponse:
    """400 with the reasons: the filters that did not validate (``filters``, a filter set)
    and a format other than :data:`FORMATS`."""
    errors = {} if filters.is_valid() else dict(filters.errors)
    if kind not in FORMATS:
        errors["format"] = [
            translation.gettext("choose one of %(formats)s") % {"formats": ", ".join(FORMATS)}
        ]
    return JsonResponse({"errors": errors}, status=400)
