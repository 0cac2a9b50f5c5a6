"""The importer: one service for the management command and the admin's upload page.

``import_recommendations`` reads a file in one of four formats, checks every row, and only
when nothing is wrong writes everything in one transaction (or, in a dry run, counts what it
would write). See the README's "Import and export" section for the formats' columns.

* ``tracker`` — the tracker's own export (:mod:`.tracker_format`); rows carry their review.
* ``uhri`` — OHCHR's Universal Human Rights Index export (:mod:`.uhri_format`).
* ``upr-info`` — a UPR Info database export; ``un-report`` — a UN Working Group report
  extract (2010data.csv style); the two are joined into one recommendation per paragraph in
  either order (:mod:`.upr_records`).

Tables (tracker, uhri) are read twice from the uploaded bytes: once to validate, keeping only
each row's reference and the names it uses, once to write in batches, so memory does not grow
with the number of rows. The UPR files are joined per state under review (a few hundred rows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from recommendations.database import refresh_planner_statistics
from recommendations.models import Position, Recommendation

from .catalogue import Catalogue
from .errors import ImportFileError, ImportFileErrors
from .reading import Rows, guess_encoding, is_xlsx, read_rows
from .records import RecommendationRecord, ReviewKey, is_provisional
from .result import ImportResult
from .saving import RecommendationWriter
from .tracker_format import read_tracker
from .uhri_format import read_uhri
from .upr_records import StoredParagraph, StoredProvisional, un_report_records, upr_info_records
from .vocabulary import StateNames

FORMATS = {
    "tracker": "UPR Tracker export",
    "uhri": "Universal Human Rights Index export",
    "upr-info": "UPR Info database export",
    "un-report": "UN Working Group report extract (paragraphs)",
}
PROGRESS_EVERY = 500

Progress = Callable[[str, int, int | None], None]


def import_recommendations(
    *,
    data: bytes,
    filename: str,
    format: str,
    state_iso3: str | None = None,
    cycle: int | None = None,
    mechanism: str = "UPR",
    encoding: str | None = None,
    dry_run: bool = False,
    user=None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the recommendations of one file; return what was (or would be) done.

    ``state_iso3`` and ``cycle`` name the review (state under review, UPR cycle) for the
    ``upr-info``, ``un-report`` and ``uhri`` formats, which need them; for ``tracker`` files,
    whose rows name their review, they only narrow the import. Rows of other states, cycles
    or mechanisms are skipped and counted. ``encoding`` names a CSV file's encoding when it
    cannot be recognised. ``progress(phase, done, total)`` is called every few hundred rows
    ("validating" with no total, then "writing").

    Every problem is reported in ``result.errors`` with its row, column and reason, and then
    nothing is written. Otherwise the changes are written in one transaction (none in a dry
    run), each kept in the recommendations' history with the reason "Import of FILE by USER".
    Never raises for a bad file.
    """
    result = ImportResult(filename=filename, format=format, dry_run=dry_run)
    try:
        run = _Import(
            data=data,
            filename=filename,
            format=format,
            encoding=encoding or None,
            result=result,
            user=user,
            progress=progress or (lambda phase, done, total: None),
        )
        run.check_arguments(state_iso3, cycle, mechanism)
        with transaction.atomic():
            try:
                run.catalogue = Catalogue(result, dry_run=dry_run)
                run.mechanism = run.catalogue.mechanism_code(mechanism) or ""
                IMPORTERS[format](run)
            except ImportFileErrors as caught:
                result.errors.extend(caught.errors)
            except ImportFileError as caught:
                result.errors.append(caught)
            except DatabaseError as caught:
                # A constraint the readers did not foresee: nothing is written, and it is
                # reported like any other problem rather than as a server error.
                result.errors.append(ImportFileError(f"the database refused a row: {caught}"))
            if dry_run or not result.ok:
                transaction.set_rollback(True)
            else:
                refresh_planner_statistics()
    except ImportFileErrors as caught:
        result.errors.extend(caught.errors)
    except ImportFileError as caught:
        result.errors.append(caught)
    return result


