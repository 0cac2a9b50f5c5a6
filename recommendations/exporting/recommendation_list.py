"""The recommendation list in the tracker's own format: the columns its importer reads.

:data:`~recommendations.importing.tracker_format.COLUMNS` is the one list of columns; each row
is a recommendation with its current status (``selectors.with_current_status``: the latest
validated update, or not started). The rows are read as plain values in one query, each
row's relations joined by the database: a list of 100,000 takes seconds, not minutes.
Where the deployment holds demo assessments, a last column says of each row whether its
status is one (:data:`DEMO_COLUMN`, ignored on import): a column survives copying rows
elsewhere, a note above the table would not.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import get_language

from recommendations.importing.tracker_format import COLUMN_NAMES, SEPARATOR, TEXT_LANGUAGES
from recommendations.joined_values import joined, through, values_of
from recommendations.models import (
    Position,
    Recommendation,
    RecommendationText,
    Responsibility,
    Status,
)
from recommendations.models.taxonomy import sdg_target_sort_key
from recommendations.selectors import measure, with_current_status, with_status_is_demo

if TYPE_CHECKING:
    pass

CHUNK = 2000
DEMO_COLUMN = "Status is a demo assessment"
DEMO_NOTE = "These figures count illustrative assessments, not official ones."


def header(with_demo: bool) -> tuple[str, ...]:
    """The columns: the import format's, and :data:`DEMO_COLUMN` where demo data exists."""
    return (*COLUMN_NAMES, DEMO_COLUMN) if with_demo else COLUMN_NAMES


LEAD = Responsibility.Role.LEAD
# The columns read for each row, in this order (the relations joined by the database).
FIELDS = [
    "review__state_under_review__iso3",
    "review__mechanism__code",
    "review__cycle",
    "review__document_symbol",
    "reference",
    "text",
    "position",
    "position_at_review",
    "position_source",
    "position_explanation",
    "accepted_part",
    "noted_part",
    "action_category",
    "ohchr_annotation_id",
    "current_status",
    "status_is_demo",
    "_states",
    "_themes",
    "_groups",
    "_goals",
    "_targets",
    "_lead",
    "_supporting",
    *(f"_text_{code}" for code in TEXT_LANGUAGES),
]


def export_queryset(recommendations: QuerySet[Recommendation], as_of: date | None = None):
    """The recommendations as tuples of ``FIELDS`` (the status as of a day if given), in
    the export's order: one query, each row's relations joined by the database."""
    return (
        with_status_is_demo(with_current_status(recommendations, as_of=as_of), as_of=as_of)
        .annotate(
            _states=joined(through("recommending_states"), "state__name"),
            _themes=joined(through("themes"), "theme__name"),
            _groups=joined(through("affected_groups"), "affectedgroup__name"),
            _goals=joined(through("sdg_goals"), "sdggoal__number"),
            _targets=joined(through("sdg_targets"), "sdgtarget__code"),
            _lead=joined(Responsibility, "institution__name", role=LEAD),
            _supporting=joined(Responsibility, "institution__name", role__in=SUPPORTING),
            **{f"_text_{code}": _text_in(code) for code in TEXT_LANGUAGES},
        )
        .order_by("review__state_under_review__name", "review__cycle", "review_id", "sort_key")
        .values_list(*FIELDS)
    )


SUPPORTING = [role for role in Responsibility.Role.values if role != LEAD]


def _text_in(language: str) -> Subquery:
    """The recommendation's official text in ``language`` (None where none is recorded)."""
    recorded = RecommendationText.objects.filter(
        recommendation=OuterRef("pk"), language=language
    ).values("text")[:1]
    return Subquery(recorded)


def rows(
    recommendations: QuerySet[Recommendation],
    as_of: date | None = None,
    *,
    with_demo: bool = False,
) -> Iterator[list]:
    """One list of cells per recommendation, in :func:`header` order: read in one
    query, streamed in chunks (a long list never sits in memory whole)."""
    for values in export_queryset(recommendations, as_of).iterator(chunk_size=CHUNK):
        named = dict(zip(FIELDS, values, strict=True))
        cells = row(named)
        if with_demo:
            cells.append("yes" if named["status_is_demo"] else "no")
        yield cells


def row(values: dict) -> list:
    position_at_review = values["position_at_review"]
    language = get_language()
    cells = {
        "State under review": values["review__state_under_review__iso3"],
        "Mechanism": values["review__mechanism__code"],
        "Cycle": values["review__cycle"],
        "Document symbol": values["review__document_symbol"],
        "Reference": values["reference"],
        "Text": values["text"],
        **{f"Text ({code})": values[f"_text_{code}"] or "" for code in TEXT_LANGUAGES},
        "Recommending states": _names(values["_states"]),
        "Position": _label(Position, values["position"], language),
        "Position at review": (
            _label(Position, position_at_review, language) if position_at_review else ""
        ),
        "Position source": values["position_source"],
        "Position explanation": values["position_explanation"],
        "Accepted part": values["accepted_part"],
        "Noted part": values["noted_part"],
        "Themes": _names(values["_themes"]),
        "Affected groups": _names(values["_groups"]),
        "SDG goals": _names(values["_goals"], key=int),
        "SDG targets": SEPARATOR.join(
            sorted(values_of(values["_targets"]), key=sdg_target_sort_key)
        ),
        "Action category": values["action_category"],
        "Lead institution": _names(values["_lead"]),
        "Supporting institutions": _names(values["_supporting"]),
        "OHCHR annotation id": values["ohchr_annotation_id"],
        "Current status": _label(Status, values["current_status"], language),
    }
    return [cells[name] for name in COLUMN_NAMES]


@cache
def _label(choices: type[Position] | type[Status], value: str, language: str | None) -> str:
    """The label of a position or status in ``language`` (the active one): written once
    per download, not looked up in the catalogue on every row."""
    return str(choices(value).label)


def _names(text: str | None, key=None) -> str:
    return SEPARATOR.join(values_of(text, key=key))


def summary_rows(
    recommendations: QuerySet[Recommendation], as_of: date | None = None
) -> list[list]:
    """The measure of the exported set (as of a day if given), for the workbook's
    "Summary" sheet."""
    figures = measure(recommendations, as_of=as_of)
    lines: list[list] = [["Demo data", DEMO_NOTE]] if figures.includes_demo else []
    lines.append(["Recommendations", figures.total])
    lines += [[f"Position: {Position(p).label}", n] for p, n in figures.by_position.items()]
    lines.append(["Supported (wholly or in part)", figures.supported])
    lines += [[f"Supported, {Status(s).label.lower()}", n] for s, n in figures.by_status.items()]
    lines.append(["% implemented", _percent(figures.percent_implemented)])
    lines.append(["% at least partially implemented", _percent(figures.percent_at_least_partially)])
    return lines


def _percent(value) -> float | str:
    return "no data" if value is None else float(value)
