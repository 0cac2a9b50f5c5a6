"""Servers a test starts as separate processes, as an operator would run them:
gunicorn on a database of the test's choosing (the suite's own test database,
or a throwaway PostgreSQL cluster)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from tests.http import send

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def url_of_test_database() -> str:
    """DATABASE_URL of the database the suite runs on (the test database)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
        f"{settings['PORT']}/{settings['NAME']}"
    )


def environment(**overrides) -> dict:
    """The environment of a child process: this one's, with the test settings,
    and ``overrides``."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "upr_tracker.test_settings"}
    env.update({name: str(value) for name, value in overrides.items()})
    return env


def manage(*arguments, env: dict, check=True, **options) -> subprocess.CompletedProcess:
    """``manage.py`` with ``arguments`` in a child process."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        **options,
    )


@contextmanager
def gunicorn(*, env: dict, workers=2, threads=4):
    """gunicorn serving the tracker on a free loopback port; yields its base URL
    once /healthz answers at all, and stops it afterwards."""
    port = free_port()
    options = ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "upr_tracker.wsgi", *options, "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {server.stderr.read()}")
            try:
                send(f"{url}/healthz", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def postgresql_binaries_missing() -> str | None:
    """Why no throwaway PostgreSQL can be started here, or None when one can."""
    if os.environ.get("PG_BINDIR") or shutil.which("initdb"):
        return None
    if list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        return None
    return "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql"


@contextmanager
def throwaway_postgresql():
    """A PostgreSQL cluster of its own (scripts/test-postgres.sh), deleted afterwards;
    yields (DATABASE_URL, a function taking "pause" or "resume")."""
    script = ROOT / "scripts" / "test-postgres.sh"
    directory = tempfile.mkdtemp(prefix="upr-pg-", dir="/tmp")

    def control(command):
        subprocess.run([script, command, directory], check=True, capture_output=True)

    try:
        started = subprocess.run(
            [script, "start", directory], check=True, capture_output=True, text=True
        )
        yield started.stdout.strip(), control
    finally:
        subprocess.run([script, "stop", directory], capture_output=True)
