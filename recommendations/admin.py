"""The admin, where coordinators curate reviews, recommendations and progress.

Every list has the columns a coordinator scans, search, filters and
autocomplete; reviews, recommendations, actions and updates keep their history
(the "History" button on each change page, its pages asking ``rules`` through
``admin_history.HistoryAdmin``) and deleted ones can be restored ("Deleted … —
restore" on their list). The rights are those of ``rules``: a progress update's
content changes only as ``rules.may_change_update`` allows (never once validated),
through ``services.progress_update_edit``, and its workflow state only through
``services`` (the list actions "Validate selected" and "Return selected"); it is
never reverted to a past version.
"""

from django.contrib import admin
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import (
    admin_plans,  # noqa: F401  (registers the plans' admins)
    people,
    rules,
    services,
)
from .admin_actions import WorkflowActions
from .admin_deleted import DeletedRecordsMixin
from .admin_history import HistoryAdmin
from .admin_voices import PublicationActions
from .importing.admin_upload import RecommendationImportMixin
from .models import (
    AffectedGroup,
    ImplementationAction,
    Institution,
    Mechanism,
    ProgressUpdate,
    Recommendation,
    RecommendationText,
    Responsibility,
    ReviewCycle,
    SdgGoal,
    SdgTarget,
    Source,
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


@admin.register(SdgTarget)
class SdgTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal", "name"]
    list_filter = ["goal"]
    search_fields = ["code", "name"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "abbreviation"]
    autocomplete_fields = ["country"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published", "document_symbol", "url"]
    search_fields = ["title", "publisher", "document_symbol", "url"]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(PublicationActions, HistoryAdmin):
    list_display = [
        "__str__",
        "state_under_review",
        "mechanism",
        "cycle",
        "session",
        "review_date",
        "midterm_report_due",
        "published_from",
    ]
    # Published and unpublished through the services only (the list actions).
    readonly_fields = ["published_from"]
    list_filter = ["mechanism", "cycle", "state_under_review"]
    search_fields = ["state_under_review__name", "session", "document_symbol"]
    date_hierarchy = "review_date"
    autocomplete_fields = ["state_under_review", "mechanism", "government_reported_source"]


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 1
    autocomplete_fields = ["institution"]


class RecommendationTextInline(admin.StackedInline):
    """The recommendation's official text in other languages than its original."""

    model = RecommendationText
    extra = 0
    fields = ["language", "text"]


class ProgressUpdateRows(BaseInlineFormSet):
    """The recommendation's updates, each row open to change or deletion only as
    ``rules.may_change_update`` / ``rules.may_delete_update`` allow (Django asks an
    inline's permissions per recommendation, not per row): the others are shown
    disabled, and a browser posting them anyway changes nothing."""

    user = None  # set per request by ProgressUpdateInline.get_formset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        update = form.instance
        if update.pk is None:
            return
        locked = not rules.may_change_update(self.user, update)
        for name, field in form.fields.items():
            if name == "DELETE":
                field.disabled = not rules.may_delete_update(self.user, update)
            elif name not in ("id", "recommendation"):
                field.disabled = locked

    def delete_existing(self, obj, commit=True):
        # Through the service: a validated update's deletion changes the status.
        if commit:
            services.progress_update_delete(user=self.user, update=obj)


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    formset = ProgressUpdateRows
    extra = 0
    fields = ["assessed_on", "status", "workflow_state", "source", "institution", "is_demo"]
    # The workflow moves through the services only (the update's own admin page).
    readonly_fields = ["workflow_state"]
    autocomplete_fields = ["institution"]
    show_change_link = True

    def get_queryset(self, request):
        return rules.visible_updates(request.user, super().get_queryset(request))

    def get_formset(self, request, obj=None, **kwargs):
        rows = super().get_formset(request, obj, **kwargs)
        return type(rows.__name__, (rows,), {"user": request.user})


class ActionInline(admin.TabularInline):
    model = ImplementationAction.recommendations.through
    extra = 0
    autocomplete_fields = ["implementationaction"]
    verbose_name = "implementation action"
    verbose_name_plural = "implementation actions"


@admin.register(Recommendation)
class RecommendationAdmin(RecommendationImportMixin, DeletedRecordsMixin, HistoryAdmin):
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
    search_fields = ["reference", "text", "recommending_states__name", "=ohchr_annotation_id"]
    autocomplete_fields = [
        "review",
        "recommending_states",
        "themes",
        "affected_groups",
        "sdg_goals",
        "sdg_targets",
        "repeats",
    ]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [RecommendationTextInline, ResponsibilityInline, ActionInline, ProgressUpdateInline]
    list_per_page = 50

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("review__state_under_review")
        queryset = queryset.select_related("review__mechanism").prefetch_related(
            "responsibilities__institution"
        )
        return with_current_status(queryset)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.recommendation_add_target_goals(recommendation=form.instance)

    @admin.display(description=_("text"))
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 90 else obj.text[:89] + "…"

    @admin.display(description=_("status"), ordering="current_status")
    def current_status(self, obj):
        return Status(obj.current_status).label

    @admin.display(description=_("lead institution"))
    def lead_institution(self, obj):
        leads = [r.institution for r in obj.responsibilities.all() if r.role == "lead"]
        return leads[0] if leads else "—"


@admin.register(ImplementationAction)
class ImplementationActionAdmin(DeletedRecordsMixin, HistoryAdmin):
    list_display = ["title", "institution", "status", "start_date", "end_date", "is_demo"]
    list_filter = ["status", "institution", "is_demo"]
    search_fields = ["title", "description", "recommendations__reference"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["institution", "recommendations", "created_by", "source"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or rules.may_change_action(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or rules.may_change_action(request.user, obj))


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(DeletedRecordsMixin, WorkflowActions, HistoryAdmin):
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
    autocomplete_fields = ["recommendation", "institution", "author"]
    list_select_related = ["recommendation", "institution"]
    # Who submitted, validated or returned, and when, is written by the services only.
    readonly_fields = [
        "workflow_state",
        "submitted_at",
        "reviewed_at",
        "reviewed_by",
        "reviewer_comment",
    ]
    return_template = "admin/return_updates.html"
    return_title = _("Return progress updates")
    returned_as = "updates"
    returned_related = ("recommendation", "institution")

    def get_queryset(self, request):
        return rules.visible_updates(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or rules.may_change_update(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or rules.may_delete_update(request.user, obj))

    def save_model(self, request, obj, form, change):
        if change:
            # The form has set the new content on ``obj``; the service checks and saves it.
            services.progress_update_edit(user=request.user, update=obj)
        else:
            super().save_model(request, obj, form, change)

    # Deleting goes through the service too: a validated update takes its part of the
    # recommendation's status with it.
    def delete_model(self, request, obj):
        services.progress_update_delete(user=request.user, update=obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for update in queryset:
            services.progress_update_delete(user=request.user, update=update)

    @admin.action(description=_("Validate selected progress updates"))
    def validate_selected(self, request, queryset):
        self._decide(request, queryset, services.progress_update_validate, validated=True)

    @admin.action(description=_("Return selected progress updates (with a comment)"))
    def return_selected(self, request, queryset):
        if (asking := self.ask_for_comment(request, queryset)) is not None:
            return asking
        comment = self.comment(request)

        def give_back(*, user, update):
            return services.progress_update_return(user=user, update=update, comment=comment)

        self._decide(request, queryset, give_back, validated=False)
        return None

    def _decide(self, request, queryset, step, *, validated: bool):
        def done_message(done: int) -> str:
            if validated:
                text = ngettext(
                    "%(count)s progress update validated.",
                    "%(count)s progress updates validated.",
                    done,
                )
            else:
                text = ngettext(
                    "%(count)s progress update returned.",
                    "%(count)s progress updates returned.",
                    done,
                )
            return text % {"count": done}

        self.decide(
            request,
            queryset.select_related("recommendation"),
            lambda user, update: step(user=user, update=update),
            done_message=done_message,
            label=lambda update: update.recommendation.reference,
            validating=validated,
        )


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "institution"]
    list_filter = ["role", "institution"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "institution"]

    # The role decides the user's admin access (staff, superuser, the role's group): the
    # service saves both together, as for every other door.
    def save_model(self, request, obj, form, change):
        people.user_profile_save(profile=obj)

    def delete_model(self, request, obj):
        people.user_profile_delete(profile=obj)

    def delete_queryset(self, request, queryset):
        for profile in queryset.select_related("user"):
            people.user_profile_delete(profile=profile)
