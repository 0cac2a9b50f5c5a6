"""The admin of the independent voices and of publication: assessments and comments are
read here and decided by list actions through ``recommendations.voices`` (their content
is the organisation's or the commenter's, never rewritten here); reviews are published
and unpublished by list actions through ``recommendations.publication``."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import publication, rules, voices
from .admin_actions import RuledActions, ask_for_text, decide_each
from .admin_history import HistoryAdmin
from .models import IndependentAssessment, PublicComment


# What the list actions say they did, in the user's language.
def _assessments_published(count: int) -> str:
    return ngettext(
        "%(count)d assessment published.", "%(count)d assessments published.", count
    ) % {"count": count}


def _assessments_declined(count: int) -> str:
    return ngettext("%(count)d assessment declined.", "%(count)d assessments declined.", count) % {
        "count": count
    }


def _comments_approved(count: int) -> str:
    return ngettext("%(count)d comment approved.", "%(count)d comments approved.", count) % {
        "count": count
    }


def _comments_rejected(count: int) -> str:
    return ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", count) % {
        "count": count
    }


def _reviews_published(count: int) -> str:
    return ngettext("%(count)d review published.", "%(count)d reviews published.", count) % {
        "count": count
    }


def _reviews_unpublished(count: int) -> str:
    return ngettext("%(count)d review unpublished.", "%(count)d reviews unpublished.", count) % {
        "count": count
    }


@admin.register(IndependentAssessment)
class IndependentAssessmentAdmin(RuledActions, HistoryAdmin):
    list_display = [
        "recommendation",
        "organisation",
        "status",
        "assessed_on",
        "moderation_state",
        "decided_at",
    ]
    list_filter = ["moderation_state", "status", "organisation"]
    search_fields = ["recommendation__reference", "narrative", "organisation__name"]
    list_select_related = ["recommendation", "organisation"]
    actions = ["publish_selected", "decline_selected"]
    actions_rule = staticmethod(rules.may_moderate)

    def get_queryset(self, request):
        return rules.visible_assessments(request.user, super().get_queryset(request))

    # Contributors write assessments on their pages; here they are read and decided.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Publish selected assessments"))
    def publish_selected(self, request, queryset):
        def publish(user, assessment):
            voices.independent_assessment_publish(user=user, assessment=assessment)

        decide_each(self, request, queryset, publish, done_message=_assessments_published)

    @admin.action(description=_("Decline selected assessments (with a reason)"))
    def decline_selected(self, request, queryset):
        asking = ask_for_text(
            self,
            request,
            name="reason",
            template="admin/decline_assessments.html",
            title=_("Decline independent assessments"),
            listed_as="assessments",
            listed=queryset.select_related("recommendation", "organisation"),
        )
        if asking is not None:
            return asking
        reason = request.POST.get("reason", "").strip()

        def decline(user, assessment):
            voices.independent_assessment_decline(user=user, assessment=assessment, reason=reason)

        decide_each(self, request, queryset, decline, done_message=_assessments_declined)
        return None


@admin.register(PublicComment)
class PublicCommentAdmin(RuledActions, admin.ModelAdmin):
    list_display = ["recommendation", "name", "organisation", "moderation_state", "submitted_at"]
    list_filter = ["moderation_state"]
    search_fields = ["recommendation__reference", "name", "organisation", "comment"]
    list_select_related = ["recommendation"]
    actions = ["approve_selected", "reject_selected"]
    actions_rule = staticmethod(rules.may_moderate)

    def get_queryset(self, request):
        return rules.visible_comments(request.user, super().get_queryset(request))

    def get_fields(self, request, obj=None):
        fields = ["recommendation", "name", "organisation", "comment", "moderation_state"]
        fields += ["submitted_at", "decided_at", "decided_by"]
        # The address is for the moderators: to answer the commenter, never to show.
        return ["email", *fields] if rules.may_moderate(request.user) else fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Approve selected comments"))
    def approve_selected(self, request, queryset):
        def approve(user, comment):
            voices.public_comment_approve(user=user, comment=comment)

        decide_each(self, request, queryset, approve, done_message=_comments_approved)

    @admin.action(description=_("Reject selected comments"))
    def reject_selected(self, request, queryset):
        def reject(user, comment):
            voices.public_comment_reject(user=user, comment=comment)

        decide_each(self, request, queryset, reject, done_message=_comments_rejected)


class PublicationActions(RuledActions):
    """The review admin's list actions: publish from today, unpublish."""

    actions = ["publish_selected", "unpublish_selected"]
    actions_rule = staticmethod(rules.may_moderate)

    @admin.action(description=_("Publish selected reviews from today"))
    def publish_selected(self, request, queryset):
        def publish(user, review):
            publication.review_publish(
                user=user, review=review, published_from=timezone.localdate()
            )

        decide_each(self, request, queryset, publish, done_message=_reviews_published)

    @admin.action(description=_("Unpublish selected reviews"))
    def unpublish_selected(self, request, queryset):
        def unpublish(user, review):
            publication.review_unpublish(user=user, review=review)

        decide_each(self, request, queryset, unpublish, done_message=_reviews_unpublished)
