"""The importer's tables: the tracker's own format and the Universal Human Rights Index's
export, whose rows name their reviews (:func:`~.service.import_recommendations` narrows them to
a state, a mechanism or a UPR cycle).

A table is read twice from the uploaded bytes: once to validate, keeping only each row's review,
reference and annotation id and the names it uses, once to write in batches, so memory does not
grow with the number of rows.
"""

from __future__ import annotations

from dataclasses import replace

from .columns import match_header
from .errors import ImportFileError
from .records import RecommendationRecord, ReviewKey, distinct_reference, goals_of_targets
from .tracker_format import read_tracker
from .uhri_format import COLUMNS, Concern, read_uhri


def import_tracker(run) -> None:
    """Import a file in the tracker's own format: each row names its review."""
    _import_table(run, read_tracker, "Reference", own_review=False)


def import_uhri(run) -> None:
    """Import a Universal Human Rights Index export: each row names its reviews."""
    _import_table(run, read_uhri, _uhri_reference_column, own_review=True)


def _uhri_reference_column(header: list[str]) -> str:
    """Where an Index row's reference comes from: its Paragraph column, else its text."""
    found, _ = match_header(header, [column for column in COLUMNS if column.name == "Paragraph"])
    return "Paragraph" if found else "Text"


def _import_table(run, reader, reference_column, *, own_review: bool) -> None:
    """Validate every row, then (when all is well) read the file again and write.

    ``reference_column`` names the column a reference comes from (or gives it from the
    header)."""
    result, catalogue = run.result, run.catalogue
    header, rows = run.rows(collect=True)
    if callable(reference_column):
        reference_column = reference_column(header)
    seen = _Seen()
    used: dict[str, set] = {k: set() for k in ("states", "themes", "groups", "goals", "inst")}
    targets: dict[str, str] = {}
    reviews: dict[ReviewKey, RecommendationRecord] = {}
    tally = _RowTally(result)
    for record in reader(header, run.counted(rows), run.names, result.errors):
        if isinstance(record, Concern):
            result.concerns_skipped += 1
            continue
        tally.start(record.row_number)
        try:
            key = _review_of(run, record, own_review)
        except ImportFileError as problem:
            tally.fail(problem)
            continue
        if key is None:
            continue
        tally.keep()
        reviews.setdefault(key, record)
        result.errors.extend(seen.add(key, record, reference_column))
        used["states"].update(record.recommending_states or ())
        used["themes"].update(record.themes or ())
        used["groups"].update(record.affected_groups or ())
        used["goals"].update(record.sdg_goals or ())
        used["goals"].update(goals_of_targets(record.sdg_targets or ()))
        for code, name in record.sdg_target_names.items():
            targets[code] = targets.get(code) or name
        targets.update({code: targets.get(code, "") for code in record.sdg_targets or ()})
        used["inst"].update(name for name, _ in record.institutions or ())
    tally.finish()
    run.validated()
    if result.ok and not reviews:
        wanted = f" of {ReviewKey(run.state, run.mechanism or '', run.cycle)}" if run.state else ""
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
        targets=targets,
        institutions=used["inst"],
    )
    review_of = {}
    for key, first in sorted(reviews.items(), key=lambda item: str(item[0])):
        assert first.review is not None  # _review_of found its key in it
        review_of[key] = catalogue.review(
            key,
            session=first.session if key.cycle else None,
            review_date=None if key.cycle else first.published,
            document_symbol=first.review.document_symbol,
        )
    del rows  # let the first reading go before the second begins
    header, rows = run.rows(collect=False)
    ignored: list = []

    def pairs():
        for record in reader(header, rows, run.names, ignored):
            if isinstance(record, Concern):
                continue
            key = _review_of(run, record, own_review)
            if key is not None:
                yield review_of[key], seen.apart(key, record)

    run.write(pairs(), total=seen.count)


