"""The cache's table, when the cache is the database's own (``CACHE_URL`` unset, see
``upr_tracker.scaling``): made by ``migrate``, so that no deployment forgets it. Doing
nothing for another cache; ``createcachetable`` leaves an existing table alone."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0008_recommendation_search_vector_trigger"),
    ]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
