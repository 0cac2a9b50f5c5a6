"""OHCHR's "Thematic list of recommendations" (.docx): the document a coordinator is handed.

After each UPR review OHCHR publishes, for the state reviewed, a Word document with one table of
every recommendation, grouped under ``Theme: …`` heading rows. This module reads that table into
:class:`ThematicRow` values; :func:`~.upr_imports.import_thematic_list` imports them.

The table's columns are found by their header's words, so every layout OHCHR has used reads
alike (cycle 4: "Recommendation and recommending State", "Position of the State under review",
"Human rights themes and groups of persons", "Relevant SDGs"; earlier: "Recommendation",
"Position", "Full list of themes", "Assessment/comments on level of implementation"):

* the recommendation: ``140.7 Ratify … (Maldives) (Portugal);`` — its paragraph (``166.6.``
  with a dot too), its text, and every recommending state in the parentheses that close each of
  its sentences (``(Venezuela (Bolivarian Republic of))`` and ``(Algeria, Egypt)`` too); a
  ``Recommending State`` column of its own stands in for a text without them. A line
  ``Source of position: A/HRC/59/15/Add.1 - Para.3`` (any case) gives where the position
  comes from;
* the position: ``Supported``, ``Noted``, ``Supported/Noted`` (partially supported) or any
  response word of :data:`~.vocabulary.RESPONSE_WORDS`; blank while the state has not answered;
* the themes cell: one theme a line, with or without a leading ``- `` or a code
  (``A12 Acceptance of international norms`` is the theme "Acceptance of international
  norms"), then the affected persons after ``Affected persons:`` or ``Groups of Persons:``, and
  the SDGs after ``SDGs:`` when they have no column of their own;
* the SDGs: ``- 1 - NO POVERTY`` (goal 1) or targets such as ``16.3`` (kept as a target, with
  its goal 16);
* an assessment column (some years) is not read: it is the state's own later assessment.

A row that is neither a recommendation nor a heading (nor blank, nor the header repeated) is an
error with its table row (the header is row 1), never dropped. Older lists repeat a
recommendation under each of its themes: a repeat with the same text and position adds its
themes; one that differs is an error.

The package is checked before python-docx parses it (:mod:`.ooxml`: size, zip bomb, DTD).
Cell text is read from the cell's XML rather than python-docx's ``text``, which leaves out
the runs of tracked insertions and content controls. No Django here.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from .errors import ImportFileError
from .ooxml import DAMAGED_ARCHIVE, MB, OLE_MAGIC, ZIP_MAGIC, PackageKind, damaged, open_package
from .records import RecommendationRecord
from .thematic_rows import RowReader, ThematicRow, unique
from .vocabulary import StateNames

DOCUMENT = PackageKind(
    noun="document",
    described="a Word document (.docx)",
    program="a word processor",
    save_as=".docx",
    max_unpacked=50 * MB,
    too_large="a thematic list is far smaller: is this the right file?",
)
MAIN_PART = "word/document.xml"
SOURCE = "OHCHR thematic list of recommendations"

_SPACE = re.compile(r"\s+")
# What a run's tab, line break and non-breaking hyphen are in a cell's text.
_MARKS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


@dataclass
class ThematicList:
    """The recommendations of a list, and which kinds of information its layout carries."""

    rows: list[ThematicRow]
    table_rows: int  # rows read below the header
    has_persons: bool  # some row names affected persons (or the table has a column for them)
    has_sdgs: bool


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a Word document: a ZIP archive holding ``word/document.xml``."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return MAIN_PART in archive.namelist()
    except (*DAMAGED_ARCHIVE, ValueError):
        return False


def read_thematic_list(data: bytes, names: StateNames, errors: list) -> ThematicList:
    """The recommendations of the document's table of recommendations (see module doc).

    Each row's problems are appended to ``errors`` with its table row and column, and the row
    is left out. Raises :class:`ImportFileError` for a file that is not a Word document, is
    damaged or hostile, or holds no table of recommendations.
    """
    reader = RowReader(names, errors)
    table_rows, has_persons, has_sdgs = 0, False, False
    for number, table in enumerate(_tables(_open(data)), start=1):
        header = _header(table)
        columns = _columns(header)
        reader.start_table(
            header, columns, f"table {number} of recommendations" if number > 1 else ""
        )
        has_persons = has_persons or "persons" in columns
        has_sdgs = has_sdgs or "sdgs" in columns
        for index, row in enumerate(table.rows[1:], start=2):
            table_rows += 1
            cells = [_text(cell) for cell in row.cells]
            cells += [""] * (len(header) - len(cells))
            if any(cells) and cells[: len(header)] != header:
                reader.read(index, cells)
    if not reader.rows and not errors:
        raise ImportFileError("the table of recommendations holds no recommendation")
    return ThematicList(
        rows=list(reader.rows.values()),
        table_rows=table_rows,
        has_persons=reader.has_persons or has_persons,
        has_sdgs=reader.has_sdgs or has_sdgs,
    )


def to_records(found: ThematicList) -> list[RecommendationRecord]:
    """The list's rows as records: the heading joins the themes; persons and SDGs are set only
    when the layout carries them, so a list without them leaves the tracker's as they are."""
    records = []
    for row in found.rows:
        records.append(
            RecommendationRecord(
                row_number=row.row_number,
                reference=row.reference,
                values={
                    "text": row.text,
                    "position": row.position,
                    "position_source": row.position_source or SOURCE,
                },
                recommending_states=row.recommending_states,
                themes=unique([*row.themes, row.theme_heading]),
                affected_groups=row.affected_persons if found.has_persons else None,
                # A target ("16.3") is kept as a target, and brings its goal (16).
                sdg_goals=row.sdg_goals if found.has_sdgs else None,
                sdg_targets=row.sdg_targets if found.has_sdgs else None,
            )
        )
    return records


