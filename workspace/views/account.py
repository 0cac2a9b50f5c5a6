"""The officer's own account: changing the password (Django's validators apply)."""

from django.contrib.auth import views as auth_views
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "workspace/password_change.html"
    success_url = reverse_lazy("workspace:landing")
    success_message = "Your password was changed."
