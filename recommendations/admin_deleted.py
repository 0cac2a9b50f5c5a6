"""Deleted records in the admin: each history-keeping list links to its deleted
objects, and a coordinator or administrator restores one with a button.

django-simple-history keeps the last version of a deleted object but its admin
has no "recover deleted" list; this adds one. Restoring calls
``services.deleted_record_restore`` (the same id, the same values, and the
many-to-many links the history keeps).
"""

from typing import TYPE_CHECKING, Any, TypeAlias

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import rules, services

DELETED_SHOWN = 200

# The mixin is type-checked as the admin it is mixed into.
if TYPE_CHECKING:
    from simple_history.admin import SimpleHistoryAdmin

    _HistoryAdmin: TypeAlias = SimpleHistoryAdmin
else:
    _HistoryAdmin = object


class DeletedRecordsMixin(_HistoryAdmin):
    """For a SimpleHistoryAdmin: a "Deleted … — restore" page and its link on the list."""

    change_list_template = "admin/change_list_with_deleted.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        deleted = path(
            "deleted/",
            self.admin_site.admin_view(self.deleted_view),
            name="{}_{}_deleted".format(*info),
        )
        return [deleted, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_restore": rules.may_restore(request.user)}
        return super().changelist_view(request, extra_context)

    def deleted_view(self, request):
        if not rules.may_restore(request.user):
            raise PermissionDenied
        if request.method == "POST":
            return self._restore(request, request.POST.get("object_id", ""))
        opts = self.model._meta
        live = self.model.objects.values("pk")
        records = (
            self.model.history.filter(history_type="-")
            .exclude(id__in=live)
            .select_related("history_user")
            .order_by("-history_date")
        )
        latest: dict[int, Any] = {}  # {object id: its latest deletion record}
        for record in records[: DELETED_SHOWN * 2]:
            latest.setdefault(record.id, record)
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": f"Deleted {opts.verbose_name_plural}",
            "records": list(latest.values())[:DELETED_SHOWN],
            "history_url_name": f"admin:{opts.app_label}_{opts.model_name}_history",
        }
        return TemplateResponse(request, "admin/deleted_records.html", context)

    def _restore(self, request, object_id):
        opts = self.model._meta
        try:
            restored = services.deleted_record_restore(
                user=request.user, model=self.model, object_id=int(object_id)
            )
        except (ValueError, ValidationError) as error:
            message = " ".join(getattr(error, "messages", [str(error)]))
            self.message_user(request, f"Nothing restored: {message}", messages.ERROR)
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_deleted")
        self.message_user(request, f"Restored the {opts.verbose_name} “{restored}”.")
        return redirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[restored.pk])
        )
