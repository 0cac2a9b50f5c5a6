"""The imports of a UPR review's own documents that name their review on the command line.

* ``un-report`` — the UN Working Group report extract: one review's paragraphs, joined with the
  UPR Info rows the review already holds (:mod:`.upr_records`);
* ``thematic-list`` — OHCHR's thematic list of recommendations, a Word document
  (:mod:`.thematic_list`).

(A UPR Info export, which holds many reviews, is imported by :mod:`.upr_info_file`.) Each
function here is the body of :func:`~.service.import_recommendations` for its format: it reads
``run``'s file, reports problems in ``run.result`` and, when all is well, writes through
``run``'s writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recommendations.models import Position, Recommendation, ReviewCycle

from .records import PROVISIONAL_PREFIX, ReviewKey, goals_of_targets
from .thematic_list import read_thematic_list, to_records
from .un_report_encoding import NAME as UN_REPORT_ENCODING
from .upr_records import StoredParagraph, StoredProvisional, un_report_records

if TYPE_CHECKING:
    from .service import _Import


def import_un_report(run: _Import) -> None:
    """One review's paragraphs from the UN report extract (``--state`` and ``--cycle``).

    A file that is not UTF-8 is read in the extract's own 8-bit encoding
    (:mod:`.un_report_encoding`) unless the import names another.
    """
    result, catalogue = run.result, run.catalogue
    state, mechanism = run.state, run.mechanism
    assert state is not None and mechanism is not None  # check_arguments required them
    if run.encoding is None and result.encoding not in ("utf-8", "XLSX"):
        result.encoding = UN_REPORT_ENCODING
    key = ReviewKey(state, mechanism, run.cycle)
    existing = catalogue.find_review(key)
    provisional, paragraphs = [], []
    if existing is not None:
        provisional = _stored_provisional(existing)
        paragraphs = stored_paragraphs(existing)
    header, rows = run.rows(collect=True, legacy=UN_REPORT_ENCODING)
    records = un_report_records(
        header,
        run.counted(rows),
        state=state,
        names=run.names,
        provisional=provisional,
        sources={paragraph.reference: paragraph.position_source for paragraph in paragraphs},
        errors=result.errors,
        # A paragraph recorded as supported in part keeps that position and its parts.
        kept=frozenset(
            paragraph.reference
            for paragraph in paragraphs
            if paragraph.position == Position.PARTIALLY_SUPPORTED
        ),
    )
    run.validated()
    if not result.ok:
        return
    catalogue.add_missing(
        states={state} | {c for r in records for c in r.recommending_states or ()},
        themes={theme for r in records for theme in r.themes or ()},
    )
    review = catalogue.review(key)
    run.write(((review, record) for record in records), total=len(records))


def import_thematic_list(run: _Import) -> None:
    """One review's recommendations from OHCHR's thematic list (``--state`` and ``--cycle``).

    Each paragraph is one recommendation, found again by its reference: importing the same
    list again changes nothing, a later version updates what changed (positions included),
    each change kept in the recommendation's history.
    """
    result, catalogue = run.result, run.catalogue
    state, mechanism = run.state, run.mechanism
    assert state is not None and mechanism is not None  # check_arguments required them
    result.encoding = "DOCX"
    found = read_thematic_list(run.data, run.names, result.errors)
    result.rows_read = found.table_rows
    run.validated()
    if not result.ok:
        return
    records = to_records(found)
    catalogue.add_missing(
        states={state} | {code for r in records for code in r.recommending_states or ()},
        themes={theme for r in records for theme in r.themes or ()},
        groups={group for r in records for group in r.affected_groups or ()},
        goals={goal for r in records for goal in r.sdg_goals or ()}
        | set(goals_of_targets(code for r in records for code in r.sdg_targets or ())),
        targets={code: "" for r in records for code in r.sdg_targets or ()},
    )
    review = catalogue.review(ReviewKey(state, mechanism, run.cycle))
    run.write(((review, record) for record in records), total=len(records))


def stored_paragraphs(review: ReviewCycle | None) -> list[StoredParagraph]:
    """The review's recommendations with a report's reference, for a join with UPR Info rows
    (none for a review not yet saved)."""
    if review is None or review.pk is None:
        return []
    paragraphs = (
        Recommendation.objects.filter(review=review)
        .exclude(reference__startswith=PROVISIONAL_PREFIX)
        .prefetch_related("recommending_states")
    )
    return [
        StoredParagraph(
            reference=paragraph.reference,
            text=paragraph.text,
            recommending_states=[state.iso3 for state in paragraph.recommending_states.all()],
            position_source=paragraph.position_source,
            position=paragraph.position,
        )
        for paragraph in paragraphs
    ]


def _stored_provisional(review: ReviewCycle) -> list[StoredProvisional]:
    """The review's provisional (``UPR-Info.<n>``) recommendations, for a join with the report."""
    recommendations = Recommendation.objects.filter(
        review=review, reference__startswith=PROVISIONAL_PREFIX
    ).prefetch_related("recommending_states", "themes")
    stored = []
    for recommendation in recommendations:
        number = recommendation.reference.removeprefix(PROVISIONAL_PREFIX)
        if number.isdigit():
            stored.append(
                StoredProvisional(
                    number=int(number),
                    text=recommendation.text,
                    recommending_states=[s.iso3 for s in recommendation.recommending_states.all()],
                    position=recommendation.position,
                    action_category=recommendation.action_category,
                    themes=sorted(theme.name for theme in recommendation.themes.all()),
                )
            )
    return stored
