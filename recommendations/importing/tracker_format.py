"""The tracker's own format: what the export writes and the importer reads back.

One row per recommendation; the review it belongs to is in the row (state under review,
mechanism, cycle), so one file may hold several reviews. :data:`COLUMNS` is the single list
both sides use. Lists are separated by semicolons. A column left out of a file leaves that
field as the database has it; "Current status" is written for readers and ignored on import
(a status comes only from validated progress updates). Pure Python: no Django here.
"""

from __future__ import annotations

from collections.abc import Iterator

from .columns import Column, RowCells, read_records
from .reading import Rows
from .records import LEAD, SUPPORTING, RecommendationRecord, ReviewKey
from .vocabulary import PARTIALLY_SUPPORTED, PENDING, StateNames

SEPARATOR = "; "
# The languages a recommendation's official text may be given in besides the original
# (English): a "Text (ru)" column per language. The same as settings.LANGUAGES less the
# original (a test checks it): this module stays free of Django.
TEXT_LANGUAGES = ("ru", "be")

COLUMNS = (
    Column("State under review", ("State", "To"), True, "ISO 3166 alpha-3 code or name"),
    Column("Mechanism", (), False, "UPR (empty), CAT, CEDAW …: the mechanism's code"),
    Column("Cycle", ("UPR cycle",), False, "UPR cycle number; empty for other mechanisms"),
    Column("Document symbol", ("Symbol",), False, "e.g. A/HRC/15/16"),
    Column("Reference", ("Paragraph",), True, "paragraph of the report, e.g. 97.12"),
    Column("Text", ("Recommendation",), True, "the recommendation's full text"),
    *(
        Column(f"Text ({code})", (), False, f"the official text in {code}, where published")
        for code in TEXT_LANGUAGES
    ),
    Column("Recommending states", ("Recommending state", "From"), False, "names or codes; ';'"),
    Column("Position", ("Response",), True, "Supported, Partially supported, Noted, Pending"),
    Column("Position at review", (), False, "the position announced at the review itself"),
    Column("Position source", (), False, "where the position comes from"),
    Column("Position explanation", (), False, ""),
    Column("Accepted part", (), False, "supported in part: what the state accepted"),
    Column("Noted part", (), False, "supported in part: what the state noted"),
    Column("Themes", ("Theme", "Issues"), False, "theme names; ';'"),
    Column("Affected groups", ("Affected persons",), False, "group names; ';'"),
    Column("SDG goals", ("SDGs", "SDG"), False, "numbers 1–17; ';'"),
    Column("SDG targets", ("SDG target",), False, "codes, e.g. 16.3; ';' (their goals are added)"),
    Column(
        "Action category",
        ("Action",),
        False,
        "UPR Info's action category, 1 (minimal action) to 5 (specific action)",
    ),
    Column("Lead institution", (), False, "the institution that leads"),
    Column("Supporting institutions", (), False, "institution names; ';'"),
    Column("OHCHR annotation id", (), False, "the Universal Human Rights Index record's id"),
    Column("Current status", (), False, "export only: ignored on import"),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)


def read_tracker(header: list[str], rows: Rows, names: StateNames, errors: list) -> Iterator:
    """Records from tracker rows; problems are appended to ``errors`` (nothing is raised).

    A row with problems yields nothing. A missing required column is reported once and
    no row is read.
    """
    yield from read_records(header, rows, COLUMNS, lambda cells: _record(cells, names), errors)


def _record(cells: RowCells, names: StateNames) -> RecommendationRecord:
    review = ReviewKey(
        state=cells.state("State under review", names) or "",
        mechanism=(cells.get("Mechanism") or "UPR").upper(),
        cycle=cells.integer("Cycle", 1, 9),
        document_symbol=cells.get("Document symbol"),
    )
    values: dict[str, object] = {
        "text": cells.text("Text"),
        "position": cells.position("Position", blank=PENDING),
    }
    for field, column in (
        ("position_at_review", "Position at review"),
        ("position_source", "Position source"),
        ("position_explanation", "Position explanation"),
        ("accepted_part", "Accepted part"),
        ("noted_part", "Noted part"),
    ):
        if cells.has(column):
            values[field] = (
                cells.position(column, blank="")
                if field == "position_at_review"
                else _limited(cells, column, 250 if field == "position_source" else None)
            )
    if cells.has("Action category"):
        values["action_category"] = cells.integer("Action category", 1, 5)
    if cells.has("OHCHR annotation id"):
        values["ohchr_annotation_id"] = _limited(cells, "OHCHR annotation id", 64)
    targets = cells.sdg_targets("SDG targets")
    if values["position"] != PARTIALLY_SUPPORTED:
        for field, column in (("accepted_part", "Accepted part"), ("noted_part", "Noted part")):
            if values.get(field):
                cells.error(column, "only a recommendation supported in part has one")
    return RecommendationRecord(
        row_number=cells.row_number,
        reference=cells.text("Reference", max_length=40),
        values=values,
        recommending_states=cells.states("Recommending states", names),
        themes=cells.names("Themes"),
        affected_groups=cells.names("Affected groups"),
        sdg_goals=cells.sdg_goals("SDG goals"),
        sdg_targets=targets[0] if targets else None,
        sdg_target_names=targets[1] if targets else {},
        institutions=_institutions(cells),
        texts=_texts(cells),
        review=review,
    )


def _texts(cells: RowCells) -> dict[str, str] | None:
    """The texts in other languages the file's columns give (an empty cell: none)."""
    given = {
        code: cells.get(f"Text ({code})") for code in TEXT_LANGUAGES if cells.has(f"Text ({code})")
    }
    return given or None


def _limited(cells: RowCells, column: str, max_length: int | None) -> str:
    value = cells.get(column)
    if max_length is not None and len(value) > max_length:
        cells.error(column, f"is {len(value)} characters long; at most {max_length} fit")
    return value


def _institutions(cells: RowCells) -> list[tuple[str, str]] | None:
    if not (cells.has("Lead institution") or cells.has("Supporting institutions")):
        return None
    lead = cells.get("Lead institution")
    supporting = [n for n in cells.names("Supporting institutions") or [] if n != lead]
    if ";" in lead:
        cells.error("Lead institution", "names more than one institution; only one leads")
    return ([(lead, LEAD)] if lead else []) + [(name, SUPPORTING) for name in supporting]
