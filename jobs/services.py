"""Starting a job and running it: the two steps every background job goes through.

A door starts a job with :func:`job_start` (it records the job, then queues its task);
the task, in the worker, does its work through :func:`job_run`, which keeps the job's
state, progress and result, and turns a failure into a sentence for the person waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.utils import timezone, translation
from django.utils.translation import gettext

from . import progress as live_progress
from .models import Job

logger = logging.getLogger(__name__)

Report = Callable[[str, int, int | None], None]


class JobFailed(Exception):
    """Raised by a job's work to stop with a reason the person who started it can act on."""


def job_start(
    *,
    kind: str,
    label: str,
    task,
    user=None,
    arguments: dict | None = None,
    key: str = "",
) -> Job:
    """Record a job and queue ``task`` (a django-tasks task taking the job's id).

    The job remembers the language of the request that starts it, so that its messages and
    what it makes are in that language. Returns the job (already finished when the tasks'
    backend runs tasks at once, as the tests' does).
    """
    job = Job.objects.create(
        kind=kind,
        label=label[:300],
        started_by=user if user is not None and user.is_authenticated else None,
        language=translation.get_language() or "",
        arguments=arguments or {},
        key=key,
    )
    # The database backend queues the task in the same transaction as the job: a worker
    # finds both or neither.
    result = task.enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id))
    job.refresh_from_db()
    return job


def job_run(job_id: str, work: Callable[[Job, Report], None]) -> None:
    """Run ``work(job, report)`` for the job, in the job's language.

    ``report(message, done, total)`` tells the person waiting how far it got. The work saves
    what it made on ``job`` (``summary``, ``outcome``, ``result_file``); this saves the job
    as done. If the work raises, the job is marked failed with a reason in plain words
    (:class:`JobFailed`'s own, or a general one naming the error) and the error is raised
    again, for the worker's log.
    """
    job = Job.objects.get(pk=job_id)
    job.state, job.started_at = Job.State.RUNNING, timezone.now()
    job.save(update_fields=["state", "started_at"])
    last = live_progress.Progress("", 0, None)

    def report(message: str, done: int, total: int | None) -> None:
        nonlocal last
        last = live_progress.Progress(message, done, total)
        live_progress.report(job.pk, last)

    with translation.override(job.language or None):
        try:
            work(job, report)
        except Exception as error:
            job.state = Job.State.FAILED
            if isinstance(error, JobFailed):
                job.error = str(error)
            else:
                logger.exception("Job %s (%s) failed", job.pk, job.kind)
                job.error = gettext(
                    "It stopped on an unexpected error (%(error)s). Nothing it had begun "
                    "was kept: try again, and if it fails again tell the administrator."
                ) % {"error": type(error).__name__}
            raise
        else:
            job.state = Job.State.DONE
        finally:
            job.progress_message, job.progress_done = last.message, last.done
            job.progress_total = last.total
            job.finished_at = timezone.now()
            # What a job read from a file may hold NUL characters (a UTF-16 file read as
            # UTF-8), which PostgreSQL's text and jsonb refuse: shown as "�" instead.
            for field in ("outcome", "summary", "error", "progress_message"):
                setattr(job, field, _storable(getattr(job, field)))
            job.save()
            live_progress.forget(job.pk)


def _storable(value):
    """``value`` (text, or JSON of lists and dicts) with each NUL character replaced."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    if isinstance(value, dict):
        return {_storable(key): _storable(item) for key, item in value.items()}
    return value
