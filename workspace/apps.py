from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "workspace"
    verbose_name = _("Ministry workspace")

    def ready(self):
        # A first login records the language the user was shown (workspace.language).
        from . import language  # noqa: F401