@dataclass
class _Import:
    data: bytes
    filename: str
    format: str
    encoding: str | None
    result: ImportResult
    user: object
    progress: Progress
    names: StateNames = field(default_factory=StateNames)
    state: str | None = None
    cycle: int | None = None
    mechanism: str = "UPR"
    catalogue: Catalogue | None = None

    def check_arguments(self, state_iso3: str | None, cycle: int | None, mechanism: str):
        if self.format not in FORMATS:
            raise ImportFileError(
                f"unknown format {self.format!r}; choose one of {', '.join(FORMATS)}"
            )
        problems = []
        if state_iso3:
            self.state = self.names.lookup(state_iso3)
            if self.state is None:
                problems.append(ImportFileError(f"{state_iso3!r} is not a known state"))
        elif self.format != "tracker":
            problems.append(ImportFileError("name the state under review (ISO3 code)"))
        if cycle is not None and not 1 <= cycle <= 9:
            problems.append(ImportFileError(f"{cycle} is not a UPR cycle number (1–9)"))
        self.cycle = cycle
        upr = (mechanism or "UPR").upper() == "UPR"
        if self.format != "tracker" and upr and cycle is None:
            problems.append(ImportFileError("name the UPR cycle of the review (1, 2, 3 …)"))
        if problems:
            raise ImportFileErrors(problems)
        self.result.encoding = self._encoding_used()

    def _encoding_used(self) -> str:
        if is_xlsx(self.data, self.filename):
            return "XLSX"
        return self.encoding or (guess_encoding(self.data) if self.data else "")

    @property
    def reason(self) -> str:
        who = f" by {self.user.get_username()}" if self.user is not None else ""
        return f"Import of {self.filename}{who}"

    def rows(self, *, collect: bool) -> tuple[list[str], Rows]:
        errors = self.result.errors if collect else None
        return read_rows(self.data, self.filename, self.encoding, errors=errors)

    def counted(self, rows: Rows) -> Iterator:
        for row in rows:
            self.result.rows_read += 1
            if self.result.rows_read % PROGRESS_EVERY == 0:
                self.progress("validating", self.result.rows_read, None)
            yield row

    def validated(self) -> None:
        self.progress("validating", self.result.rows_read, self.result.rows_read)

    def writer(self) -> RecommendationWriter:
        return RecommendationWriter(self.catalogue, self.result, reason=self.reason, user=self.user)

    def write(self, pairs: Iterator, total: int) -> None:
        writer = self.writer()
        for done, (review, record) in enumerate(pairs, start=1):
            writer.add(review, record)
            if done % PROGRESS_EVERY == 0:
                self.progress("writing", done, total)
        writer.flush()
        self.progress("writing", total, total)


# Tables: the tracker's own format and the Universal Human Rights Index -----------------------


def _import_tracker(run: _Import) -> None:
    _import_table(run, read_tracker, "Reference", own_review=False)


def _import_uhri(run: _Import) -> None:
    _import_table(run, read_uhri, "Paragraph", own_review=True)


def _import_table(run: _Import, reader, reference_column: str, *, own_review: bool) -> None:
    """Validate every row, then (when all is well) read the file again and write."""
    result, catalogue = run.result, run.catalogue
    header, rows = run.rows(collect=True)
    first_rows: dict[tuple[ReviewKey, str], int] = {}
    used: dict[str, set] = {k: set() for k in ("states", "themes", "groups", "goals", "inst")}
    reviews: set[ReviewKey] = set()
    for record in reader(header, run.counted(rows), run.names, result.errors):
        try:
            key = _review_of(run, record, own_review)
        except ImportFileError as problem:
            result.errors.append(problem)
            continue
        if key is None:
            result.rows_skipped += 1
            continue
        reviews.add(key)
        first = first_rows.setdefault((key, record.reference), record.row_number)
        if first != record.row_number:
            result.errors.append(
                ImportFileError(
                    f"duplicate reference {record.reference!r} in {key}, also on row {first}",
                    row=record.row_number,
                    column=reference_column,
                )
            )
        used["states"].update(record.recommending_states or ())
        used["themes"].update(record.themes or ())
        used["groups"].update(record.affected_groups or ())
        used["goals"].update(record.sdg_goals or ())
        used["inst"].update(name for name, _ in record.institutions or ())
    run.validated()
    if result.ok and not reviews:
        wanted = f" of {ReviewKey(run.state, run.mechanism, run.cycle)}" if run.state else ""
        result.errors.append(ImportFileError(f"no row of the file is a recommendation{wanted}"))
    if result.rows_skipped:
        result.warnings.append(
            ImportFileError(f"{result.rows_skipped} row(s) of other reviews were skipped")
        )
    if not result.ok:
        return
    catalogue.add_missing(
        states={key.state for key in reviews} | used["states"],
        themes=used["themes"],
        groups=used["groups"],
        goals=used["goals"],
        institutions=used["inst"],
    )
    review_of = {key: catalogue.review(key) for key in sorted(reviews, key=str)}
    del rows  # let the first reading go before the second begins
    header, rows = run.rows(collect=False)
    ignored: list = []

    def pairs():
        for record in reader(header, rows, run.names, ignored):
            key = _review_of(run, record, own_review)
            if key is not None:
                yield review_of[key], record

    run.write(pairs(), total=len(first_rows))


