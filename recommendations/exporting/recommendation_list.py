"""The recommendation list in the tracker's own format: the columns its importer reads.

:data:`~recommendations.importing.tracker_format.COLUMNS` is the one list of columns; each row
is a recommendation with its current status (``selectors.with_current_status``: the latest
validated update, or not started). Where the deployment holds demo assessments, a last
column says of each row whether its status is one (:data:`DEMO_COLUMN`, ignored on import):
a column survives copying rows elsewhere, a note above the table would not.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet

from recommendations.importing.tracker_format import COLUMN_NAMES, SEPARATOR
from recommendations.models import Position, Recommendation, Responsibility, Status
from recommendations.selectors import measure, with_current_status, with_status_is_demo

if TYPE_CHECKING:
    from recommendations.selectors.measure import (
        RecommendationWithStatus,
        RecommendationWithStatusAndDemo,
    )

CHUNK = 1000
DEMO_COLUMN = "Status is a demo assessment"
DEMO_NOTE = "These figures count illustrative assessments, not official ones."


def header(with_demo: bool) -> tuple[str, ...]:
    """The columns: the import format's, and :data:`DEMO_COLUMN` where demo data exists."""
    return (*COLUMN_NAMES, DEMO_COLUMN) if with_demo else COLUMN_NAMES


def export_queryset(
    recommendations: QuerySet[Recommendation], as_of: date | None = None
) -> QuerySet[RecommendationWithStatusAndDemo]:
    """The recommendations with everything a row needs, in a few queries per chunk (the
    status as of a day if given)."""
    return (
        with_status_is_demo(with_current_status(recommendations, as_of=as_of), as_of=as_of)
        .select_related("review__state_under_review", "review__mechanism")
        .prefetch_related(
            "recommending_states",
            "themes",
            "affected_groups",
            "sdg_goals",
            "sdg_targets",
            Prefetch(
                "responsibilities", queryset=Responsibility.objects.select_related("institution")
            ),
        )
        .order_by("review__state_under_review__name", "review__cycle", "review_id", "sort_key")
    )


def rows(
    recommendations: QuerySet[Recommendation],
    as_of: date | None = None,
    *,
    with_demo: bool = False,
) -> Iterator[list]:
    """One list of cells per recommendation, in :func:`header` order."""
    for recommendation in export_queryset(recommendations, as_of).iterator(chunk_size=CHUNK):
        cells = row(recommendation)
        if with_demo:
            cells.append("yes" if recommendation.status_is_demo else "no")
        yield cells


def row(recommendation: RecommendationWithStatus) -> list:
    review = recommendation.review
    responsibilities = list(recommendation.responsibilities.all())
    lead = next((r.institution.name for r in responsibilities if r.role == "lead"), "")
    supporting = sorted(r.institution.name for r in responsibilities if r.role != "lead")
    values = {
        "State under review": review.state_under_review.iso3,
        "Mechanism": review.mechanism.code,
        "Cycle": review.cycle,
        "Document symbol": review.document_symbol,
        "Reference": recommendation.reference,
        "Text": recommendation.text,
        "Recommending states": _joined(s.name for s in recommendation.recommending_states.all()),
        "Position": Position(recommendation.position).label,
        "Position at review": Position(recommendation.position_at_review).label
        if recommendation.position_at_review
        else "",
        "Position source": recommendation.position_source,
        "Position explanation": recommendation.position_explanation,
        "Accepted part": recommendation.accepted_part,
        "Noted part": recommendation.noted_part,
        "Themes": _joined(theme.name for theme in recommendation.themes.all()),
        "Affected groups": _joined(group.name for group in recommendation.affected_groups.all()),
        "SDG goals": _joined(str(goal.number) for goal in recommendation.sdg_goals.all()),
        "SDG targets": _joined(target.code for target in recommendation.sdg_targets.all()),
        "Action category": recommendation.action_category,
        "Lead institution": lead,
        "Supporting institutions": _joined(supporting),
        "OHCHR annotation id": recommendation.ohchr_annotation_id,
        "Current status": Status(recommendation.current_status).label,
    }
    return [values[name] for name in COLUMN_NAMES]


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


def _joined(items) -> str:
    return SEPARATOR.join(items)
