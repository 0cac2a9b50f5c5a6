"""A job a person started and watches: what it is, how far it got, what it made.

The queue itself is django-tasks' (``django_tasks_db``: a table of the same database); a
:class:`Job` is the part people see, linked to the task's result by ``task_result_id``.
While a job runs, its live progress is in :mod:`.progress`; the row holds the last progress
known when it was last saved.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import progress as live_progress


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT_CHECK = "import-check", _("Check of an import (preview)")
        IMPORT = "import", _("Import of recommendations")
        STATUS_REPORT = "status-report", _("Status report document")

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    # Not a counter: a job's address tells nothing of the others.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("what"), max_length=300)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    # What the task needs to do its work (JSON: a file's token, a review's id …).
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    # What the job makes, when that can be shared (a review's document in one language, as
    # of one version of its data): a second request for it finds this job.
    key = models.CharField(_("key"), max_length=200, blank=True, db_index=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default="queued")
    progress_done = models.PositiveIntegerField(_("done"), default=0)
    progress_total = models.PositiveIntegerField(_("of"), null=True, blank=True)
    progress_message = models.CharField(_("progress"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("run from"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    summary = models.TextField(_("result"), blank=True)
    # The result as data, for the page that shows it (an import's counts and problems …).
    outcome = models.JSONField(_("outcome"), null=True, blank=True)
    result_file = models.FileField(_("file made"), upload_to="jobs/", blank=True)
    error = models.TextField(_("error"), blank=True)
    task_result_id = models.CharField(_("task"), max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def succeeded(self) -> bool:
        return self.state == self.State.DONE

    def progress(self) -> live_progress.Progress:
        """How far the job got: the live report while it runs, else the last one saved."""
        if self.state == self.State.RUNNING:
            live = live_progress.read(self.pk)
            if live is not None:
                return live
        return live_progress.Progress(
            self.progress_message, self.progress_done, self.progress_total
        )
