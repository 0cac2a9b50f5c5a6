"""A recommendation's status, maintained: the columns ``Recommendation.status``,
``status_on``, ``status_update`` and ``status_from_demo``, and the compact history
``StatusChange``, all derived from the validated progress updates.

The rule (DESIGN.md) stays what it was: a recommendation's status is that of its latest
validated update (latest by assessment date, then by validation time, then by id), not
started without one; as of a day, that of the latest one validated and assessed by then.
Deriving it on every read costs a correlated subquery per recommendation, so it is kept
instead: every step that changes a validated update (``services``: validation, deletion,
restore) and every bulk loader (the demo, the benchmark) calls
``recommendation_status_refresh`` in its own transaction, and ``statuses_out_of_step``
(``manage.py check_statuses``) proves the result equals what the history says.
"""

from collections.abc import Iterable
from datetime import date
from itertools import groupby

from django.db import connection, transaction
from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from . import caching
from .models import ProgressUpdate, Recommendation, Status, StatusChange

VALIDATED = ProgressUpdate.WorkflowState.VALIDATED


def latest_validated_update():
    """The latest validated update of the recommendation ``OuterRef("pk")``, as a
    queryset to slice: the one rule that decides which update gives the status."""
    return ProgressUpdate.objects.filter(
        recommendation=OuterRef("pk"), workflow_state=VALIDATED
    ).order_by("-assessed_on", "-reviewed_at", "-id")


