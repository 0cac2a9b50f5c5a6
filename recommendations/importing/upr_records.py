"""Records from the two public UPR files, joined with what the review already holds.

A review's recommendations arrive in two files that may come in either order:

* the UN report extract (``--format un-report``, ``2010data.csv`` style) gives the paragraphs:
  reference, full text, recommending states, the position announced at the review;
* the UPR Info export (``--format upr-info``) gives one row per recommending state with the
  final response, UPR Info's issues (themes) and action category, but no reference.

Importing the report when the review holds no UPR Info rows creates the paragraphs with the
position announced at the review. Importing UPR Info rows into a review that has paragraphs
joins them (:func:`~.upr_sources.join_review`, on the paragraphs' stored texts split back into
sentences) and sets the joined paragraphs' final position, themes and action category; rows
that join no paragraph are kept as provisional recommendations. Importing UPR Info rows into a
review without paragraphs keeps them all as provisional recommendations: the rows with the same
text (compared by :func:`~.upr_sources.same_text`) and the same response are one, with all
their recommending states, as the report prints them, named ``UPR-Info.<n>``, ``n`` the number
of its first row among the review's rows in the file (the review's rows being those of the state
under review and the review's Working Group session). Importing the report into a review that
holds provisional recommendations joins them the same way and folds each joined one into its
paragraph (the one with progress, actions or responsibilities survives, renamed; the others are
deleted, the deletion kept in their history). Either order gives one recommendation per
paragraph with the same values. Re-importing the report never undoes a final response: it sets
the position only of paragraphs whose position still comes from the report. A paragraph
recorded as supported in part (by the join of mixed responses, or by a coordinator) keeps that
position and what was accepted and noted: neither file can say more about it. Pure Python: no
Django here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from .columns import match_header
from .errors import ImportFileError
from .reading import Rows
from .records import RecommendationRecord, provisional_reference
from .upr_sources import (
    UN_REPORT_COLUMNS,
    ParsedRecommendation,
    UprInfoRow,
    join_review,
    read_un_report,
    report_rows_from_paragraph,
    same_text,
)
from .vocabulary import PARTIALLY_SUPPORTED, PENDING, StateNames

REPORT_SOURCE = "Working Group report"
UPR_INFO_SOURCE = "UPR Info database (final response)"
JOINED_SOURCE = "UPR Info database: final responses joined to the Working Group report"
UNKNOWN_STATE = "(Unknown)"


def says_unknown(recommending_state: str) -> bool:
    """Whether a UPR Info row gives no recommending state: UPR Info writes "(Unknown)"."""
    return html.unescape(recommending_state).strip() == UNKNOWN_STATE


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
    recommending_states: list[str]  # ISO3
    position: str
    action_category: int | None
    themes: list[str]


def upr_info_records(
    rows: list[UprInfoRow],
    *,
    numbers: Mapping[int, int],
    state: str,
    names: StateNames,
    paragraphs: list[StoredParagraph],
    warnings: list,
) -> list[RecommendationRecord]:
    """Records for the UPR Info rows of one review (see module doc).

    ``rows`` are the review's rows whose recommending state is known, in file order;
    ``numbers`` gives each row's number among all the review's rows (``UPR-Info.<n>``).
    Rows not joined to a paragraph are grouped (:func:`_groups`); a text answered in two ways
    is a warning.
    """
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
        for parsed in join_review(report_rows, rows, state, names):
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
    left = [row for row in rows if row.row_number not in matched]
    for group in _groups(left, numbers, warnings):
        references = [provisional_reference(numbers[row.row_number]) for row in group]
        if paragraphs:
            warnings.append(
                ImportFileError(
                    f"joins no paragraph of the review: kept as {references[0]}",
                    row=group[0].row_number,
                )
            )
        record = _provisional(group, references[0], names)
        # An import that kept the group's rows apart made one recommendation of each: they
        # become this one.
        record.merge = references[1:]
        records.append(record)
    return records


def _groups(rows: list[UprInfoRow], numbers: Mapping[int, int], warnings: list) -> list[list]:
    """The rows that are one recommendation: the same text (:func:`~.upr_sources.same_text`)
    with the same response, in the order of their first rows.

    UPR Info gives one row per recommending state; the Working Group report prints such rows
    as one recommendation with all their states. The same text answered in two ways stays two
    recommendations, and the second answer is a warning.
    """
    groups: dict[tuple[str, str | None], list[UprInfoRow]] = {}
    for row in rows:
        groups.setdefault((same_text(row.text), row.position), []).append(row)
    first_answer: dict[str, list[UprInfoRow]] = {}
    for (text, _position), group in groups.items():
        first = first_answer.setdefault(text, group)
        if first is not group:
            earlier, here = first[0], group[0]
            reference = provisional_reference(numbers[earlier.row_number])
            warnings.append(
                ImportFileError(
                    f"the same recommendation as row {earlier.row_number} ({reference}) is "
                    f"answered {here.response or '(blank)'!r} here and "
                    f"{earlier.response or '(blank)'!r} there: kept as two recommendations",
                    row=here.row_number,
                    column="Response",
                )
            )
    return list(groups.values())


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
    # A provisional recommendation stands for a UPR Info row per recommending state: it joins
    # the report as those rows, each carrying its number.
    info = [
        UprInfoRow(
            row_number=stored.number,
            state_under_review=state,
            text=stored.text,
            recommending_state=iso3,
            response="",
            position=stored.position,
            action=stored.action_category,
            issues=stored.themes,
            session=None,
        )
        for stored in provisional
        for iso3 in stored.recommending_states or [""]
    ]
    try:
        paragraphs = join_review(report, info, state, names)
    except ImportFileError as error:
        errors.append(error)
    if errors:
        return []
    first_rows: dict[str, int] = {}
    for row in report:
        first_rows.setdefault(row.reference, row.row_number)
    # A provisional recommendation becomes the first paragraph it joins; another paragraph its
    # states also join takes its response but does not take it over.
    becomes: dict[int, str] = {}
    for paragraph in paragraphs:
        for number in paragraph.matched_rows:
            becomes.setdefault(number, paragraph.reference)
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
                merge=[
                    provisional_reference(n)
                    for n in dict.fromkeys(paragraph.matched_rows)
                    if becomes[n] == paragraph.reference
                ],
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


def _provisional(
    group: list[UprInfoRow], reference: str, names: StateNames
) -> RecommendationRecord:
    first = group[0]
    actions = [row.action for row in group if row.action is not None]
    values: dict[str, object] = {
        "text": first.text,
        "position": first.position or PENDING,
        "position_source": UPR_INFO_SOURCE if first.position else "",
        "action_category": max(actions, default=None),
    }
    return RecommendationRecord(
        row_number=first.row_number,
        reference=reference,
        values=values,
        # The rows' states are known: rows of unknown ones are left out before the join.
        recommending_states=list(dict.fromkeys(names.resolve(r.recommending_state) for r in group)),
        themes=list(dict.fromkeys(issue for row in group for issue in row.issues)),
    )
