"""The admin, where coordinators curate reviews, recommendations and progress.

Every list has the columns a coordinator scans, search, filters and
autocomplete; recommendations, actions and updates keep their history
(the "History" button on each change page).
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .importing.admin_upload import RecommendationImportMixin
from .models import (
    AffectedGroup,
    ImplementationAction,
    Institution,
    Mechanism,
    ProgressUpdate,
    Recommendation,
    Responsibility,
    ReviewCycle,
    SdgGoal,
    State,
    Status,
    Theme,
    UserProfile,
)
from .selectors import with_current_status


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["name", "iso3"]
    search_fields = ["name", "iso3", "variants"]


@admin.register(Mechanism)
class MechanismAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]


@admin.register(Theme, AffectedGroup)
class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SdgGoal)
class SdgGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name", "number"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "abbreviation"]
    autocomplete_fields = ["country"]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "state_under_review",
        "mechanism",
        "cycle",
        "session",
        "review_date",
        "midterm_report_due",
    ]
    list_filter = ["mechanism", "cycle", "state_under_review"]
    search_fields = ["state_under_review__name", "session", "document_symbol"]
    date_hierarchy = "review_date"
    autocomplete_fields = ["state_under_review", "mechanism"]


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 1
    autocomplete_fields = ["institution"]


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ["assessed_on", "status", "workflow_state", "source", "institution", "is_demo"]
    autocomplete_fields = ["institution"]
    show_change_link = True


class ActionInline(admin.TabularInline):
    model = ImplementationAction.recommendations.through
    extra = 0
    autocomplete_fields = ["implementationaction"]
    verbose_name = "implementation action"
    verbose_name_plural = "implementation actions"


@admin.register(Recommendation)
class RecommendationAdmin(RecommendationImportMixin, SimpleHistoryAdmin):
    list_display = [
        "reference",
        "short_text",
        "review",
        "position",
        "current_status",
        "lead_institution",
    ]
    list_display_links = ["reference", "short_text"]
    list_filter = [
        "review__state_under_review",
        "review",
        "position",
        "position_at_review",
        "themes",
        "institutions",
        "sdg_goals",
    ]
    search_fields = ["reference", "text", "recommending_states__name"]
    autocomplete_fields = [
        "review",
        "recommending_states",
        "themes",
        "affected_groups",
        "sdg_goals",
        "repeats",
    ]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ResponsibilityInline, ActionInline, ProgressUpdateInline]
    list_per_page = 50

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("review__state_under_review")
        queryset = queryset.select_related("review__mechanism").prefetch_related(
            "responsibilities__institution"
        )
        return with_current_status(queryset)

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 90 else obj.text[:89] + "…"

    @admin.display(description="status", ordering="current_status")
    def current_status(self, obj):
        return Status(obj.current_status).label

    @admin.display(description="lead institution")
    def lead_institution(self, obj):
        leads = [r.institution for r in obj.responsibilities.all() if r.role == "lead"]
        return leads[0] if leads else "—"


@admin.register(ImplementationAction)
class ImplementationActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "institution", "status", "start_date", "end_date", "is_demo"]
    list_filter = ["status", "institution", "is_demo"]
    search_fields = ["title", "description", "recommendations__reference"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["institution", "recommendations", "created_by"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = [
        "recommendation",
        "status",
        "assessed_on",
        "workflow_state",
        "source",
        "institution",
        "is_demo",
    ]
    list_filter = ["workflow_state", "status", "source", "institution", "is_demo"]
    search_fields = ["recommendation__reference", "recommendation__text", "narrative"]
    date_hierarchy = "assessed_on"
    autocomplete_fields = ["recommendation", "institution", "author", "reviewed_by"]
    list_select_related = ["recommendation", "institution"]


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "institution"]
    list_filter = ["role", "institution"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "institution"]
