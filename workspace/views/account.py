"""The officer's own account: changing the password (Django's validators apply).

A wrong current password counts as a failed login for django-axes, under the
same username and address as the login page's: whoever holds a signed-in
session cannot try passwords here without limit, and after the limit both this
form and the login are locked for the cool-off time.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "workspace/password_change.html"
    success_url = reverse_lazy("workspace:landing")
    success_message = _("Your password was changed.")

    def credentials(self) -> dict:
        return {"username": self.request.user.get_username()}

    def post(self, request, *args, **kwargs):
        if AxesProxyHandler.is_locked(request, self.credentials()):
            return get_lockout_response(request, credentials=self.credentials())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if "old_password" in form.errors:
            user_login_failed.send(
                sender=type(self), credentials=self.credentials(), request=self.request
            )
            if AxesProxyHandler.is_locked(self.request, self.credentials()):
                return get_lockout_response(self.request, credentials=self.credentials())
        return super().form_invalid(form)
