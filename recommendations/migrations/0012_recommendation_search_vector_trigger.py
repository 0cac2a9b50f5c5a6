"""PostgreSQL: keep ``Recommendation.search_vector`` up to date from the reference and the
text whatever writes them (the admin, the API, the importer, a bulk load, SQL), with a
trigger, and index it (GIN); index the latest update's date for the list's order. Other
databases search with ``icontains`` and skip this.

The text search configuration is frozen here as 'english', the value of
``recommendations.search.SEARCH_CONFIG`` then: a change of configuration is a new migration
that replaces the function and refills the column.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION recommendation_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := to_tsvector(
            'english'::regconfig, COALESCE(NEW.reference, '') || ' ' || COALESCE(NEW.text, '')
        );
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER recommendation_search_vector
    BEFORE INSERT OR UPDATE OF reference, text ON recommendations_recommendation
    FOR EACH ROW EXECUTE FUNCTION recommendation_search_vector()
    """,
    """
    UPDATE recommendations_recommendation SET search_vector = to_tsvector(
        'english'::regconfig, COALESCE(reference, '') || ' ' || COALESCE(text, '')
    )
    """,
    "CREATE INDEX recommendation_search ON recommendations_recommendation USING gin (search_vector)",
    # The list's "last validated update, newest first" (SQLite has no NULLS LAST in an index).
    """
    CREATE INDEX recommendation_update_order
    ON recommendations_recommendation (status_on DESC NULLS LAST)
    """,
]
BACKWARD = [
    "DROP INDEX IF EXISTS recommendation_update_order",
    "DROP INDEX IF EXISTS recommendation_search",
    "DROP TRIGGER IF EXISTS recommendation_search_vector ON recommendations_recommendation",
    "DROP FUNCTION IF EXISTS recommendation_search_vector()",
]


def run(statements):
    def on_postgresql(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return on_postgresql


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0011_recommendation_maintained_status"),
    ]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
