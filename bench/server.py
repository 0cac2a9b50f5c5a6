"""The database the benchmark runs on: ``BENCH_DATABASE_URL`` when given, else a throwaway
PostgreSQL server started (and removed afterwards) with ``scripts/test-postgres.sh``, as
``.ci/run`` starts one for the tests."""

import contextlib
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "test-postgres.sh"


@contextlib.contextmanager
def bench_database():
    """Yield the database URL to fill and time; a server started here stops on the way out."""
    given = os.environ.get("BENCH_DATABASE_URL")
    if given:
        yield given
        return
    directory = Path(tempfile.mkdtemp(prefix="upr-bench-pg-"))
    started = subprocess.run(
        [str(SCRIPT), "start", str(directory)], check=True, capture_output=True, text=True
    )
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(SCRIPT), "stop", str(directory)], check=False, capture_output=True)
