"""OHCHR's Universal Human Rights Index (uhri.ohchr.org) export: "Export to Excel".

The Index holds what the UPR, the treaty bodies and the special procedures said to each state,
one record ("annotation") a row. Its export is read by column name, under the names it has
today (their spelling, typos included) or the older names in brackets:

==========================  ====================================================  ========
column                      other names                                           required
==========================  ====================================================  ========
Text                        Recommendation, Annotation, Recommendation text,      yes
                            Observation
Countries Concerned         State, State under review, Country, Countries,        yes
                            Affected State
Reccomending Body           Recommending Body, Mechanism, Body, Mechanism/Body    no
Document Symbol             Symbol, Document                                      no
Document Publication Date   Publication date                                      no
Type                        Annotation type                                       no
OHCHR Annotation Id         Annotation Id                                         no
UPR Session                 Session                                               no
UPR Reccomending States     UPR Recommending States, Recommending States,         no
                            Recommending State(s), Source
UPR Position                Response, Position, Status of recommendation          no
Themes                      Theme                                                 no
Affected Persons            Concerned persons, Affected groups, Groups of persons no
Sdgs                        SDGs, SDG goals, Sustainable Development Goals        no
Paragraph                   Reference, Paragraph number, Para                     no
Cycle                       UPR cycle                                             no
==========================  ====================================================  ========

"Regions Concerned", "Recommending Regions" and "Date of publication on UHRI" are not read.
A list cell holds one value a line, each after ``- `` ("- Belarus"); older files separated
them with semicolons. Single values may carry the dash too ("- CAT"). SDGs are targets
("- 16.3 - Promote the rule of law"), each bringing its goal, or goals ("5", "SDG 5").
Dates are Excel serial numbers (in XLSX files) or text (ISO, "1 March 2024", "01/03/2024").

What a row becomes:

* ``Type`` "Concerns/Observations": no recommendation; the row is counted as skipped.
* ``Reccomending Body``: the mechanism by its code ("- CAT", "- UPR"); a special procedure's
  mandate ("- SR Torture", "- IE …", "- WG …") is added as the export names it. Empty: UPR.
* The review: for the UPR the cycle of ``UPR Session`` (or ``Cycle``); otherwise the
  document (``Document Symbol``, e.g. CAT/C/BLR/CO/5), dated by its publication date.
* ``Countries Concerned``: one recommendation for each state the row names (the import keeps
  those it covers).
* The reference: ``Paragraph`` when the file has it, else the paragraph number the text
  carries ("115.1 Ratify …", "Rural women 49.The Committee …"), else the annotation id.
* ``OHCHR Annotation Id``: the record's identity within its review (a newer export updates
  the recommendation with the same id).

Pure Python: no Django here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .columns import Column, RowCells, read_records, split_dashed_list, undashed
from .reading import Rows
from .records import RecommendationRecord, ReviewKey, upr_cycle_of_session
from .vocabulary import PENDING, StateNames

UHRI_SOURCE = "Universal Human Rights Index"

COLUMNS = (
    Column("Text", ("Recommendation", "Annotation", "Recommendation text", "Observation"), True),
    Column(
        "Countries Concerned",
        ("State", "State under review", "Country", "Countries", "Affected State"),
        True,
    ),
    Column("Reccomending Body", ("Recommending Body", "Mechanism", "Body", "Mechanism/Body")),
    Column("Document Symbol", ("Symbol", "Document")),
    Column("Document Publication Date", ("Publication date",)),
    Column("Type", ("Annotation type",)),
    Column("OHCHR Annotation Id", ("Annotation Id",)),
    Column("UPR Session", ("Session",)),
    Column(
        "UPR Reccomending States",
        (
            "UPR Recommending States",
            "Recommending States",
            "Recommending State",
            "Recommending State(s)",
            "Source",
        ),
    ),
    Column("UPR Position", ("Response", "Position", "Status of recommendation")),
    Column("Themes", ("Theme",)),
    Column("Affected Persons", ("Concerned persons", "Affected groups", "Groups of persons")),
    Column("Sdgs", ("SDGs", "SDG", "SDG goals", "Sustainable Development Goals")),
    Column("Paragraph", ("Reference", "Paragraph number", "Para")),
    Column("Cycle", ("UPR cycle",)),
)
ANNOTATION_ID_LENGTH = 64  # Recommendation.ohchr_annotation_id
REFERENCE_LENGTH = 40  # Recommendation.reference

_NUMBER = re.compile(r"(\d+)")
# A UPR recommendation starts with its paragraph: "115.1 Ratify …", "97.12. Consider …".
_UPR_PARAGRAPH = re.compile(r"\s*(\d{1,3}(?:\.\d{1,3}){1,2})\.?(?=\s|$)")
# A treaty body's or special procedure's paragraph, after the heading it sits under:
# "Rural women 49.The Committee …", "23. The Special Rapporteur …".
_PARAGRAPH = re.compile(r"(?:^|(?<=\s))(\d{1,3})\.\s*(?=[A-Z(“\"‘'])")
# Where the heading before a paragraph number may end: it is short.
_HEADING_LENGTH = 300
# A number after these words is one the text cites, not its own paragraph's.
_CITING = {"article", "articles", "art", "paragraph", "paragraphs", "para", "paras", "rule"}
_CONCERNS = ("concern", "observation")


@dataclass(frozen=True)
class Concern:
    """A row the Index types "Concerns/Observations": no recommendation, counted as skipped."""

    row_number: int


def read_uhri(header: list[str], rows: Rows, names: StateNames, errors: list) -> Iterator:
    """Records from Index rows (and a :class:`Concern` for each concern or observation);
    problems are appended to ``errors`` (nothing is raised).

    A row naming several states gives one record per state, each with the row's number; each
    record's ``review`` carries its state, the mechanism as written ("" for the UPR), the
    cycle (UPR rows) and the document symbol, so that the caller keeps the rows it imports.
    """
    for read in read_records(
        header,
        rows,
        COLUMNS,
        lambda cells: _read_row(cells, names),
        errors,
        split=split_dashed_list,
    ):
        yield from read


def _read_row(cells: RowCells, names: StateNames) -> list:
    kind = undashed(cells.get("Type")).casefold()
    if kind.startswith(_CONCERNS):
        return [Concern(cells.row_number)]
    if kind and not kind.startswith("recommendation"):
        cells.error(
            "Type",
            f"{undashed(cells.get('Type'))!r} is not a type of the Index "
            "(Recommendations or Concerns/Observations)",
        )
    text = cells.text("Text")
    states = cells.states("Countries Concerned", names)
    assert states is not None  # a required column: a file without it is refused before
    if not states and not cells.get("Countries Concerned"):
        cells.error("Countries Concerned", "must name the state(s) concerned")
    bodies = cells.names("Reccomending Body") or []
    if len(bodies) > 1:
        cells.error(
            "Reccomending Body",
            f"names {len(bodies)} bodies ({', '.join(bodies)}); a recommendation is one body's",
        )
    annotation = undashed(cells.get("OHCHR Annotation Id"))
    if len(annotation) > ANNOTATION_ID_LENGTH:
        cells.error("OHCHR Annotation Id", f"is longer than {ANNOTATION_ID_LENGTH} characters")
    review = ReviewKey(
        state="",
        mechanism=bodies[0] if bodies else "",
        cycle=_cycle(cells),
        document_symbol=undashed(cells.get("Document Symbol")),
    )
    values: dict[str, object] = {
        "text": text,
        "position": cells.position("UPR Position", blank=PENDING),
    }
    if cells.get("UPR Position"):
        values["position_source"] = UHRI_SOURCE
    if cells.has("OHCHR Annotation Id"):
        values["ohchr_annotation_id"] = annotation
    sdgs = cells.sdgs("Sdgs")
    record = RecommendationRecord(
        row_number=cells.row_number,
        reference=_reference(cells, text, annotation),
        values=values,
        recommending_states=cells.states("UPR Reccomending States", names),
        themes=cells.names("Themes"),
        affected_groups=cells.names("Affected Persons"),
        sdg_goals=sdgs[0] if sdgs else None,
        sdg_targets=list(sdgs[1]) if sdgs else None,
        sdg_target_names=sdgs[1] if sdgs else {},
        review=review,
        session=_session(cells),
        published=cells.date("Document Publication Date"),
    )
    return [replace(record, review=replace(review, state=state)) for state in states]


def _session(cells: RowCells) -> int | None:
    text = undashed(cells.get("UPR Session"))
    if not text:
        return None
    number = _NUMBER.search(text)
    if number is None or int(number[1]) < 1:
        cells.error("UPR Session", f"{text!r} names no Working Group session number")
        return None
    return int(number[1])


def _cycle(cells: RowCells) -> int | None:
    """The UPR cycle the row's ``Cycle`` or ``UPR Session`` gives (they must agree)."""
    text = undashed(cells.get("Cycle"))
    match = re.search(r"(\d)", text)
    if text and match is None:
        cells.error("Cycle", f"{text!r} names no cycle number")
    cycle = int(match[1]) if match else None
    session = _session_number(cells)
    by_session = upr_cycle_of_session(session) if session else None
    if cycle is not None and by_session is not None and cycle != by_session:
        cells.error(
            "Cycle",
            f"cycle {cycle} disagrees with session {session}, which is of cycle {by_session}",
        )
    return cycle if cycle is not None else by_session


def _session_number(cells: RowCells) -> int | None:
    number = _NUMBER.search(undashed(cells.get("UPR Session")))
    return int(number[1]) if number else None


def _reference(cells: RowCells, text: str, annotation: str) -> str:
    """The row's paragraph: its own column, else the number its text carries, else the
    annotation id."""
    if cells.has("Paragraph"):
        return cells.text("Paragraph", max_length=REFERENCE_LENGTH)
    reference = paragraph_in_text(text) or annotation
    if not reference and text:
        cells.error(
            "Text",
            "carries no paragraph number and the row has no OHCHR Annotation Id to refer to it by",
        )
    return reference[:REFERENCE_LENGTH]


def paragraph_in_text(text: str) -> str:
    """The paragraph number a recommendation's text starts with ('' if none): "115.1" in
    "115.1 Ratify …", "49" in "Rural women 49.The Committee recommends …"."""
    upr = _UPR_PARAGRAPH.match(text)
    if upr:
        return upr[1]
    for match in _PARAGRAPH.finditer(text, 0, _HEADING_LENGTH):
        before = text[: match.start()].split()
        if not before or before[-1].rstrip(".").casefold() not in _CITING:
            return match[1]
    return ""
