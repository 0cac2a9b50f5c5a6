"""OHCHR thematic lists written by hand with python-docx, in the layouts OHCHR has used."""

from __future__ import annotations

import io
import struct
import zipfile

import docx

# The layout of the fourth cycle (the Slovenia list of the shared data).
CYCLE_4 = [
    "Recommendation and recommending State",
    "Position of the State under review",
    "Human rights themes and groups of persons",
    "Relevant SDGs",
]
# The layout of earlier cycles: themes with their codes, SDGs and affected persons in the
# themes cell, and an assessment column.
CYCLE_3 = [
    "Recommendation",
    "Position",
    "Full list of themes",
    "Assessment/comments on level of implementation",
]


def thematic_list(
    header: list[str], rows: list, *, before: list[list[str]] = (), more: list[list] = ()
) -> bytes:
    """A Word document whose table has ``header`` then ``rows``: a string is a heading row
    (one cell across the table), a list holds a row's cells, each cell's lines its paragraphs.
    ``before`` is a table put first (a title block), which the reader must pass over; each of
    ``more`` is the rows of another table with the same header, after a paragraph."""
    document = docx.Document()
    document.add_paragraph("Thematic list of recommendations")
    if before:
        _table(document, before)
    for table_rows in (rows, *more):
        table = _table(document, [header])
        for row in table_rows:
            if isinstance(row, str):
                cells = table.add_row().cells
                merged = cells[0].merge(cells[-1])
                merged.text = row
            else:
                _fill(table.add_row().cells, row)
        document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, rows: list[list[str]]):
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        _fill(table.add_row().cells, row)
    return table


def _fill(cells, values: list[str]) -> None:
    for cell, value in zip(cells, values, strict=True):
        first, *others = value.split("\n")
        cell.paragraphs[0].text = first
        for line in others:
            cell.add_paragraph(line)


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    """The document with its part ``name`` replaced (or added)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as original,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as changed,
    ):
        for info in original.infolist():
            if info.filename != name:
                changed.writestr(info, original.read(info))
        changed.writestr(name, content)
    return buffer.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def claiming_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with the unpacked size its headers declare for part ``name`` set to
    ``size`` (the part itself unchanged)."""
    changed = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := changed.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", changed, start + size_at + 4)[0]
            if changed[start + name_at : start + name_at + name_length] == encoded:
                struct.pack_into("<I", changed, start + size_at, size)
            start += 4
    return bytes(changed)
