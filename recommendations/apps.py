from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Reviews and recommendations"

    def ready(self):
        post_migrate.connect(
            install_role_groups_after_migrate, sender=self, dispatch_uid="recommendations.install"
        )


def install_role_groups_after_migrate(sender, *, using, apps=None, verbosity=1, **kwargs):
    """The roles' admin groups on every database, demo or not, (re)installed after every
    ``migrate``.

    Why after migrate rather than in a data migration: Django creates the permissions a
    group needs in its own post_migrate handler, after the migrations have run, so a data
    migration would find them missing on a fresh database. Running here also keeps the
    groups equal to ``recommendations.roles`` whenever that definition changes (no new
    migration to remember), and reinstalls them after a test database is flushed. The
    installer is idempotent.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from .roles import DOMAIN_MODELS, install_role_groups

    apps = apps or global_apps
    # Signals go to the apps in INSTALLED_APPS order: the permissions of the apps after
    # this one (missions) are not created yet on a fresh database. Creating them is
    # idempotent, and Django's own handler then finds them there.
    for label in DOMAIN_MODELS:
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    install_role_groups(using=using, apps=apps)