def _review_of(run: _Import, record: RecommendationRecord, own_review: bool):
    """The review a row belongs to, or None when the import leaves the row out.

    Raises :class:`ImportFileError` for a mechanism the tracker does not know.
    """
    row = record.review
    mechanism = run.catalogue.mechanism_code(row.mechanism)
    if mechanism is None:
        raise ImportFileError(
            f"{row.mechanism!r} is not a known mechanism", row=record.row_number, column="Mechanism"
        )
    if own_review:  # the Index: keep the rows of the review the import names
        if row.state != run.state or mechanism != run.mechanism:
            return None
        if row.cycle is not None and run.cycle is not None and row.cycle != run.cycle:
            return None
        state, cycle = run.state, run.cycle
    else:
        if (run.state and row.state != run.state) or (
            run.cycle is not None and row.cycle != run.cycle
        ):
            return None
        state, cycle = row.state, row.cycle
    # A cycle names a review; only a review without one is told apart by its symbol.
    return ReviewKey(state, mechanism, cycle, "" if cycle else row.document_symbol)


# The UPR files: UPR Info's export and the UN report's paragraphs -----------------------------


def _import_upr_info(run: _Import) -> None:
    _import_upr(run, upr_info=True)


def _import_un_report(run: _Import) -> None:
    _import_upr(run, upr_info=False)


def _import_upr(run: _Import, *, upr_info: bool) -> None:
    result, catalogue = run.result, run.catalogue
    key = ReviewKey(run.state, run.mechanism, run.cycle)
    existing = catalogue.find_review(key)
    stored = _stored(existing)
    header, rows = run.rows(collect=True)
    session = None
    if upr_info:
        known_session = existing.session if existing is not None else ""
        records, session = upr_info_records(
            header,
            run.counted(rows),
            state=run.state,
            names=run.names,
            session=int(known_session) if known_session.isdigit() else None,
            paragraphs=[s for s in stored if isinstance(s, StoredParagraph)],
            errors=result.errors,
            warnings=result.warnings,
        )
    else:
        records = un_report_records(
            header,
            run.counted(rows),
            state=run.state,
            names=run.names,
            provisional=[s for s in stored if isinstance(s, StoredProvisional)],
            sources={
                s.reference: s.position_source for s in stored if isinstance(s, StoredParagraph)
            },
            errors=result.errors,
            kept=frozenset(
                s.reference
                for s in stored
                if isinstance(s, StoredParagraph) and s.position == Position.PARTIALLY_SUPPORTED
            ),
        )
    run.validated()
    if not result.ok:
        return
    catalogue.add_missing(
        states={run.state} | {c for r in records for c in r.recommending_states or ()},
        themes={theme for r in records for theme in r.themes or ()},
    )
    review = catalogue.review(key, session=session)
    run.write(((review, record) for record in records), total=len(records))


def _stored(review) -> list:
    """The review's recommendations as the UPR join needs them (none for a new review)."""
    if review is None:
        return []
    stored = []
    recommendations = Recommendation.objects.filter(review=review).prefetch_related(
        "recommending_states", "themes"
    )
    for recommendation in recommendations:
        states = [state.iso3 for state in recommendation.recommending_states.all()]
        if is_provisional(recommendation.reference):
            number = recommendation.reference.rpartition(".")[2]
            if not number.isdigit():
                continue
            stored.append(
                StoredProvisional(
                    number=int(number),
                    text=recommendation.text,
                    recommending_state=states[0] if states else "",
                    position=recommendation.position,
                    action_category=recommendation.action_category,
                    themes=sorted(theme.name for theme in recommendation.themes.all()),
                )
            )
        else:
            stored.append(
                StoredParagraph(
                    reference=recommendation.reference,
                    text=recommendation.text,
                    recommending_states=states,
                    position_source=recommendation.position_source,
                    position=recommendation.position,
                )
            )
    return stored


IMPORTERS = {
    "tracker": _import_tracker,
    "uhri": _import_uhri,
    "upr-info": _import_upr_info,
    "un-report": _import_un_report,
}
