from django.apps import AppConfig


class ApiTokensConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api_tokens"
    verbose_name = "API tokens"

    def ready(self):
        from . import signals  # noqa: F401  (tokens revoked when credentials change)
