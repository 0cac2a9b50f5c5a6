from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator runs beside the app: backups and their restore, the
    evidence files' clean-up, the shared cache's table."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import evidence

        evidence.connect_signals()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="operations_cache")


def create_cache_table(using, verbosity=0, **kwargs):
    """`migrate` also creates the database cache's table (API throttling counts
    there), so no deployment step can forget it. Nothing happens when the cache
    is elsewhere or the table exists."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
