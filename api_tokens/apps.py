from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiTokensConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api_tokens"
    verbose_name = _("API tokens")

    def ready(self):
        from . import signals  # noqa: F401  (tokens revoked when credentials change)