class _RowTally:
    """Counts the rows the import leaves out (rows_skipped), a row being the records of each
    state it names, which come one after the other; reports a row's problem once."""

    def __init__(self, result):
        self.result = result
        self.row: int | None = None
        self.kept = self.failed = False

    def start(self, row_number: int) -> None:
        if row_number != self.row:
            self.finish()
            self.row, self.kept, self.failed = row_number, False, False

    def keep(self) -> None:
        self.kept = True

    def fail(self, problem: ImportFileError) -> None:
        if not self.failed:
            self.result.errors.append(problem)
        self.failed = True

    def finish(self) -> None:
        if self.row is not None and not (self.kept or self.failed):
            self.result.rows_skipped += 1
        self.row = None


class _Seen:
    """What the validation has seen of each review's references and annotation ids: a
    reference twice is a problem, unless the Index's records that share it (a paragraph
    annotated twice) are kept apart (``apart``); an annotation id twice always is."""

    def __init__(self):
        self.references: dict[tuple[ReviewKey, str], tuple[int, str]] = {}
        self.annotations: dict[tuple[ReviewKey, str], int] = {}
        self.shared: set[tuple[ReviewKey, str]] = set()
        self.count = 0

    def add(self, key: ReviewKey, record: RecommendationRecord, column: str) -> list:
        self.count += 1
        annotation = str(record.values.get("ohchr_annotation_id") or "")
        if annotation:
            first = self.annotations.setdefault((key, annotation), record.row_number)
            if first != record.row_number:
                return [
                    ImportFileError(
                        f"the same OHCHR Annotation Id as row {first} ({key})",
                        row=record.row_number,
                        column="OHCHR Annotation Id",
                    )
                ]
        first, first_annotation = self.references.setdefault(
            (key, record.reference), (record.row_number, annotation)
        )
        if first == record.row_number:
            return []
        if annotation and first_annotation:
            self.shared.add((key, record.reference))
            return []
        return [
            ImportFileError(
                f"duplicate reference {record.reference!r} in {key}, also on row {first}",
                row=record.row_number,
                column=column,
            )
        ]

    def apart(self, key: ReviewKey, record: RecommendationRecord) -> RecommendationRecord:
        if (key, record.reference) not in self.shared:
            return record
        annotation = str(record.values["ohchr_annotation_id"])
        return replace(record, reference=distinct_reference(record.reference, annotation))


def _review_of(run, record: RecommendationRecord, own_review: bool):
    """The review a row belongs to, or None when the import leaves the row out.

    The row names its review (state, mechanism, UPR cycle or, for other mechanisms, the
    document); the import's state, mechanism and cycle, when given, narrow it: a cycle is a
    UPR review's, so naming one leaves out the other mechanisms' rows. An Index row without a
    cycle takes the import's. Raises :class:`ImportFileError` for a mechanism the tracker
    does not know, or an Index UPR row whose cycle nothing gives.
    """
    row = record.review
    assert row is not None  # the tracker's and the Index's rows name their review
    column = "Reccomending Body" if own_review else "Mechanism"
    mechanism = run.catalogue.mechanism_code(row.mechanism)
    if mechanism is None:
        raise ImportFileError(
            f"{row.mechanism!r} is not a known mechanism", row=record.row_number, column=column
        )
    if (run.state and row.state != run.state) or (run.mechanism and mechanism != run.mechanism):
        return None
    cycle = row.cycle
    if own_review:  # the Index: a cycle only for the UPR's rows
        cycle = (cycle or run.cycle) if mechanism == "UPR" else None
        if mechanism == "UPR" and cycle is None:
            raise ImportFileError(
                "a UPR recommendation needs its session (or name the cycle to import)",
                row=record.row_number,
                column="UPR Session",
            )
    if run.cycle is not None and cycle != run.cycle:
        return None
    # A cycle names a review; only a review without one is told apart by its symbol.
    return ReviewKey(row.state, mechanism, cycle, "" if cycle else row.document_symbol)
