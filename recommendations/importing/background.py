"""The admin's upload in the background: the check (the preview's dry run) and the import
itself each run as a job, by a worker, with their progress shown on the job's page.

The uploaded file waits in :mod:`.pending_uploads` until the job ends: a check that finds
problems deletes it, a check that passes keeps it for the coordinator's confirmation, the
import deletes it whatever its outcome.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext
from django_tasks import task

from jobs.models import Job
from jobs.services import JobFailed, Report, job_run, job_start

from . import pending_uploads
from .result import result_to_data
from .service import import_recommendations


def import_job_start(*, user, token: str, filename: str, options: dict, dry_run: bool) -> Job:
    """Queue the check (``dry_run``) or the import of the stored upload ``token``."""
    return job_start(
        kind=Job.Kind.IMPORT_CHECK if dry_run else Job.Kind.IMPORT,
        label=filename,
        task=import_job,
        user=user,
        arguments={"token": token, "filename": filename, "options": options, "dry_run": dry_run},
    )


@task()
def import_job(job_id: str) -> None:
    """The worker's side of :func:`import_job_start`."""
    job_run(job_id, _import)


def _import(job: Job, report: Report) -> None:
    arguments = job.arguments
    token, dry_run = arguments["token"], arguments["dry_run"]
    keep_file = False
    try:
        data = pending_uploads.read(token)
        if data is None:
            raise JobFailed(gettext("The uploaded file is no longer there: upload it again."))
        report(gettext("Reading the file"), 0, None)
        result = import_recommendations(
            data=data,
            filename=arguments["filename"],
            dry_run=dry_run,
            user=job.started_by,
            progress=_progress(report, dry_run=dry_run),
            **arguments["options"],
        )
        keep_file = dry_run and result.ok
    finally:
        if not keep_file:
            pending_uploads.delete(token)
    job.outcome = result_to_data(result)
    job.summary = (
        result.summary()
        if result.ok
        else f"{result.errors.total} problem(s) in {result.filename}: nothing was imported"
    )


def _progress(report: Report, *, dry_run: bool):
    def progress(phase: str, done: int, total: int | None) -> None:
        counts = {"done": _number(done), "total": _number(total or 0)}
        if phase == "validating":
            message = gettext("Checking the rows: %(done)s read") % counts
        elif dry_run:
            message = gettext("Comparing with the tracker: %(done)s of %(total)s") % counts
        else:
            message = gettext("Saving: %(done)s of %(total)s") % counts
        report(message, done, total)

    return progress


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)
