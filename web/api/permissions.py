"""Who may call the API, from ``recommendations.rules``: the views only ask.

Reading needs ``rules.may_read`` (a signed-in user, or anyone on a deployment
with a public dashboard; otherwise 401). Writing needs the view's
``write_rule`` and a token that may write (``rules.may_write_with_token``).
Finer checks (which institution, which workflow step) are the services'.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from api_tokens.models import ApiToken
from recommendations import rules


class MayRead(BasePermission):
    """Any method, for whoever may read: views that only read (stats) answer 405 to the rest."""

    def has_permission(self, request, view):
        return rules.may_read(request.user)


class MayReadOrWrite(MayRead):
    """Reads as ``MayRead``; writes for whoever ``view.write_rule(user)`` admits,
    never through a read-only token (a partner's token is always one)."""

    message = _("You may not change this.")

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        if request.method in SAFE_METHODS:
            return True
        if isinstance(request.auth, ApiToken) and not rules.may_write_with_token(request.auth):
            self.message = _("This token is read-only.")
            return False
        return view.write_rule(request.user)
