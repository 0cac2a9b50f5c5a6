"""A UPR Info database export imported whole: every review it holds, in two readings.

An export covers every state reviewed in its Working Group sessions, one row per
recommendation per recommending state. Each row names its review: the state under review in
``To`` and the session in ``Session``, whose UPR cycle follows from its number
(:func:`~.records.upr_cycle_of_session`); the session is kept on the review. ``--state`` keeps
one state's rows (the others are skipped and counted); ``--cycle`` checks that the rows kept
are of that cycle, and stands for the session of rows without one.

The first reading checks every row of the file, whichever state it concerns: a problem
anywhere (an unknown state name, a response word, a session of another cycle than
``--cycle``) is reported with its row and column and nothing is written. It keeps, per review,
only a few numbers (its session, its number of rows, its last row). The second reading writes:
it holds a review's rows until its last row has been read, then joins them with what the review
already holds (:func:`~.upr_records.upr_info_records`) and lets them go. UPR Info's exports list
each review's rows together, so memory holds one review (a few hundred rows) whatever the
length of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .columns import match_header
from .errors import ImportFileError
from .records import ReviewKey, upr_cycle_of_session
from .upr_imports import stored_paragraphs
from .upr_records import says_unknown, upr_info_records
from .upr_sources import UPR_INFO_COLUMNS, UprInfoRow, iter_upr_info

if TYPE_CHECKING:
    from .service import _Import

PROGRESS_EVERY = 500


@dataclass
class _Review:
    """What the first reading keeps of one review's rows."""

    key: ReviewKey
    session: int | None
    first_row: int
    last_row: int = 0
    rows: int = 0


def import_upr_info(run: _Import) -> None:
    """Import every review of a UPR Info export, or ``--state``'s (see module doc)."""
    result, catalogue = run.result, run.catalogue
    header, rows = run.rows(collect=True)
    found, missing = match_header(header, UPR_INFO_COLUMNS)
    if missing:
        result.errors.extend(missing)
        return
    if "Session" not in found and run.cycle is None:
        result.errors.append(
            ImportFileError(
                "the file has no Session column: name the review's UPR cycle",
                row=1,
                column="Session",
            )
        )
        return
    survey = _Survey(run)
    for row in iter_upr_info(run.counted(rows), result.errors):
        survey.add(row)
    run.validated()
    survey.finish(found["To"])
    if not result.ok:
        return
    catalogue.add_missing(
        states={review.key.state for review in survey.reviews.values()} | survey.states,
        themes=survey.themes,
    )
    del rows  # let the first reading go before the second begins
    _write(run, survey)


