"""The status report's Word document, made by a worker and kept.

A review's document takes a while to write (every recommendation, its actions and their
indicators), and anyone who may read the review may ask for it, anonymous visitors of a
published review included. So one document is kept per review and language, as of one
version of the data: the first request starts a job that writes it (its page shows the
progress), later requests find the same job and, once it is done, its file. A validated
update, a change to a recommendation, a review, a responsibility (``caching.figures_version``)
or to an action, an indicator or an indicator's value, or a new day (the report names what
is overdue on its day) makes a new version, and the next request a new document; a job
that failed is not kept as the answer, so the next request tries again.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django_tasks import task

from jobs.models import Job
from jobs.services import Report, job_run, job_start
from recommendations.caching import figures_version
from recommendations.models import ImplementationAction, Indicator, IndicatorValue, ReviewCycle

from .status_report import status_report
from .word_document import status_report_docx


def document_job(review: ReviewCycle, user) -> Job:
    """The job that makes (or made) the current document of ``review`` in the active
    language: the one already started for this version of the data, or a new one."""
    key = _key(review)
    found = Job.objects.filter(key=key).exclude(state=Job.State.FAILED).first()
    if found is not None and (not found.succeeded or _file_is_kept(found)):
        return found
    return job_start(
        kind=Job.Kind.STATUS_REPORT,
        label=str(review),
        task=status_report_document_job,
        user=user,
        arguments={"review": review.pk},
        key=key,
    )


def file_name(review: ReviewCycle) -> str:
    """'status-report-belarus-upr-cycle-1-2010': in English whatever the page's language
    (a name a file system and a mail program take as it is)."""
    with translation.override("en"):
        return slugify(f"status report {review}")


@task()
def status_report_document_job(job_id: str) -> None:
    """The worker's side of :func:`document_job`."""
    job_run(job_id, _write_document)


def _write_document(job: Job, report: Report) -> None:
    review = ReviewCycle.objects.select_related("state_under_review", "mechanism").get(
        pk=job.arguments["review"]
    )
    report(gettext("Counting the figures"), 0, 2)
    content = status_report(review)
    report(gettext("Writing the document"), 1, 2)
    job.result_file.save(
        f"{file_name(review)}.docx", ContentFile(status_report_docx(content)), save=False
    )
    job.summary = gettext("%(review)s, as of %(day)s") % {
        "review": review,
        "day": content.generated_on.isoformat(),
    }
    report(gettext("Writing the document"), 2, 2)
    _forget_older_documents(job)


def _forget_older_documents(job: Job) -> None:
    """Earlier documents of the same review and language are out of date: their files and
    jobs go."""
    prefix = job.key.rsplit(":", 1)[0] + ":"
    older = Job.objects.filter(kind=Job.Kind.STATUS_REPORT, key__startswith=prefix).exclude(
        Q(pk=job.pk) | Q(state__in=[Job.State.QUEUED, Job.State.RUNNING])
    )
    for name in older.exclude(result_file="").values_list("result_file", flat=True):
        default_storage.delete(name)
    older.delete()


def _file_is_kept(job: Job) -> bool:
    return bool(job.result_file) and default_storage.exists(job.result_file.name)


def _key(review: ReviewCycle) -> str:
    language = translation.get_language() or ""
    return f"status-report:{review.pk}:{language}:{_data_version()}"


def _data_version() -> str:
    """What the report shows, in one query: the figures' version, the latest history row of
    actions, indicators and their values, and the day."""
    quote = connection.ops.quote_name
    parts = ", ".join(
        f"(SELECT MAX(history_id) FROM {quote(model.history.model._meta.db_table)})"
        for model in (ImplementationAction, Indicator, IndicatorValue)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        plans = ".".join(str(value) for value in cursor.fetchone())
    return f"{figures_version()}.{plans}.{timezone.localdate().isoformat()}"
