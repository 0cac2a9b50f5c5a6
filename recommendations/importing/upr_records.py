"""Records from the two public UPR files, joined with what the review already holds.

A review's recommendations arrive in two files that may come in either order:

* the UN report extract (``--format un-report``, ``2010data.csv`` style) gives the paragraphs:
  reference, full text, recommending states, the position announced at the review;
* the UPR Info export (``--format upr-info``) gives one row per recommending state with the
  final response, UPR Info's issues (themes) and action category, but no reference.

Importing the report when the review holds no UPR Info rows creates the paragraphs with the
position announced at the review. Importing UPR Info rows into a review that has paragraphs
joins them (:func:`~.upr_sources.join_review`, on the paragraphs' stored texts split back into
sentences) and sets the joined paragraphs' final position, themes and action category; a row
that joins no paragraph is kept as a provisional recommendation (``UPR-Info.<n>``, ``n`` its
number among the state's rows of that session in the file). Importing UPR Info rows into a
review without paragraphs keeps every row as such a provisional recommendation. Importing the
report into a review that holds provisional recommendations joins them the same way and folds
each joined one into its paragraph (the one with progress, actions or responsibilities
survives, renamed; the others are deleted, the deletion kept in their history). Either order
gives one recommendation per paragraph with the same values. Re-importing the report never
undoes a final response: it sets the position only of paragraphs whose position still comes
from the report. A paragraph recorded as supported in part (by the join of mixed responses,
or by a coordinator) keeps that position and what was accepted and noted: neither file can
say more about it. Pure Python: no Django here.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from .columns import match_header
from .errors import ImportFileError
from .reading import Rows
from .records import RecommendationRecord, provisional_reference
from .upr_sources import (
    UN_REPORT_COLUMNS,
    UPR_INFO_COLUMNS,
    ParsedRecommendation,
    UprInfoRow,
    join_review,
    read_un_report,
    read_upr_info,
    report_rows_from_paragraph,
)
from .vocabulary import PARTIALLY_SUPPORTED, PENDING, StateNames

REPORT_SOURCE = "Working Group report"
UPR_INFO_SOURCE = "UPR Info database (final response)"
JOINED_SOURCE = "UPR Info database: final responses joined to the Working Group report"
UNKNOWN_STATE = "(Unknown)"


@dataclass(frozen=True)
class StoredParagraph:
    """A recommendation of the review with a real reference, as the database holds it."""

    reference: str
    text: str
    recommending_states: list[str]  # ISO3
    position_source: str
    position: str = ""


def _final_position_values(position: str | None, parsed: ParsedRecommendation) -> dict:
    """The fields a final response sets: the position, where it comes from, and what was
    accepted and noted (empty unless supported in part)."""
    return {
        "position": position,
        "position_source": JOINED_SOURCE,
        "accepted_part": parsed.accepted_part,
        "noted_part": parsed.noted_part,
    }


@dataclass(frozen=True)
class StoredProvisional:
    """A provisional (``UPR-Info.<n>``) recommendation of the review, as the database holds it."""

    number: int
    text: str
    recommending_state: str  # ISO3, '' if none
    position: str
    action_category: int | None
    themes: list[str]


def upr_info_records(
    header: list[str],
    rows: Rows,
    *,
    state: str,
    names: StateNames,
    session: int | None,
    paragraphs: list[StoredParagraph],
    errors: list,
    warnings: list,
) -> tuple[list[RecommendationRecord], int | None]:
    """Records for one state's UPR Info rows and the session they are of (see module doc).

    ``session`` (the review's, if known) picks the rows of that Working Group session; without
    it the state's rows must be of one session. Problems go to ``errors``; a row whose
    recommending state is UPR Info's "(Unknown)" is skipped with a warning.
    """
    info = _read(read_upr_info, header, rows, UPR_INFO_COLUMNS, "To", state, names, errors)
    if not info:
        return [], session
    sessions = sorted({row.session for row in info if row.session is not None})
    if session is None and len(sessions) > 1:
        listed = ", ".join(map(str, sessions))
        errors.append(
            ImportFileError(
                f"the file holds rows of sessions {listed} for {state}: set the review's "
                "Working Group session to choose one",
                column="Session",
            )
        )
        return [], session
    if session is None:
        session = sessions[0] if sessions else None
    elif sessions and session not in sessions:
        errors.append(ImportFileError(f"no row of session {session} for {state}", column="Session"))
        return [], session
    info = [row for row in info if session is None or row.session in (session, None)]
    numbers = {row.row_number: number for number, row in enumerate(info, start=1)}
    usable = _known_states(info, names, errors, warnings)
    if errors:
        return [], session

    records, matched = [], set()
    kept = {p.reference for p in paragraphs if p.position == PARTIALLY_SUPPORTED}
    if paragraphs:
        report_rows = [
            row
            for p in paragraphs
            for row in report_rows_from_paragraph(
                p.reference, p.text, state, p.recommending_states, names
            )
        ]
        for parsed in join_review(report_rows, usable, state, names, session=session):
            if not parsed.matched_rows:
                continue
            matched.update(parsed.matched_rows)
            values: dict[str, object] = {"action_category": parsed.action_category}
            if parsed.final_position and parsed.reference not in kept:
                values.update(_final_position_values(parsed.final_position, parsed))
            records.append(
                RecommendationRecord(
                    row_number=min(parsed.matched_rows),
                    reference=parsed.reference,
                    values=values,
                    themes=parsed.themes,
                )
            )
    for row in usable:
        if row.row_number in matched:
            continue
        reference = provisional_reference(numbers[row.row_number])
        if paragraphs:
            warnings.append(
                ImportFileError(
                    f"joins no paragraph of the review: kept as {reference}", row=row.row_number
                )
            )
        records.append(_provisional(row, reference, names))
    return records, session


def un_report_records(
    header: list[str],
    rows: Rows,
    *,
    state: str,
    names: StateNames,
    provisional: list[StoredProvisional],
    sources: dict[str, str],
    errors: list,
    kept: frozenset[str] = frozenset(),
) -> list[RecommendationRecord]:
    """Records for one state's report paragraphs, folding in its provisional recommendations.

    ``sources`` maps the review's existing references to their position source: a paragraph
    whose position came from a final response keeps it (see module doc), and so does each
    paragraph of ``kept`` (those recorded as supported in part). Several rows may share a
    reference: they are the recommending states of one paragraph.
    """
    report = _read(read_un_report, header, rows, UN_REPORT_COLUMNS, "to", state, names, errors)
    if errors:
        return []
    if not report:
        return []
    info = [
        UprInfoRow(
            row_number=stored.number,
            state_under_review=state,
            text=stored.text,
            recommending_state=stored.recommending_state,
            response="",
            position=stored.position,
            action=stored.action_category,
            issues=stored.themes,
            session=None,
        )
        for stored in provisional
    ]
    try:
        paragraphs = join_review(report, info, state, names)
    except ImportFileError as error:
        errors.append(error)
    if errors:
        return []
    first_rows = {}
    for row in report:
        first_rows.setdefault(row.reference, row.row_number)
    records = []
    for paragraph in paragraphs:
        values: dict[str, object] = {
            "text": paragraph.text,
            "position_at_review": paragraph.position_at_review or "",
        }
        themes = None
        if paragraph.matched_rows:
            values["action_category"] = paragraph.action_category
            if paragraph.reference in kept:
                pass
            elif paragraph.final_position:
                values.update(_final_position_values(paragraph.final_position, paragraph))
            else:
                values.update(
                    position=paragraph.position_at_review or PENDING,
                    position_source=REPORT_SOURCE,
                )
            themes = paragraph.themes
        elif paragraph.reference in kept:
            pass
        elif sources.get(paragraph.reference, "") in ("", REPORT_SOURCE):
            values.update(
                position=paragraph.position_at_review or PENDING, position_source=REPORT_SOURCE
            )
        records.append(
            RecommendationRecord(
                row_number=first_rows[paragraph.reference],
                reference=paragraph.reference,
                values=values,
                recommending_states=paragraph.recommending_states,
                themes=themes,
                merge=[provisional_reference(n) for n in paragraph.matched_rows],
            )
        )
    return records


def _read(reader, header, rows: Rows, columns, state_column, state, names, errors) -> list:
    """The rows of ``state`` read by ``reader`` (bad cells go to ``errors``); [] with an error
    when the file has none of them, or lacks a required column."""
    found, missing = match_header(header, columns)
    if missing:
        errors.extend(missing)
        return []
    column = found[state_column]
    own = ((n, values) for n, values in rows if names.lookup(values.get(column, "")) == state)
    result = reader(own, errors)
    if not result and not errors:
        errors.append(ImportFileError(f"no row of the file concerns {state}", column=column))
    return result


def _known_states(info: Iterable[UprInfoRow], names, errors: list, warnings: list) -> list:
    usable = []
    for row in info:
        if names.lookup(row.recommending_state) is not None:
            usable.append(row)
        elif html.unescape(row.recommending_state).strip() == UNKNOWN_STATE:
            warnings.append(
                ImportFileError(
                    "UPR Info gives no recommending state ('(Unknown)'): row skipped",
                    row=row.row_number,
                    column="From",
                )
            )
        else:
            errors.append(
                ImportFileError(
                    f"{row.recommending_state!r} is not a known state",
                    row=row.row_number,
                    column="From",
                )
            )
    return usable


def _provisional(row: UprInfoRow, reference: str, names: StateNames) -> RecommendationRecord:
    values: dict[str, object] = {
        "text": row.text,
        "position": row.position or PENDING,
        "position_source": UPR_INFO_SOURCE if row.position else "",
        "action_category": row.action,
    }
    return RecommendationRecord(
        row_number=row.row_number,
        reference=reference,
        values=values,
        recommending_states=[names.lookup(row.recommending_state)],
        themes=row.issues,
    )
