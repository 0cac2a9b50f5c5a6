"""A damaged or hostile XLSX file is refused with a reason a person can act on, by the command
and by the admin's upload page alike, and nothing is written."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from django.utils.html import escape

from tests.factories import coordinator

from .files import database_state, refusal_by_command, refusal_by_upload
from .handmade_workbooks import (
    BILLION_LAUGHS,
    DECLARATION,
    MAIN,
    RELATIONSHIPS,
    inline_row,
    sheet_xml,
    workbook,
)

pytestmark = pytest.mark.django_db

HEADER = inline_row(1, "State under review", "Reference", "Text", "Position")
GOOD_ROW = inline_row(2, "BLR", "97.1", "Ratify the Convention against Torture", "Supported")


def sheet_with(*rows: str, **options) -> bytes:
    """A workbook whose sheet holds the header, a good row, then ``rows``."""
    return workbook(sheet_xml(HEADER + GOOD_ROW + "".join(rows)), **options)


def cell_row(number: int, cell: str) -> str:
    return f'<row r="{number}">{cell}</row>'


def broken_sheet_xml() -> bytes:
    return workbook(sheet_xml(HEADER + GOOD_ROW).replace("</sheetData>", "</sheetDta>"))


def entities_in_the_sheet() -> bytes:
    rows = HEADER + GOOD_ROW.replace("97.1", "&lol9;")
    return workbook(sheet_xml(rows, prologue=BILLION_LAUGHS.format(root="worksheet")))


def external_entity_in_the_shared_strings() -> bytes:
    strings = (
        f'{DECLARATION}<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        f'<sst xmlns="{MAIN}"><si><t>&secret;</t></si></sst>'
    )
    return sheet_with(
        cell_row(3, '<c r="A3" t="s"><v>0</v></c>'),
        strings=["placeholder"],
        parts={"xl/sharedStrings.xml": strings},
    )


def entities_in_the_workbook_part() -> bytes:
    part = (
        f"{DECLARATION}{BILLION_LAUGHS.format(root='workbook')}"
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        '<sheets><sheet name="&lol3;" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    return sheet_with(parts={"xl/workbook.xml": part})


def no_worksheet() -> bytes:
    part = f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets/></workbook>'
    return sheet_with(parts={"xl/workbook.xml": part})


def missing_sheet_part() -> bytes:
    return sheet_with(parts={"xl/worksheets/sheet1.xml": None})


def declared_size(size: int) -> bytes:
    """A small, honest workbook whose archive then claims that its sheet unpacks to ``size``."""
    data = bytearray(sheet_with())
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + size_at + 4)[0]
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + name_length] == name:
                struct.pack_into("<I", data, start + size_at, size)
            start += 4
    return bytes(data)


def zip_bomb(megabytes: int) -> bytes:
    """A sheet padded with spaces (harmless XML), which deflate packs a thousand times."""
    rows = HEADER + GOOD_ROW
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(sheet_with())) as honest,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in honest.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(info.filename, honest.read(info))
                continue
            with bomb.open(info.filename, "w") as sheet:
                head, tail = sheet_xml(rows).split("<sheetData>")
                sheet.write(f"{head}<sheetData>".encode())
                for _ in range(megabytes):
                    sheet.write(b" " * 1_000_000)
                sheet.write(tail.encode())
    return buffer.getvalue()


def damaged_compressed_data() -> bytes:
    data = bytearray(sheet_with())
    start = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    for offset in range(start + 20, start + 40):
        data[offset] ^= 0xFF
    return bytes(data)


HOSTILE = {
    "broken sheet XML": (broken_sheet_xml, "xl/worksheets/sheet1.xml is not well-formed XML"),
    "a cell reference like ZZZZZ9": (
        lambda: sheet_with(cell_row(9, '<c r="ZZZZZ9" t="inlineStr"><is><t>x</t></is></c>')),
        "'ZZZZZ9' is not a cell reference",
    ),
    "a cell beyond the last column": (
        lambda: sheet_with(cell_row(3, '<c r="XFE3" t="inlineStr"><is><t>x</t></is></c>')),
        "cell XFE3 lies beyond the last column of a sheet (XFD)",
    ),
    "a row beyond the last row": (
        lambda: sheet_with(inline_row(1_048_577, "BLR")),
        "row 1048577 lies beyond the last row of a sheet (1048576)",
    ),
    "a row number that is no number": (
        lambda: sheet_with('<row r="three"><c t="inlineStr"><is><t>BLR</t></is></c></row>'),
        "'three' is not a row number",
    ),
    "rows out of order": (
        lambda: sheet_with(inline_row(5, "BLR"), inline_row(4, "BLR")),
        "row 4 comes after row 5",
    ),
    "cells out of order": (
        lambda: sheet_with(
            cell_row(3, '<c r="B3"><v>1</v></c><c r="A3"><v>2</v></c>'),
        ),
        "cell A3 comes after cell B3",
    ),
    "a shared-string index out of range": (
        lambda: sheet_with(cell_row(3, '<c r="A3" t="s"><v>7</v></c>'), strings=["BLR"]),
        "cell A3 refers to shared string 7, but the workbook has 1",
    ),
    "a negative shared-string index": (
        lambda: sheet_with(cell_row(3, '<c r="A3" t="s"><v>-1</v></c>'), strings=["BLR"]),
        "cell A3 refers to shared string -1, but the workbook has 1",
    ),
    "text in a number cell": (
        lambda: sheet_with(cell_row(3, '<c r="A3" t="n"><v>abc</v></c>')),
        "cell A3 is marked as a number but holds 'abc'",
    ),
    "text in a true/false cell": (
        lambda: sheet_with(cell_row(3, '<c r="A3" t="b"><v>perhaps</v></c>')),
        "cell A3 is marked as true or false but holds 'perhaps'",
    ),
    "text in a date cell": (
        lambda: sheet_with(cell_row(3, '<c r="A3" t="d"><v>next week</v></c>')),
        "cell A3 is marked as a date but holds 'next week'",
    ),
    "entity declarations in the sheet (billion laughs)": (
        entities_in_the_sheet,
        "xl/worksheets/sheet1.xml declares a document type (DTD)",
    ),
    "an external entity in the shared strings": (
        external_entity_in_the_shared_strings,
        "xl/sharedStrings.xml declares a document type (DTD)",
    ),
    "entity declarations in the workbook part": (
        entities_in_the_workbook_part,
        "xl/workbook.xml declares a document type (DTD)",
    ),
    "a zip bomb": (lambda: zip_bomb(200), "unpacks to 200 MB"),
    "a small zip bomb": (
        lambda: zip_bomb(5),
        "this is a decompression bomb",
    ),
    "an archive that claims a huge part": (
        lambda: declared_size(3_000_000_000),
        "unpacks to 3000 MB",
    ),
    "damaged compressed data": (damaged_compressed_data, "the file is damaged"),
    "a workbook without a worksheet": (no_worksheet, "the workbook has no worksheet"),
    "a password-protected workbook (not a ZIP archive)": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
        "save it as .xlsx without a password, or as CSV",
    ),
    "a worksheet part that is missing": (missing_sheet_part, "the workbook has no worksheet"),
}


@pytest.fixture(params=["command", "admin upload"])
def refusal(request, tmp_path, client):
    """What the person importing sees when a door refuses ``data``."""
    if request.param == "command":
        return lambda data: refusal_by_command(tmp_path, data, "hostile.xlsx")
    client.force_login(coordinator())
    return lambda data: refusal_by_upload(client, data, "hostile.xlsx")


def test_a_well_formed_handmade_workbook_is_imported():
    """The hostile files below differ from this one only by what makes them hostile."""
    from .files import run

    result = run(sheet_with(), "handmade.xlsx")

    assert result.ok, result.errors.in_order()
    assert result.created == 1


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_workbook_is_refused_with_a_reason(case, refusal):
    build, reason = HOSTILE[case]
    data = build()
    before = database_state()

    shown = refusal(data)

    assert escape(reason) in shown or reason in shown
    assert "Traceback" not in shown
    assert database_state() == before
