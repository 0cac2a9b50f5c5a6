"""Background jobs in the admin: a read-only list, each person's own (all of them for an
administrator), to see what ran, when, for whom, and how it ended."""

from django.contrib import admin

from recommendations import rules

from .models import Job

FIELDS = (
    "kind",
    "label",
    "state",
    "started_by",
    "created_at",
    "started_at",
    "finished_at",
    "progress_message",
    "progress_done",
    "progress_total",
    "summary",
    "result_file",
    "error",
    "task_result_id",
)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "state", "started_by", "created_at", "finished_at"]
    list_filter = ["kind", "state", "created_at"]
    search_fields = ["label", "started_by__username", "summary", "error"]
    date_hierarchy = "created_at"
    list_select_related = ["started_by"]
    fields = readonly_fields = FIELDS

    def get_queryset(self, request):
        return rules.visible_jobs(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return rules.may_list_jobs(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return rules.may_see_job(request.user, obj)
        return rules.may_list_jobs(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
