from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Long jobs a person starts (a large import, the status report's Word document), run
    by a worker outside the request: their progress, and their result once done."""

    name = "jobs"
    verbose_name = _("Background jobs")
