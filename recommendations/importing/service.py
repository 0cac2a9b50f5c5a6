"""The importer: one service for the management command and the admin's upload page.

``import_recommendations`` reads a file in one of five formats, checks every row, and only
when nothing is wrong writes everything in one transaction (or, in a dry run, counts what it
would write). See the README's "Import and export" section for the formats' columns.

* ``tracker`` — the tracker's own export (:mod:`.tracker_format`); rows carry their review.
* ``uhri`` — OHCHR's Universal Human Rights Index export (:mod:`.uhri_format`).
* ``upr-info`` — a UPR Info database export, every review it holds (:mod:`.upr_info_file`);
  ``un-report`` — a UN Working Group report extract (2010data.csv style,
  :mod:`.upr_imports`); the two are joined into one recommendation per paragraph in either
  order (:mod:`.upr_records`).
* ``thematic-list`` — OHCHR's thematic list of recommendations, a Word document
  (:mod:`.thematic_list`); a Word document is read as one whatever the format named.

Tables (tracker, uhri) are read twice from the uploaded bytes: once to validate, keeping only
each row's reference and the names it uses, once to write in batches, so memory does not grow
with the number of rows. A UPR Info export is read twice too, and joined one review (a few
hundred rows) at a time; a report extract holds one review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from recommendations.database import refresh_planner_statistics

from .catalogue import Catalogue
from .errors import ImportFileError, ImportFileErrors
from .reading import Rows, guess_encoding, is_xlsx, read_rows
from .records import RecommendationRecord, ReviewKey
from .result import ImportResult
from .saving import RecommendationWriter
from .thematic_list import is_docx
from .tracker_format import read_tracker
from .uhri_format import read_uhri
from .upr_imports import import_thematic_list, import_un_report
from .upr_info_file import import_upr_info
from .vocabulary import StateNames

FORMATS = {
    "tracker": "UPR Tracker export",
    "uhri": "Universal Human Rights Index export",
    "upr-info": "UPR Info database export",
    "un-report": "UN Working Group report extract (paragraphs)",
    "thematic-list": "OHCHR thematic list of recommendations (.docx)",
}
# Formats whose rows name their review: --state and --cycle only narrow the import.
OWN_REVIEWS = ("tracker", "upr-info")
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
    ``un-report``, ``thematic-list`` and ``uhri`` formats, which need them; for ``tracker``
    and ``upr-info`` files, whose rows name their review, they only narrow the import (a
    ``upr-info`` row of another cycle than ``cycle`` is an error). Rows of other states,
    cycles or mechanisms are skipped and counted. ``encoding`` names a CSV file's encoding when it
    cannot be recognised. ``progress(phase, done, total)`` is called every few hundred rows
    ("validating" with no total, then "writing").

    Every problem is reported in ``result.errors`` with its row, column and reason, and then
    nothing is written. Otherwise the changes are written in one transaction (none in a dry
    run), each kept in the recommendations' history with the reason "Import of FILE by USER".
    Never raises for a bad file.
    """
    if is_docx(data):
        format = "thematic-list"  # no other format is a Word document
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
        elif self.format not in OWN_REVIEWS:
            problems.append(ImportFileError("name the state under review (ISO3 code)"))
        if cycle is not None and not 1 <= cycle <= 9:
            problems.append(ImportFileError(f"{cycle} is not a UPR cycle number (1–9)"))
        self.cycle = cycle
        upr = (mechanism or "UPR").upper() == "UPR"
        if self.format not in OWN_REVIEWS and upr and cycle is None:
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

    def rows(self, *, collect: bool, legacy: str | None = None) -> tuple[list[str], Rows]:
        errors = self.result.errors if collect else None
        return read_rows(self.data, self.filename, self.encoding, errors=errors, legacy=legacy)

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


IMPORTERS = {
    "tracker": _import_tracker,
    "uhri": _import_uhri,
    "upr-info": import_upr_info,
    "un-report": import_un_report,
    "thematic-list": import_thematic_list,
}