def _open(data: bytes):
    import docx  # python-docx only when a Word document is read

    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            "the file is an old Word .doc document or a password-protected one: save it as "
            ".docx without a password"
        )
    if not is_docx(data):
        raise ImportFileError(
            "the file is not a Word document (.docx); OHCHR's thematic lists are, and other "
            "files are imported in another format"
        )
    with open_package(data, DOCUMENT):
        try:
            return docx.Document(io.BytesIO(data))
        except (ParseError, SyntaxError) as exc:  # lxml's XMLSyntaxError is a SyntaxError
            raise ImportFileError(
                f"the file is damaged: its XML is not well-formed ({exc})"
            ) from exc
        except (*DAMAGED_ARCHIVE, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged(exc, DOCUMENT) from exc


def _tables(document) -> list:
    """The document's tables of recommendations: those whose header names a recommendation
    and a position column (a list may be split in several; a title block is not one)."""
    tables = [
        table
        for table in document.tables
        if table.rows and {"recommendation", "position"} <= set(_columns(_header(table)))
    ]
    if tables:
        return tables
    raise ImportFileError(
        "the document has no table of recommendations (a table whose first row names the "
        'columns "Recommendation" and "Position")'
    )


def _header(table) -> list[str]:
    return [_text(cell) for cell in table.rows[0].cells]


def _columns(header: list[str]) -> dict[str, int]:
    """What each column holds, by its header's words: {kind: column index}."""
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        words = _SPACE.sub(" ", name).casefold()
        kind = None
        if words.startswith("recommending state"):
            kind = "states"
        elif words.startswith("recommendation"):
            kind = "recommendation"
        elif words.startswith("position"):
            kind = "position"
        elif "sdg" in words:
            kind = "sdgs"
        elif "theme" in words:
            kind = "themes"
        elif "persons" in words:
            kind = "persons"
        elif "assessment" in words:
            kind = "assessment"
        if kind and kind not in columns:
            columns[kind] = index
    return columns


def _text(cell) -> str:
    """A cell's text, a line a paragraph (or line break), its runs read from the XML."""
    lines = []
    for paragraph in cell._tc.xpath(".//w:p"):
        nodes = paragraph.xpath(".//w:t | .//w:tab | .//w:br | .//w:cr | .//w:noBreakHyphen")
        lines.append(
            "".join(node.text or "" if _tag(node) == "t" else _MARKS[_tag(node)] for node in nodes)
        )
    return "\n".join(lines).strip()


def _tag(node) -> str:
    return node.tag.rpartition("}")[2]