class _Survey:
    """The first reading: every row checked, each review's numbers kept."""

    def __init__(self, run: _Import):
        self.run = run
        self.errors = run.result.errors
        self.reviews: dict[ReviewKey, _Review] = {}
        self.states: set[str] = set()
        self.themes: set[str] = set()
        self.skipped = 0

    def add(self, row: UprInfoRow) -> None:
        names, run = self.run.names, self.run
        state = names.lookup(row.state_under_review)
        if state is None and row.state_under_review:
            self._error(row, "To", f"{row.state_under_review!r} is not a known state")
        recommending = names.lookup(row.recommending_state)
        unknown = recommending is None and says_unknown(row.recommending_state)
        if recommending is None and row.recommending_state and not unknown:
            self._error(row, "From", f"{row.recommending_state!r} is not a known state")
        if state is None:
            return
        if run.state and state != run.state:
            self.skipped += 1
            return
        key = review_key(run, state, row)
        if key is None:
            cycle = upr_cycle_of_session(row.session) if row.session else None
            if cycle is None:
                reason = "no Working Group session: name the review's UPR cycle"
            else:
                reason = f"session {row.session} is of UPR cycle {cycle}, not cycle {run.cycle}"
            self._error(row, "Session", reason)
            return
        review = self.reviews.setdefault(key, _Review(key, row.session, row.row_number))
        if review.session is None:
            review.session = row.session
        elif row.session is not None and row.session != review.session:
            self._error(
                row,
                "Session",
                f"{key} is Working Group session {review.session} (row {review.first_row}), "
                f"not {row.session}",
            )
        review.rows += 1
        review.last_row = row.row_number
        if unknown:
            self.run.result.warnings.append(
                ImportFileError(
                    "UPR Info gives no recommending state ('(Unknown)'): row skipped",
                    row=row.row_number,
                    column="From",
                )
            )
        elif recommending is not None:
            self.states.add(recommending)
            self.themes.update(row.issues)

    def finish(self, state_column: str) -> None:
        """File-wide checks once every row is read: rows to import, sessions the tracker knows."""
        run, result = self.run, self.run.result
        if self.skipped:
            result.rows_skipped += self.skipped
            result.warnings.append(
                ImportFileError(f"{self.skipped} row(s) of other states were skipped")
            )
        if not self.reviews and result.ok:
            concerns = f"concerns {run.state}" if run.state else "is a recommendation"
            result.errors.append(
                ImportFileError(f"no row of the file {concerns}", column=state_column)
            )
        for review in self.reviews.values():
            existing = run.catalogue.find_review(review.key)
            if existing is None or not existing.session or review.session is None:
                continue
            if existing.session != str(review.session):
                self._error(
                    review.first_row,
                    "Session",
                    f"{review.key} is Working Group session {existing.session} in the tracker; "
                    f"its rows in the file are of session {review.session}",
                )

    def _error(self, row: UprInfoRow | int, column: str, reason: str) -> None:
        number = row if isinstance(row, int) else row.row_number
        self.errors.append(ImportFileError(reason, row=number, column=column))


def review_key(run: _Import, state: str, row: UprInfoRow) -> ReviewKey | None:
    """The review of a row: its state and the cycle of its session (``--cycle`` for a row
    without one); None when there is no cycle, or the session's is not ``--cycle``."""
    cycle = upr_cycle_of_session(row.session) if row.session else run.cycle
    if cycle is None or (run.cycle is not None and cycle != run.cycle):
        return None
    assert run.mechanism is not None  # a UPR Info file's reviews are the UPR's
    return ReviewKey(state, run.mechanism, cycle)


def _write(run: _Import, survey: _Survey) -> None:
    """The second reading: each review's rows joined and written once its last row is read."""
    names, result = run.names, run.result
    reviews = survey.reviews
    _header, rows = run.rows(collect=False)
    writer = run.writer()
    held: dict[ReviewKey, list[UprInfoRow]] = {}
    total, done = result.rows_read, 0
    for row in iter_upr_info(rows, []):
        done += 1
        if done % PROGRESS_EVERY == 0:
            run.progress("writing", done, total)
        state = names.lookup(row.state_under_review)
        if state is None or (run.state and state != run.state):
            continue
        key = review_key(run, state, row)
        assert key is not None  # the first reading refused a row without its review
        held.setdefault(key, []).append(row)
        if row.row_number == reviews[key].last_row:
            _write_review(run, writer, reviews[key], held.pop(key))
    writer.flush()
    run.progress("writing", total, total)


def _write_review(run: _Import, writer, survey: _Review, rows: list[UprInfoRow]) -> None:
    usable = [row for row in rows if run.names.lookup(row.recommending_state)]
    if not usable:  # every row "(Unknown)": nothing to record, not even the review
        return
    review = run.catalogue.review(survey.key, session=survey.session)
    if review.pk and not review.session and survey.session and not run.catalogue.dry_run:
        review.session = str(survey.session)
        # How simple_history is told why (its documented instance attribute).
        review._change_reason = run.reason  # type: ignore[attr-defined]
        review.save(update_fields=["session"])
    records = upr_info_records(
        usable,
        numbers={row.row_number: number for number, row in enumerate(rows, start=1)},
        state=survey.key.state,
        names=run.names,
        paragraphs=stored_paragraphs(review),
        warnings=run.result.warnings,
    )
    for record in records:
        writer.add(review, record)
