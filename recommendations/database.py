"""What the tracker tells its database beyond queries."""

from django.db import connection

from .models import ProgressUpdate, Recommendation, Responsibility, StatusChange


def refresh_planner_statistics():
    """After a bulk load, let PostgreSQL's planner know how big the tables now are.

    Until autovacuum analyses them, tables filled in one go look empty to the
    planner, which then picks nested loops that scan them once per row: a page
    over a few thousand recommendations can take minutes instead of
    milliseconds. ANALYZE is cheap and may run inside the loading transaction
    (it counts that transaction's own rows). Nothing to do on other databases.
    """
    if connection.vendor != "postgresql":
        return
    models: list[type[Recommendation | Responsibility | ProgressUpdate]] = [
        Recommendation,
        Responsibility,
        ProgressUpdate,
    ]
    tables = {model._meta.db_table for model in models}
    for model in models:
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            assert through is not None  # Django makes one when the field names none
            tables.add(through._meta.db_table)
        tables.add(model.history.model._meta.db_table)
    # Written in bulk beside them by the maintained statuses' refresh; the over-time
    # chart reads it.
    tables.add(StatusChange._meta.db_table)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