@transaction.atomic
def recommendation_status_refresh(recommendations: Iterable[int] | QuerySet | None) -> None:
    """Recompute the maintained status and the status changes of ``recommendations``
    (their ids, a queryset of them, or None for every recommendation) from their
    validated updates, in a few set-based statements whatever their number, and mark
    the figures changed (``caching.statuses_changed``).

    Call it in the transaction that validates, deletes or restores a validated update,
    or after writing validated updates in bulk. Recommendations named by id are locked
    first, so that two validations of one recommendation at once cannot leave it with
    the status of only one of them.
    """
    chosen = _chosen(recommendations)
    if isinstance(chosen, list):
        if not chosen:
            return
        # Lock in a fixed order (no deadlock); later statements see what others committed.
        list(
            Recommendation.objects.select_for_update()
            .filter(pk__in=chosen)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    _rewrite_changes(chosen)
    if connection.vendor == "postgresql":
        _rewrite_columns_in_one_pass(chosen)
    else:
        _rewrite_columns(chosen)
    caching.statuses_changed()


def _rewrite_columns(chosen):
    of_chosen = Recommendation.objects.all() if chosen is None else _filter(chosen)
    latest = latest_validated_update()
    of_chosen.update(status_update=Subquery(latest.values("pk")[:1]))
    # No ordering: the default one would join (and shadow) the table being updated.
    deciding = ProgressUpdate.objects.filter(pk=OuterRef("status_update")).order_by()
    of_chosen.update(
        status=Coalesce(Subquery(deciding.values("status")), Value(Status.NOT_STARTED.value)),
        status_on=Subquery(deciding.values("assessed_on")),
        status_from_demo=Coalesce(Subquery(deciding.values("is_demo")), Value(False)),
    )


# The same on PostgreSQL in two passes over the chosen rows (not one correlated lookup
# per column and row), rewriting only the rows whose status changes: a bulk load of a
# million recommendations takes seconds, not minutes.
LATEST_SQL = """
UPDATE {recommendations} AS r
SET {status} = latest.status, {status_on} = latest.assessed_on,
    {status_update} = latest.id, {status_from_demo} = latest.is_demo
FROM (
    SELECT DISTINCT ON ({u_recommendation}) {u_recommendation} AS recommendation_id,
           {u_status} AS status, {u_assessed_on} AS assessed_on, {u_id} AS id,
           {u_is_demo} AS is_demo
    FROM {updates}
    WHERE {u_workflow_state} = %s {where}
    ORDER BY {u_recommendation}, {u_assessed_on} DESC, {u_reviewed_at} DESC, {u_id} DESC
) latest
WHERE r.id = latest.recommendation_id
  AND (r.{status}, r.{status_on}, r.{status_update}, r.{status_from_demo})
      IS DISTINCT FROM (latest.status, latest.assessed_on, latest.id, latest.is_demo)
"""
NONE_SQL = """
UPDATE {recommendations} AS r
SET {status} = %s, {status_on} = NULL, {status_update} = NULL, {status_from_demo} = FALSE
WHERE (r.{status_update} IS NOT NULL OR r.{status} <> %s OR r.{status_from_demo})
  {where_recommendation}
  AND NOT EXISTS (
      SELECT 1 FROM {updates}
      WHERE {u_recommendation} = r.id AND {u_workflow_state} = %s
  )
"""


def _rewrite_columns_in_one_pass(chosen):
    where, params = _where_recommendation(chosen)
    names = {
        "recommendations": connection.ops.quote_name(Recommendation._meta.db_table),
        "updates": connection.ops.quote_name(ProgressUpdate._meta.db_table),
        **{
            name: _column(Recommendation, name)
            for name in ("status", "status_on", "status_update", "status_from_demo")
        },
        **{f"u_{name}": _column(ProgressUpdate, name) for name in _UPDATE_COLUMNS},
    }
    not_started = Status.NOT_STARTED.value
    with connection.cursor() as cursor:
        cursor.execute(
            LATEST_SQL.format(where=where.format(column=names["u_recommendation"]), **names),
            [VALIDATED.value, *params],
        )
        cursor.execute(
            NONE_SQL.format(where_recommendation=where.format(column="r.id"), **names),
            [not_started, not_started, *params, VALIDATED.value],
        )


def _where_recommendation(chosen) -> tuple[str, list]:
    """``AND {column} IN (…)`` for the chosen recommendations (a format string to give
    the column to), and its parameters; nothing for every recommendation."""
    if chosen is None:
        return "", []
    if isinstance(chosen, list):
        subquery, params = ", ".join(["%s"] * len(chosen)), list(chosen)
    else:
        subquery, params = chosen.query.sql_with_params()
    return "AND {column} IN (" + subquery.replace("{", "{{").replace("}", "}}") + ")", list(params)


def _chosen(recommendations):
    """None (every one), a list of ids, or a queryset of ids."""
    if recommendations is None:
        return None
    if isinstance(recommendations, QuerySet):
        return recommendations.values("pk")
    return sorted({int(pk) for pk in recommendations})


def _filter(chosen):
    return Recommendation.objects.filter(pk__in=chosen)


# Each recommendation's validated updates, the deciding one per assessment day, then only
# those whose status (or demo flag) differs from the day before: one row per change,
# in force until the next one.
CHANGES_SQL = """
SELECT recommendation_id, day, LEAD(day) OVER (PARTITION BY recommendation_id ORDER BY day),
       status, is_demo, id
FROM (
    SELECT recommendation_id, day, status, is_demo, id,
           LAG(status) OVER same AS status_before, LAG(is_demo) OVER same AS demo_before
    FROM (
        SELECT {recommendation} AS recommendation_id, {assessed_on} AS day,
               {status} AS status, {is_demo} AS is_demo, {id} AS id,
               ROW_NUMBER() OVER (
                   PARTITION BY {recommendation}, {assessed_on}
                   ORDER BY {reviewed_at} DESC, {id} DESC
               ) AS latest_first
        FROM {updates}
        WHERE {workflow_state} = %s {where}
    ) daily
    WHERE latest_first = 1
    WINDOW same AS (PARTITION BY recommendation_id ORDER BY day)
) decided
WHERE status_before IS NULL OR status_before <> status OR demo_before <> is_demo
"""
CHANGE_COLUMNS = ("recommendation", "day", "until", "status", "is_demo", "update")
_UPDATE_COLUMNS = (
    "recommendation",
    "assessed_on",
    "status",
    "is_demo",
    "id",
    "reviewed_at",
    "workflow_state",
)


def _changes_sql(chosen) -> tuple[str, list]:
    """The SELECT of the status changes the validated updates of ``chosen`` make, in
    ``CHANGE_COLUMNS`` order, and its parameters."""
    where, params = _where_recommendation(chosen)
    sql = CHANGES_SQL.format(
        updates=connection.ops.quote_name(ProgressUpdate._meta.db_table),
        where=where.format(column=_column(ProgressUpdate, "recommendation")),
        **{name: _column(ProgressUpdate, name) for name in _UPDATE_COLUMNS},
    )
    return sql, [VALIDATED.value, *params]


def _rewrite_changes(chosen):
    changes = StatusChange.objects.all()
    if chosen is not None:
        changes = changes.filter(recommendation__in=chosen)
    changes.delete()
    select, params = _changes_sql(chosen)
    table = connection.ops.quote_name(StatusChange._meta.db_table)
    columns = ", ".join(_column(StatusChange, name) for name in CHANGE_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {select}", params)


def statuses_out_of_step() -> list[int]:
    """The recommendations whose maintained status (``Recommendation.status`` and the
    fields beside it) or status changes differ from what their validated updates say,
    by id; empty when every one is right. Reads every recommendation once, in bounded
    memory (two ordered streams compared as they come)."""
    wrong = set(_columns_out_of_step())
    select, params = _changes_sql(None)
    expected = _stream(f"SELECT * FROM ({select}) expected ORDER BY 1, 2", params)
    table = connection.ops.quote_name(StatusChange._meta.db_table)
    columns = ", ".join(_column(StatusChange, name) for name in CHANGE_COLUMNS)
    actual = _stream(f"SELECT {columns} FROM {table} ORDER BY 1, 2", [])
    wrong.update(_differing(expected, actual))
    return sorted(wrong)


def _columns_out_of_step():
    latest = latest_validated_update()
    expected = Recommendation.objects.annotate(
        _update=Subquery(latest.values("pk")[:1]),
        _status=Coalesce(Subquery(latest.values("status")[:1]), Value(Status.NOT_STARTED.value)),
        _on=Subquery(latest.values("assessed_on")[:1]),
        _demo=Coalesce(Subquery(latest.values("is_demo")[:1]), Value(False)),
    ).order_by()
    fields = ("status_update_id", "status", "status_on", "status_from_demo")
    for row in expected.values_list("pk", *fields, "_update", "_status", "_on", "_demo").iterator(
        chunk_size=5000
    ):
        if tuple(row[1:5]) != (row[5], row[6], row[7], bool(row[8])):
            yield row[0]


def _stream(sql, params):
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            for row in rows:
                recommendation, day, until, status, is_demo, update = row
                yield (recommendation, _day(day), _day(until), status, bool(is_demo), update)


def _day(value):
    # SQLite hands a computed date (LEAD's) back as text.
    return value if value is None or not isinstance(value, str) else date.fromisoformat(value)


def _differing(expected, actual):
    """The recommendations whose rows differ between two streams ordered by recommendation."""
    expected, actual = _by_recommendation(expected), _by_recommendation(actual)
    left, right = next(expected, None), next(actual, None)
    while left is not None or right is not None:
        if left is not None and (right is None or left[0] < right[0]):
            yield left[0]
            left = next(expected, None)
        elif right is not None and (left is None or right[0] < left[0]):
            yield right[0]
            right = next(actual, None)
        elif left is not None and right is not None:  # the same recommendation in both
            if left[1] != right[1]:
                yield left[0]
            left, right = next(expected, None), next(actual, None)


def _by_recommendation(rows):
    for recommendation, group in groupby(rows, key=lambda row: row[0]):
        yield recommendation, list(group)


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)
