"""``UPR_PUBLIC_DASHBOARD`` gave anonymous visitors every review; publication is now per
review (``ReviewCycle.published_from``). A deployment that still says
``UPR_PUBLIC_DASHBOARD=true`` when it migrates keeps what its visitors read: every review
is published from the day of the migration. Otherwise nothing is published, as nothing
was public. The setting is read here only, once."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def publish_every_review_where_the_dashboard_was_public(apps, schema_editor):
    if not getattr(settings, "UPR_PUBLIC_DASHBOARD", False):
        return
    ReviewCycle = apps.get_model("recommendations", "ReviewCycle")
    ReviewCycle.objects.using(schema_editor.connection.alias).filter(
        published_from__isnull=True
    ).update(published_from=timezone.localdate())


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0017_contributors_publication_and_voices")]

    operations = [
        migrations.RunPython(
            publish_every_review_where_the_dashboard_was_public, migrations.RunPython.noop
        )
    ]
