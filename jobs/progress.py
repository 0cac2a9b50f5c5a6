"""A running job's progress, kept beside the database.

A job's work may run in one long transaction (an import writes everything or nothing):
what it writes to the database there is seen by nobody until it commits, and on SQLite
no other connection may write meanwhile. So the worker reports progress to a small file in
the default storage (which every app server shares, as it shares the evidence files) and
the page reads it; the job's row gets the last report when the job ends.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FOLDER = "jobs/progress"


@dataclass(frozen=True)
class Progress:
    message: str
    done: int
    total: int | None

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))


def _path(job_id) -> str:
    return f"{FOLDER}/{job_id}.json"


def report(job_id, progress: Progress) -> None:
    """Replace the job's live progress."""
    path = _path(job_id)
    default_storage.delete(path)
    default_storage.save(path, ContentFile(json.dumps(asdict(progress)).encode()))


def read(job_id) -> Progress | None:
    """The job's live progress; None when there is none (or it is being replaced)."""
    try:
        with default_storage.open(_path(job_id), "rb") as stored:
            return Progress(**json.loads(stored.read()))
    except (OSError, ValueError, TypeError):
        return None


def forget(job_id) -> None:
    default_storage.delete(_path(job_id))
