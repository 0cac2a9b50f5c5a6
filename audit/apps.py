from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Who logged in (and failed to), who downloaded what, who changed what: one page
    for administrators over django-axes' login records, the downloads recorded here,
    every history table and the admin's log."""

    name = "audit"
    verbose_name = _("Audit")
