"""OHCHR's Universal Human Rights Index (uhri.ohchr.org) export style.

The Index lists recommendations of the UPR, the treaty bodies and the special procedures with
their themes, affected persons and SDG goals. Its spreadsheet export is read by column name
under the names below or their aliases (the Index has renamed its columns over the years):

=====================  =========================================================  ========
column                 aliases                                                    required
=====================  =========================================================  ========
Recommendation         Annotation, Recommendation text, Text, Observation         yes
Paragraph              Reference, Paragraph number, Para                          yes
State                  State under review, Country, Countries, Affected State     yes
Mechanism              Body, Mechanism/Body                                       no
Document symbol        Symbol, Document                                           no
Cycle                  UPR cycle                                                  no
Recommending States    Recommending State, Recommending State(s), Source          no
Response               Position, UPR Position, Status of recommendation           no
Themes                 Theme                                                      no
Affected persons       Concerned persons, Affected groups, Groups of persons      no
SDGs                   SDG, SDG goals, Sustainable Development Goals               no
=====================  =========================================================  ========

Lists are separated by semicolons or line breaks; SDG cells may read "5", "SDG 5", "Goal 5" or
"5 - Gender equality"; "Cycle" may read "3", "3rd" or "Cycle 3"; an empty Response is pending.
The reference of a recommendation is its paragraph. Pure Python: no Django here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .columns import Column, RowCells, read_records
from .reading import Rows
from .records import RecommendationRecord, ReviewKey
from .vocabulary import PENDING, StateNames

UHRI_SOURCE = "Universal Human Rights Index"

COLUMNS = (
    Column("Recommendation", ("Annotation", "Recommendation text", "Text", "Observation"), True),
    Column("Paragraph", ("Reference", "Paragraph number", "Para"), True),
    Column("State", ("State under review", "Country", "Countries", "Affected State"), True),
    Column("Mechanism", ("Body", "Mechanism/Body")),
    Column("Document symbol", ("Symbol", "Document")),
    Column("Cycle", ("UPR cycle",)),
    Column("Recommending States", ("Recommending State", "Recommending State(s)", "Source")),
    Column("Response", ("Position", "UPR Position", "Status of recommendation")),
    Column("Themes", ("Theme",)),
    Column("Affected persons", ("Concerned persons", "Affected groups", "Groups of persons")),
    Column("SDGs", ("SDG", "SDG goals", "Sustainable Development Goals")),
)
_CYCLE = re.compile(r"(\d)")


def read_uhri(header: list[str], rows: Rows, names: StateNames, errors: list) -> Iterator:
    """Records from Index rows; problems are appended to ``errors`` (nothing is raised).

    Each record's ``review`` carries the row's state, its mechanism as written (empty for
    the UPR) and its cycle, so that the caller keeps only the rows of the review it imports.
    """
    yield from read_records(header, rows, COLUMNS, lambda cells: _record(cells, names), errors)


def _record(cells: RowCells, names: StateNames) -> RecommendationRecord:
    cycle_text = cells.get("Cycle")
    cycle_match = _CYCLE.search(cycle_text)
    if cycle_text and cycle_match is None:
        cells.error("Cycle", f"{cycle_text!r} names no cycle number")
    review = ReviewKey(
        state=cells.state("State", names) or "",
        mechanism=cells.get("Mechanism"),
        cycle=int(cycle_match[1]) if cycle_match else None,
        document_symbol=cells.get("Document symbol"),
    )
    position = cells.position("Response", blank=PENDING)
    values: dict[str, object] = {"text": cells.text("Recommendation"), "position": position}
    if cells.get("Response"):
        values["position_source"] = UHRI_SOURCE
    return RecommendationRecord(
        row_number=cells.row_number,
        reference=cells.text("Paragraph", max_length=40),
        values=values,
        recommending_states=cells.states("Recommending States", names),
        themes=cells.names("Themes"),
        affected_groups=cells.names("Affected persons"),
        sdg_goals=cells.sdg_goals("SDGs"),
        review=review,
    )
