"""The admin's upload page: upload a file, preview what would change, confirm.

Added to the recommendation admin as two views: ``import/`` (the form; posting it checks the
file with a dry run and shows the preview) and ``import/<token>/`` (confirm or cancel the
previewed file). Only coordinators and administrators may import (``rules.is_coordinator``).
The file waits between the two steps in :mod:`.pending_uploads`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from recommendations import rules

from . import pending_uploads
from .service import FORMATS, import_recommendations

ENCODINGS = [
    ("", "Recognise it (UTF-8, or Mac Roman / Windows-1252 for old files)"),
    ("utf-8", "UTF-8"),
    ("mac_roman", "Mac Roman (UPR Info exports)"),
    ("cp1252", "Windows-1252"),
    ("latin-1", "Latin-1 (ISO 8859-1)"),
]


class ImportForm(forms.Form):
    file = forms.FileField(
        allow_empty_file=True,  # the importer itself says "the file is empty (0 bytes)"
        help_text="CSV (any line endings), XLSX, or OHCHR's thematic list of recommendations "
        "(DOCX: a Word document is read as one, whatever the format chosen).",
    )
    format = forms.ChoiceField(choices=list(FORMATS.items()), initial="tracker")
    state = forms.CharField(
        required=False,
        max_length=80,
        label="State under review",
        help_text="ISO 3166 alpha-3 code (e.g. BLR) or name. Needed for UN report files and "
        "thematic lists; for tracker, Index and UPR Info files, whose rows name their "
        "reviews, it keeps only that state's rows.",
    )
    cycle = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=9,
        label="UPR cycle",
        help_text="e.g. 1 for 2010. UPR Info's rows give theirs (by session): it must agree.",
    )
    mechanism = forms.CharField(
        required=False,
        max_length=200,
        help_text="For Universal Human Rights Index and tracker files: import only this "
        "mechanism's rows (its code, e.g. CAT). Empty: every mechanism.",
    )
    encoding = forms.ChoiceField(choices=ENCODINGS, required=False, label="Text encoding")

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
        """The form; a posted file is checked in full and previewed, nothing is written."""
        _require_coordinator(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        result = token = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            data, options = upload.read(), form.options()
            result = import_recommendations(
                data=data, filename=upload.name, dry_run=True, user=request.user, **options
            )
            if result.ok:
                token = pending_uploads.keep(
                    request, data=data, filename=upload.name, options=options
                )
        return self._render(request, form=form, result=result, token=token)

    def import_confirm_view(self, request, token: str):
        """Import the previewed file (or cancel it), then go back to the list."""
        _require_coordinator(request)
        changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        pending = pending_uploads.find(request, token)
        if request.method != "POST" or pending is None:
            if pending is None:
                messages.warning(request, "That upload is no longer waiting: upload it again.")
            return redirect(f"{changelist}import/")
        if "cancel" in request.POST:
            pending_uploads.discard(request, token)
            messages.info(request, f"The import of {pending.filename} was cancelled.")
            return redirect(changelist)
        result = import_recommendations(
            data=pending.data, filename=pending.filename, user=request.user, **pending.options
        )
        pending_uploads.discard(request, token)
        if not result.ok:
            return self._render(request, form=ImportForm(), result=result, token=None)
        messages.success(request, f"Imported {pending.filename}: {result.summary()}.")
        return redirect(changelist)

    def _render(self, request, *, form, result, token):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import recommendations",
            "form": form,
            "result": result,
            "token": token,
            "formats": FORMATS,
        }
        return TemplateResponse(request, self.import_template, context)


def _require_coordinator(request) -> None:
    if not rules.is_coordinator(request.user):
        raise PermissionDenied("Only coordinators import recommendations.")
