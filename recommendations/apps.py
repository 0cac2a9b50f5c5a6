from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Reviews and recommendations")

    def ready(self):
        post_migrate.connect(
            install_roles_and_reference_data, sender=self, dispatch_uid="recommendations.install"
        )
        from .caching import NAMED, names_changed

        for name in NAMED:
            model = self.get_model(name)
            for signal in (post_save, post_delete):
                signal.connect(names_changed, sender=model, dispatch_uid=f"figures.{name}")


def install_roles_and_reference_data(sender, *, using, apps=None, verbosity=1, **kwargs):
    """What every database holds, demo or not, (re)installed after every ``migrate``: the
    roles' admin groups and the reference lists (UN mechanisms, SDG goals).

    Why after migrate rather than in data migrations: Django creates the permissions a
    group needs in its own post_migrate handler, after the migrations have run, so a data
    migration would find them missing on a fresh database. Running here also keeps the
    groups equal to ``recommendations.roles`` and the lists complete whenever those
    definitions change (no new migration to remember, one list for the importer and the
    database), and reinstalls both after a test database is flushed. Both installers are
    idempotent.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from .reference_data import install_reference_data
    from .roles import PERMISSION_APPS, install_role_groups

    apps = apps or global_apps
    # Signals go to the apps in INSTALLED_APPS order: the permissions of the apps after
    # this one (missions, api_tokens) are not created yet on a fresh database. Creating
    # them is idempotent, and Django's own handler then finds them there.
    for label in PERMISSION_APPS:
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    install_role_groups(using=using, apps=apps)
    install_reference_data(using=using, apps=apps)
