"""The importer: one service for the management command and the admin's upload page.

``import_recommendations`` reads a file in one of four formats, checks every row, and only
when nothing is wrong writes everything in one transaction (or, in a dry run, counts what it
would write). See the README's "Import and export" section for the formats' columns.

* ``tracker`` — the tracker's own export (:mod:`.tracker_format`); rows carry their review.
* ``uhri`` — OHCHR's Universal Human Rights Index export (:mod:`.uhri_format`): every
  mechanism's records of every state it names, or of those the import is narrowed to.
* ``upr-info`` — a UPR Info database export, every review it holds (:mod:`.upr_info_file`);
  ``un-report`` — a UN Working Group report extract (2010data.csv style,
  :mod:`.upr_imports`); the two are joined into one recommendation per paragraph in either
  order (:mod:`.upr_records`).
* ``thematic-list`` — OHCHR's thematic list of recommendations, a Word document
  (:mod:`.thematic_list`); a Word document is read as one whatever the format named.

Tables (tracker, uhri: :mod:`.tables`) are read twice from the uploaded bytes: once to
validate, keeping only each row's reference and the names it uses, once to write in batches,
so memory does not grow with the number of rows. A UPR Info export is read twice too, and
joined one review (a few hundred rows) at a time; a report extract holds one review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import DatabaseError, transaction

from recommendations import caching
from recommendations.database import refresh_planner_statistics

from .catalogue import Catalogue
from .errors import ImportFileError, ImportFileErrors
from .reading import Rows, guess_encoding, is_xlsx, read_rows
from .result import ImportResult
from .saving import RecommendationWriter
from .tables import import_tracker, import_uhri
from .thematic_list import is_docx
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
OWN_REVIEWS = ("tracker", "uhri", "upr-info")
PROGRESS_EVERY = 500

Progress = Callable[[str, int, int | None], None]


def import_recommendations(
    *,
    data: bytes,
    filename: str,
    format: str,
    state_iso3: str | None = None,
    cycle: int | None = None,
    mechanism: str | None = None,
    encoding: str | None = None,
    dry_run: bool = False,
    user=None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the recommendations of one file; return what was (or would be) done.

    ``state_iso3`` and ``cycle`` name the review (state under review, UPR cycle) for the
    ``un-report`` and ``thematic-list`` formats, which need them (their mechanism is the
    UPR); for ``tracker``, ``uhri`` and ``upr-info`` files, whose rows name their reviews,
    they and ``mechanism`` (a code; for ``tracker`` and ``uhri`` files, all mechanisms when
    not given) only narrow the import (a ``upr-info`` row of another cycle than ``cycle`` is
    an error). Rows of other states, cycles or mechanisms are skipped and counted, and so
    are the Index's concerns and observations (``result.concerns_skipped``). ``encoding``
    names a CSV file's encoding when it cannot be recognised. ``progress(phase, done,
    total)`` is called every few hundred rows ("validating" with no total, then "writing").

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
                run.mechanism = run.mechanism_asked(mechanism)
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
                caching.figures_changed()  # new names and links, written in bulk
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
    user: AbstractBaseUser | None
    progress: Progress
    names: StateNames = field(default_factory=StateNames)
    state: str | None = None
    cycle: int | None = None
    mechanism: str | None = "UPR"  # None: every mechanism (uhri files)
    catalogue: Catalogue = field(init=False, repr=False)  # once the transaction begins

    def check_arguments(self, state_iso3: str | None, cycle: int | None, mechanism: str | None):
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

    def mechanism_asked(self, mechanism: str | None) -> str | None:
        """The code of the mechanism the import is narrowed to (None: every mechanism of an
        Index file); raises :class:`ImportFileError` for one the tracker does not know."""
        if not mechanism and self.format in ("tracker", "uhri"):
            return None
        code = self.catalogue.mechanism_code(mechanism or "UPR", add=False)
        if code is None:
            raise ImportFileError(f"{mechanism!r} is not a known mechanism")
        return code

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


IMPORTERS = {
    "tracker": import_tracker,
    "uhri": import_uhri,
    "upr-info": import_upr_info,
    "un-report": import_un_report,
    "thematic-list": import_thematic_list,
}
