"""What an import did, or would do: counts, the changed rows and every problem found.

The management command prints it and the admin's preview page shows it. It stays small
whatever the size of the file: counts for everything, details for the first rows only.
Pure Python: no Django here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ImportFileError

MAX_PROBLEMS_KEPT = 1000
MAX_CHANGES_KEPT = 500


class Problems(list):
    """A list of :class:`ImportFileError` that keeps the first ones and counts them all."""

    def __init__(self, limit: int = MAX_PROBLEMS_KEPT):
        super().__init__()
        self.limit = limit
        self.total = 0

    def append(self, problem: ImportFileError) -> None:
        self.total += 1
        if len(self) < self.limit:
            super().append(problem)

    def extend(self, problems) -> None:
        for problem in problems:
            self.append(problem)

    @property
    def left_out(self) -> int:
        return self.total - len(self)

    def in_order(self) -> list[ImportFileError]:
        """File-level problems first, then by row and column."""
        return sorted(self, key=lambda p: (p.row or 0, p.column or ""))


@dataclass
class RowChange:
    """One recommendation the import creates, updates or deletes, with what changes.

    ``fields`` maps a field's label to its ``(before, after)`` texts ('' for nothing).
    """

    kind: str  # "created", "updated" or "deleted"
    review: str
    reference: str
    row: int | None
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class ImportResult:
    """The outcome of :func:`~.service.import_recommendations`.

    When ``errors`` is not empty nothing was written. ``dry_run`` results count what a real
    import of the same file would do.
    """

    filename: str
    format: str
    dry_run: bool = False
    encoding: str = ""
    rows_read: int = 0
    rows_skipped: int = 0
    concerns_skipped: int = 0  # the Index's concerns and observations: not recommendations
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    errors: Problems = field(default_factory=Problems)
    warnings: Problems = field(default_factory=Problems)
    changes: list[RowChange] = field(default_factory=list)
    changes_left_out: int = 0
    new_entries: dict[str, set[str]] = field(default_factory=dict)
    reviews: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors.total

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted

    def record_change(self, change: RowChange) -> None:
        setattr(self, change.kind, getattr(self, change.kind) + 1)
        if len(self.changes) < MAX_CHANGES_KEPT:
            self.changes.append(change)
        else:
            self.changes_left_out += 1

    def note_new(self, kind: str, name: str) -> None:
        """Remember a vocabulary entry (theme, institution …) the import adds."""
        self.new_entries.setdefault(kind, set()).add(name)

    def summary(self) -> str:
        verb = "would be " if self.dry_run else ""
        text = (
            f"{self.created} {verb}created, {self.updated} {verb}updated, "
            f"{self.unchanged} unchanged"
        )
        if self.deleted:
            text += f", {self.deleted} {verb}merged into others"
        if self.concerns_skipped:
            text += (
                f"; {self.concerns_skipped} concern(s)/observation(s) skipped (not recommendations)"
            )
        return text


def result_to_data(result: ImportResult) -> dict:
    """The result as JSON-ready data (a background job keeps it for the page that shows it)."""
    return {
        **{name: getattr(result, name) for name in _PLAIN_FIELDS},
        "errors": _problems_to_data(result.errors),
        "warnings": _problems_to_data(result.warnings),
        "changes": [
            {
                "kind": change.kind,
                "review": change.review,
                "reference": change.reference,
                "row": change.row,
                "fields": {label: list(values) for label, values in change.fields.items()},
            }
            for change in result.changes
        ],
        "new_entries": {kind: sorted(names) for kind, names in result.new_entries.items()},
        "reviews": list(result.reviews),
    }


def result_from_data(data: dict) -> ImportResult:
    """The result :func:`result_to_data` kept."""
    result = ImportResult(**{name: data[name] for name in _PLAIN_FIELDS})
    result.errors = _problems_from_data(data["errors"])
    result.warnings = _problems_from_data(data["warnings"])
    result.changes = [
        RowChange(
            kind=change["kind"],
            review=change["review"],
            reference=change["reference"],
            row=change["row"],
            fields={label: (before, after) for label, (before, after) in change["fields"].items()},
        )
        for change in data["changes"]
    ]
    result.new_entries = {kind: set(names) for kind, names in data["new_entries"].items()}
    result.reviews = list(data["reviews"])
    return result


_PLAIN_FIELDS = (
    "filename",
    "format",
    "dry_run",
    "encoding",
    "rows_read",
    "rows_skipped",
    "concerns_skipped",
    "created",
    "updated",
    "unchanged",
    "deleted",
    "changes_left_out",
)


def _problems_to_data(problems: Problems) -> dict:
    return {
        "total": problems.total,
        "kept": [[problem.reason, problem.row, problem.column] for problem in problems],
    }


def _problems_from_data(data: dict) -> Problems:
    problems = Problems()
    for reason, row, column in data["kept"]:
        problems.append(ImportFileError(reason, row=row, column=column))
    problems.total = data["total"]
    return problems
