"""Time the import of a whole UPR Info export, every review of it, in one pass.

    python -m bench.import_upr_info    (part of: make bench)

The file is the three exports of the shared data (``UPR_SHARED_DATA``, default
``../shared/data``: sessions 1–9 and 17–20) and the same rows again as later sessions
(each session number plus 26: the third and fourth cycles), about 45,000 rows and 370 reviews,
as many as the 41,000 rows of all 20 sessions of the public data set. It is imported into a
database of its own, made afresh (``bench-import.sqlite3`` in the project folder, or
``BENCH_IMPORT_DATABASE_URL``), then imported again (nothing changes). Prints each run's
wall-clock and processor time and the process's peak memory.
"""

import csv
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = f"sqlite:///{ROOT / 'bench-import.sqlite3'}"
EXPORTS = ("1-5.csv", "6-9.csv", "17-20.csv")
# Sessions 1–9 become 27–35 (the third cycle), 17–20 become 43–46 (the fourth).
SESSION_SHIFT = 26


def main():
    shared = Path(os.environ.get("UPR_SHARED_DATA", ROOT.parent / "shared" / "data"))
    folder = shared / "upr-info-export"
    if not folder.is_dir():
        print(f"UPR Info import not timed: no shared data in {shared} (set UPR_SHARED_DATA).")
        return
    database = os.environ.get("BENCH_IMPORT_DATABASE_URL", DEFAULT_DATABASE)
    if database == DEFAULT_DATABASE:
        (ROOT / "bench-import.sqlite3").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr_tracker.settings")
    os.environ.setdefault("DEBUG", "true")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from recommendations.importing.service import import_recommendations

    call_command("migrate", verbosity=0)
    data, rows = _whole_export(folder)
    size = f"{rows:,} rows, {len(data) / 1e6:.1f} MB"
    print(f"\nUPR Info export, every review: {size}, database: {connection.vendor}")
    print(f"{'import':34} {'wall':>9} {'processor':>10} {'result':>30}")
    for name in ("first import", "again (nothing changes)"):
        wall, processor = time.perf_counter(), time.process_time()
        result = import_recommendations(data=data, filename="sessions.csv", format="upr-info")
        wall, processor = time.perf_counter() - wall, time.process_time() - processor
        if not result.ok:
            raise SystemExit(f"the import failed: {result.errors.in_order()[:5]}")
        outcome = f"{len(result.reviews)} reviews, {result.summary()}"
        print(f"{name:34} {wall:8.1f}s {processor:9.1f}s   {outcome}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")


def _whole_export(folder: Path) -> tuple[bytes, int]:
    """The exports as one file, then their rows again as later sessions (Mac Roman, CR)."""
    header, rows = None, []
    for name in EXPORTS:
        text = (folder / name).read_bytes().decode("mac_roman").replace("\r", "\n")
        reader = csv.reader(io.StringIO(text))
        header = next(reader)
        rows += [row for row in reader if any(row)]
    session = header.index("Session")
    later = [
        [*row[:session], str(int(row[session]) + SESSION_SHIFT), *row[session + 1 :]]
        for row in rows
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r")
    writer.writerow(header)
    writer.writerows(rows + later)
    return buffer.getvalue().encode("mac_roman"), len(rows) + len(later)


if __name__ == "__main__":
    main()
