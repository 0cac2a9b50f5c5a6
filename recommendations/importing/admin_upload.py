"""The admin's upload page: upload a file, preview what would change, confirm.

Added to the recommendation admin as three views: ``import/`` (the form; posting it starts
the file's check, a dry run), ``import/job/<id>/`` (the check's or the import's progress, then
the preview or the outcome) and ``import/<token>/`` (confirm the previewed file, which starts
its import, or cancel it). The check and the import run in the background
(:mod:`.background`): a file of tens of thousands of rows takes minutes. Only coordinators
and administrators may import (``rules.is_coordinator``); a job is seen by the person who
started it (``rules.may_see_job``). The file waits between the steps in :mod:`.pending_uploads`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jobs.models import Job
from recommendations import rules

from . import pending_uploads
from .background import import_job_start
from .result import result_from_data
from .service import FORMATS

ENCODINGS = [
    ("", _("Recognise it (UTF-8, or Mac Roman / Windows-1252 for old files)")),
    ("utf-8", "UTF-8"),
    ("mac_roman", _("Mac Roman (UPR Info exports)")),
    ("cp1252", "Windows-1252"),
    ("latin-1", "Latin-1 (ISO 8859-1)"),
]


class ImportForm(forms.Form):
    file = forms.FileField(
        allow_empty_file=True,  # the importer itself says "the file is empty (0 bytes)"
        label=_("File"),
        help_text=_(
            "CSV (any line endings), XLSX, or OHCHR's thematic list of recommendations "
            "(DOCX: a Word document is read as one, whatever the format chosen)."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=list(FORMATS.items()), initial="tracker")
    state = forms.CharField(
        required=False,
        max_length=80,
        label=_("State under review"),
        help_text=_(
            "ISO 3166 alpha-3 code (e.g. BLR) or name. Needed for UN report files and "
            "thematic lists; for tracker, Index and UPR Info files, whose rows name their "
            "reviews, it keeps only that state's rows."
        ),
    )
    cycle = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=9,
        label=_("UPR cycle"),
        help_text=_("e.g. 1 for 2010. UPR Info's rows give theirs (by session): it must agree."),
    )
    mechanism = forms.CharField(
        required=False,
        max_length=200,
        label=_("Mechanism"),
        help_text=_(
            "For Universal Human Rights Index and tracker files: import only this "
            "mechanism's rows (its code, e.g. CAT). Empty: every mechanism."
        ),
    )
    encoding = forms.ChoiceField(choices=ENCODINGS, required=False, label=_("Text encoding"))

    def options(self) -> dict:
        data = self.cleaned_data
        return {
            "format": data["format"],
            "state_iso3": data["state"].strip() or None,
            "cycle": data["cycle"],
            "mechanism": data["mechanism"].strip() or None,
            "encoding": data["encoding"] or None,
        }


# The mixin is type-checked as the admin it is mixed into (the recommendations' keeps a
# history).
if TYPE_CHECKING:
    from simple_history.admin import SimpleHistoryAdmin

    _HistoryAdmin: TypeAlias = SimpleHistoryAdmin
else:
    _HistoryAdmin = object


class RecommendationImportMixin(_HistoryAdmin):
    """Adds the upload page to a ModelAdmin of recommendations."""

    import_template = "admin/recommendations/recommendation/import.html"

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{name}_import",
            ),
            path(
                "import/job/<uuid:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name=f"{name}_import_job",
            ),
            path(
                "import/<str:token>/",
                self.admin_site.admin_view(self.import_confirm_view),
                name=f"{name}_import_confirm",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_import": rules.is_coordinator(request.user)}
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        """The form; a posted file is kept and its check (a dry run) starts."""
        _require_coordinator(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            options = form.options()
            token = pending_uploads.keep(
                request, data=upload.read(), filename=upload.name, options=options
            )
            job = import_job_start(
                user=request.user,
                token=token,
                filename=upload.name,
                options=options,
                dry_run=True,
            )
            return redirect(self._job_url(job))
        return self._render(request, form=form)

    def import_job_view(self, request, job_id):
        """A check's or an import's progress while it runs (the page renews itself), then
        the preview to confirm, the problems found, or what was imported."""
        _require_coordinator(request)
        job = get_object_or_404(Job, pk=job_id, kind__in=[Job.Kind.IMPORT_CHECK, Job.Kind.IMPORT])
        if not rules.may_see_job(request.user, job):
            raise PermissionDenied(gettext("This import was started by someone else."))
        if not job.succeeded:
            return self._render(request, form=ImportForm(), job=job)
        result = result_from_data(job.outcome or {})
        token = job.arguments["token"]
        waiting = job.kind == Job.Kind.IMPORT_CHECK and result.ok
        if waiting and pending_uploads.find(request, token) is None:
            token = None
            messages.warning(request, gettext("That upload is no longer waiting: upload it again."))
        return self._render(
            request, form=ImportForm(), job=job, result=result, token=token if waiting else None
        )

    def import_confirm_view(self, request, token: str):
        """Import the previewed file (its job's page follows it), or cancel it."""
        _require_coordinator(request)
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        pending = pending_uploads.find(request, token)
        if request.method != "POST" or pending is None:
            if pending is None:
                messages.warning(
                    request, gettext("That upload is no longer waiting: upload it again.")
                )
            return redirect(f"{changelist}import/")
        if "cancel" in request.POST:
            pending_uploads.discard(request, token)
            messages.info(
                request,
                gettext("The import of %(file)s was cancelled.") % {"file": pending.filename},
            )
            return redirect(changelist)
        # Confirmed once: the file now belongs to its import, which deletes it when done.
        pending_uploads.forget(request, token)
        job = import_job_start(
            user=request.user,
            token=token,
            filename=pending.filename,
            options=pending.options,
            dry_run=False,
        )
        return redirect(self._job_url(job))

    def _job_url(self, job: Job) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_import_job", args=[job.pk]
        )

    def _render(self, request, *, form, job=None, result=None, token=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import recommendations"),
            "form": form,
            "job": job,
            "progress": job.progress() if job is not None else None,
            "result": result,
            "token": token,
            "formats": FORMATS,
        }
        return TemplateResponse(request, self.import_template, context)


def _require_coordinator(request) -> None:
    if not rules.is_coordinator(request.user):
        raise PermissionDenied(gettext("Only coordinators import recommendations."))
