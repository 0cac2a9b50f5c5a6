"""API tokens in the admin: every user's, listed and revocable by coordinators and
administrators (``rules.may_manage_api_tokens``). Tokens are made by their users on the
tokens page (``/workspace/tokens/``) or with ``manage.py create_api_token``, which show
the secret once. The secret itself is never stored, so no page can show it again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from recommendations import rules

from .models import ApiToken
from .services import api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "prefix",
        "name",
        "user",
        "read_only",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["read_only", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "key_id", "user__username"]
    list_select_related = ["user"]
    fields = ["user", "name", "prefix", "read_only", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and rules.may_manage_api_tokens(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and rules.may_manage_api_tokens(request.user)

    def has_module_permission(self, request):
        return super().has_module_permission(request) and rules.may_manage_api_tokens(request.user)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Revoke instead: a revoked token stays on record, with when.
        return False

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.read_only:
            # A read-only token stays read-only: unticking would hand a partner write access.
            return [*self.readonly_fields, "read_only"]
        return self.readonly_fields

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        tokens = [
            token
            for token in queryset.filter(revoked_at__isnull=True).select_related("user")
            if rules.may_revoke_api_token(request.user, token)
        ]
        for token in tokens:
            api_token_revoke(token=token)
        self.message_user(
            request,
            ngettext("%(count)s token revoked.", "%(count)s tokens revoked.", len(tokens))
            % {"count": len(tokens)},
            messages.SUCCESS,
        )
