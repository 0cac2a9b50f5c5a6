"""``?format=csv`` on every list: the filtered rows, streamed.

Rows are read with ``QuerySet.iterator(chunk_size=…)`` and written one by one
into a StreamingHttpResponse, so a large export never sits in memory whole.
Columns are the JSON fields; lists become "a; b; c".
"""

import csv
from collections.abc import Iterable

from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer

from ..spreadsheets import neutralised


class CSVRenderer(BaseRenderer):
    """Lets ``?format=csv`` (and ``Accept: text/csv``) choose CSV; lists stream their
    rows themselves (see ``stream_csv``), this renders any other list of rows."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data if isinstance(data, list) else [data]
        columns = list(rows[0]) if rows else []
        return "".join(csv_lines(rows, columns)).encode(self.charset)


class _Echo:
    """A file-like object whose ``write`` returns what it is given: csv.writer then
    hands each formatted line back instead of storing it."""

    def write(self, value):
        return value


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {cell(item)}" for key, item in value.items())
    # Text that a spreadsheet would take for a formula is quoted, as in every download.
    return neutralised(value) if isinstance(value, str) else str(value)


def csv_lines(rows: Iterable[dict], columns: list[str]):
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([cell(row.get(column)) for column in columns])


def stream_csv(rows: Iterable[dict], columns: list[str], filename: str) -> StreamingHttpResponse:
    """A CSV download of ``rows`` (dicts; ``columns`` in that order), produced as it is sent."""
    response = StreamingHttpResponse(
        csv_lines(rows, columns), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
