"""The admin of implementation plans: clusters, indicators and indicator values.

As for actions and progress updates, the admin is one more door: each list has search
and filters, each object its history (``HistoryAdmin``, asking ``rules``), and every
write goes through ``recommendations.plans``, which asks ``rules`` first. An indicator
value's content changes only while ``rules.may_change_indicator_value`` allows (never
once validated), and its workflow state only through the list actions "Validate
selected" and "Return selected" (coordinators); it is never reverted to a past version.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy, ngettext

from . import plans, rules
from .admin_actions import WorkflowActions
from .admin_history import HistoryAdmin
from .models import Cluster, Indicator, IndicatorValue

INDICATOR_FIELDS = [
    "name",
    "description",
    "unit",
    "baseline",
    "target",
    "frequency",
    "institution",
    "responsible_person",
    "next_report_date",
    "is_demo",
]
VALUE_FIELDS = ["measured_on", "value", "comment", "evidence_url", "evidence_file", "is_demo"]


@admin.register(Cluster)
class ClusterAdmin(HistoryAdmin):
    list_display = ["name", "slug", "recommendation_count", "updated_at"]
    list_filter = ["recommendations__review__mechanism", "recommendations__review"]
    search_fields = ["name", "slug", "description", "recommendations__reference"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["recommendations"]
    readonly_fields = ["created_at", "updated_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("recommendations")

    @admin.display(description=gettext_lazy("recommendations"))
    def recommendation_count(self, obj):
        return len(obj.recommendations.all())


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = [
        "name",
        "action",
        "institution",
        "frequency",
        "baseline",
        "target",
        "next_report_date",
        "is_demo",
    ]
    list_filter = ["frequency", "institution", "action__status", "is_demo"]
    search_fields = [
        "name",
        "description",
        "action__title",
        "action__recommendations__reference",
    ]
    date_hierarchy = "next_report_date"
    autocomplete_fields = ["action", "institution", "responsible_person"]
    list_select_related = ["action", "institution"]
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or rules.may_change_indicator(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or rules.may_change_indicator(request.user, obj))

    def save_model(self, request, obj, form, change):
        # The form has set the content on ``obj``; the services check the rights and save.
        if change:
            plans.indicator_edit(user=request.user, indicator=obj)
            return
        fields = {name: getattr(obj, name) for name in INDICATOR_FIELDS}
        created = plans.indicator_create(user=request.user, action=obj.action, **fields)
        obj.pk, obj.created_by = created.pk, created.created_by


@admin.register(IndicatorValue)
class IndicatorValueAdmin(WorkflowActions, HistoryAdmin):
    list_display = [
        "indicator",
        "measured_on",
        "value",
        "workflow_state",
        "institution",
        "is_demo",
    ]
    list_filter = ["workflow_state", "institution", "indicator__frequency", "is_demo"]
    search_fields = ["indicator__name", "indicator__action__title", "comment"]
    date_hierarchy = "measured_on"
    autocomplete_fields = ["indicator"]
    list_select_related = ["indicator", "institution"]
    # Who reported, submitted, validated or returned, and when: the services write it.
    readonly_fields = [
        "institution",
        "author",
        "workflow_state",
        "submitted_at",
        "reviewed_at",
        "reviewed_by",
        "reviewer_comment",
    ]
    return_template = "admin/return_indicator_values.html"
    return_title = gettext_lazy("Return indicator values")
    returned_as = "values"
    returned_related = ("indicator", "institution")

    def get_queryset(self, request):
        return rules.visible_indicator_values(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or rules.may_change_indicator_value(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or rules.may_delete_indicator_value(request.user, obj))

    def save_model(self, request, obj, form, change):
        if change:
            plans.indicator_value_edit(user=request.user, indicator_value=obj)
            return
        fields = {name: getattr(obj, name) for name in VALUE_FIELDS}
        created = plans.indicator_value_create(user=request.user, indicator=obj.indicator, **fields)
        obj.pk = created.pk

    @admin.action(description=gettext_lazy("Validate selected indicator values"))
    def validate_selected(self, request, queryset):
        self._decide(request, queryset, plans.indicator_value_validate, validating=True)

    @admin.action(description=gettext_lazy("Return selected indicator values (with a comment)"))
    def return_selected(self, request, queryset):
        if (asking := self.ask_for_comment(request, queryset)) is not None:
            return asking
        comment = self.comment(request)

        def give_back(*, user, indicator_value):
            return plans.indicator_value_return(
                user=user, indicator_value=indicator_value, comment=comment
            )

        self._decide(request, queryset, give_back, validating=False)
        return None

    def _decide(self, request, queryset, step, *, validating: bool):
        def locked_step(user, value):
            locked = IndicatorValue.objects.select_for_update().get(pk=value.pk)
            step(user=user, indicator_value=locked)

        def done_message(done: int) -> str:
            if validating:
                message = ngettext(
                    "%(count)d indicator value validated.",
                    "%(count)d indicator values validated.",
                    done,
                )
            else:
                message = ngettext(
                    "%(count)d indicator value returned.",
                    "%(count)d indicator values returned.",
                    done,
                )
            return message % {"count": done}

        self.decide(
            request,
            queryset.select_related("indicator"),
            locked_step,
            done_message=done_message,
            label=lambda value: str(value.indicator),
            validating=validating,
        )
