"""manage.py import_recommendations FILE: the command-line face of the one importer."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from recommendations.importing.service import FORMATS, import_recommendations

PROBLEMS_SHOWN = 50
CHANGES_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import recommendations from a CSV or XLSX file, or OHCHR's thematic list (DOCX): check "
        "every row first, then write all or nothing. Importing the same file twice changes "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV, XLSX or DOCX file")
        parser.add_argument(
            "--format",
            choices=list(FORMATS),
            default="tracker",
            help="tracker (our own export, default), uhri (Universal Human Rights Index), "
            "upr-info (UPR Info export: every review it holds), un-report (Working Group report "
            "extract), thematic-list (OHCHR's thematic list of recommendations, .docx: chosen "
            "for any Word document)",
        )
        parser.add_argument(
            "--state",
            help="state under review, ISO 3166 alpha-3 (e.g. BLR); for tracker and upr-info "
            "files, only that state's rows",
        )
        parser.add_argument(
            "--cycle",
            type=int,
            help="UPR cycle of the review (1, 2, 3 …); upr-info rows must agree with it",
        )
        parser.add_argument(
            "--mechanism",
            help="uhri and tracker files: import only this mechanism's rows (its code, e.g. CAT; "
            "default: every mechanism)",
        )
        parser.add_argument(
            "--encoding",
            help="a CSV file's encoding when it cannot be recognised (e.g. mac_roman, cp1252, "
            "latin-1); UTF-8 and Mac Roman (old Mac line endings) are recognised",
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument("--user", help="username the history records the import under")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")
        bar = ProgressBar(self.stderr, tty=self.stderr.isatty())
        result = import_recommendations(
            data=data,
            filename=path.name,
            format=options["format"],
            state_iso3=options["state"],
            cycle=options["cycle"],
            mechanism=options["mechanism"],
            encoding=options["encoding"],
            dry_run=options["dry_run"],
            user=user,
            progress=bar.update,
        )
        bar.finish()
        self._report(result)
        if not result.ok:
            raise CommandError(
                f"{result.errors.total} problem(s) found in {path.name}: nothing was imported."
            )

    def _report(self, result):
        write = self.stdout.write
        if result.encoding:
            write(f"Read {result.rows_read} row(s) of {result.filename} ({result.encoding}).")
        for warning in result.warnings.in_order():
            write(self.style.WARNING(f"Warning: {warning}"))
        if not result.ok:
            for error in result.errors.in_order()[:PROBLEMS_SHOWN]:
                self.stderr.write(self.style.ERROR(f"Error: {error}"))
            hidden = result.errors.total - min(len(result.errors), PROBLEMS_SHOWN)
            if hidden:
                self.stderr.write(self.style.ERROR(f"… and {hidden} more problem(s)."))
            return
        for kind, names in sorted(result.new_entries.items()):
            write(f"New {kind}: {', '.join(sorted(names))}")
        for change in result.changes[:CHANGES_SHOWN]:
            fields = ", ".join(change.fields) if change.kind == "updated" else ""
            write(f"  {change.kind} {change.reference}" + (f": {fields}" if fields else ""))
        more = result.changed - min(len(result.changes), CHANGES_SHOWN)
        if more > 0:
            write(f"  … and {more} more change(s).")
        prefix = "Dry run, nothing written: " if result.dry_run else "Imported: "
        write(self.style.SUCCESS(prefix + result.summary() + "."))


class ProgressBar:
    """A progress bar on a terminal, a line of counts now and then anywhere else.

    Written with the standard library: the importer only reports (phase, done, total), and a
    bar is twenty lines, not worth a dependency.
    """

    WIDTH = 30
    PLAIN_EVERY = 10_000

    def __init__(self, stream, *, tty: bool):
        self.stream = stream
        self.tty = tty
        self.drawn = False
        self.last_phase: str | None = None

    def update(self, phase: str, done: int, total: int | None) -> None:
        if self.tty:
            if total:
                filled = self.WIDTH * done // total
                bar = "#" * filled + "-" * (self.WIDTH - filled)
                line = f"\r{phase:<10} [{bar}] {done}/{total} rows"
            else:
                line = f"\r{phase:<10} {done} rows"
            self.stream.write(line, ending="")
            self.stream.flush()
            self.drawn = True
        elif phase != self.last_phase or done == total or done % self.PLAIN_EVERY == 0:
            # Plain counts for logs: each phase's start and end, and every so many rows.
            suffix = f"/{total}" if total else ""
            self.stream.write(f"{phase}: {done}{suffix} rows")
        self.last_phase = phase

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("")
            self.drawn = False
