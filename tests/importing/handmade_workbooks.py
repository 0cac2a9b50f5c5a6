"""XLSX workbooks written part by part, to make the malformed and hostile files no program
saves: broken XML, impossible cell references, entity declarations, lying dimensions.

A workbook is a ZIP archive of XML parts; :func:`workbook` writes the smallest set Excel and
openpyxl accept (content types, package and workbook relationships, the workbook, one sheet and,
when given strings, the shared-string table), each replaceable by hand.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# A document type whose entities expand a thousand million times ("billion laughs"): no
# office program writes a DTD, so a part declaring one is refused (workbooks and documents).
BILLION_LAUGHS = (
    '<!DOCTYPE {root} [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1 or "") + ";") * 10}">' for n in range(1, 10))
    + "]>"
)


def sheet_xml(rows: str, *, dimension: str | None = None, prologue: str = "") -> str:
    """A worksheet part whose ``<sheetData>`` holds ``rows`` (``<row>`` elements) as given."""
    dimension_element = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'{DECLARATION}{prologue}<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f"{dimension_element}<sheetData>{rows}</sheetData></worksheet>"
    )


def inline_row(number: int, *values: str) -> str:
    """A ``<row>`` of inline-string cells A, B, C … holding ``values``."""
    cells = "".join(
        f'<c r="{chr(ord("A") + index)}{number}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        for index, value in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def strings_xml(strings: list[str]) -> str:
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    count = len(strings)
    return f'{DECLARATION}<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">{items}</sst>'


def workbook(sheet: str, *, strings: list[str] | None = None, parts: dict | None = None) -> bytes:
    """The bytes of an XLSX file with ``sheet`` as its only worksheet's XML.

    ``strings`` adds a shared-string table; ``parts`` adds or replaces parts by their path in
    the archive (a value of None leaves that part out).
    """
    overrides = [("/xl/workbook.xml", WORKBOOK_TYPE), ("/xl/worksheets/sheet1.xml", SHEET_TYPE)]
    relationships = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    contents = {"xl/worksheets/sheet1.xml": sheet}
    if strings is not None:
        overrides.append(("/xl/sharedStrings.xml", STRINGS_TYPE))
        relationships.append(("rId2", "sharedStrings", "sharedStrings.xml"))
        contents["xl/sharedStrings.xml"] = strings_xml(strings)
    contents = {
        "[Content_Types].xml": (
            f'{DECLARATION}<Types xmlns="{CONTENT_TYPES}">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
            + "</Types>"
        ),
        "_rels/.rels": (
            f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<sheets><sheet name="Recommendations" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            + "".join(
                f'<Relationship Id="{id_}" Type="{OFFICE}/{kind}" Target="{target}"/>'
                for id_, kind, target in relationships
            )
            + "</Relationships>"
        ),
        **contents,
        **(parts or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in contents.items():
            if text is not None:
                archive.writestr(name, text.encode() if isinstance(text, str) else text)
    return buffer.getvalue()
