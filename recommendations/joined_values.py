"""A recommendation's related values (its states, themes, institutions …) read with the
recommendation itself, in the same query: the database joins them into one text per
row, and Python splits, orders and formats them. For the downloads of long lists, where
Django's prefetching (a manager and a queryset per row and relation) costs more than
the database does.
"""

from functools import cache

from django.contrib.postgres.aggregates import StringAgg
from django.db import connection
from django.db.models import Aggregate, F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Concat

# Between values, and between a value and what it is ordered by, as the database joins
# them: control characters no name, code or slug holds.
UNIT = "\x1f"
PAIR = "\x1e"


class _Joined(Aggregate):
    """A group's values as one text, separated by ``UNIT``, in no particular order."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(Cast(expression, TextField()), Value(UNIT), **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="STRING_AGG", **extra)


def joined(model, value: str, *, order_by: str | None = None, **where) -> Subquery:
    """The ``value``s of the rows of ``model`` (a table with a ``recommendation`` key)
    that belong to the outer row's recommendation and match ``where``, as one text (None
    when there is none), in the order of ``order_by`` (default: the values'): PostgreSQL
    orders them itself (as its collation sorts); elsewhere ``values_of`` does."""
    aggregate: Aggregate
    if _ordered_by_the_database():
        aggregate = StringAgg(
            Cast(value, TextField()), delimiter=UNIT, order_by=F(order_by or value)
        )
    elif order_by is None:
        aggregate = _Joined(value)
    else:
        aggregate = _Joined(
            Concat(Cast(order_by, TextField()), Value(PAIR), Cast(value, TextField()))
        )
    return Subquery(
        model.objects.filter(recommendation=OuterRef("pk"), **where)
        .order_by()
        .values("recommendation")
        .annotate(joined=aggregate)
        .values("joined"),
        output_field=TextField(),
    )


def values_of(text: str | None, *, key=None) -> list[str]:
    """The values a ``joined`` text holds, in its order (``key`` turns what orders them,
    the values or their ``order_by``, into what Python sorts by)."""
    if not text:
        return []
    values = text.split(UNIT)
    if _ordered_by_the_database():
        return values
    if PAIR not in text:
        return sorted(values, key=key)
    pairs = [value.split(PAIR, 1) for value in values]
    pairs.sort(key=(lambda pair: key(pair[0])) if key else (lambda pair: pair[0]))
    return [value for _order, value in pairs]


@cache
def _ordered_by_the_database() -> bool:
    """Whether ``joined`` texts come in their order (PostgreSQL's ``string_agg … ORDER
    BY``): asked once, not once per value of a 100,000-row download."""
    return connection.vendor == "postgresql"


def through(name: str):
    """The table of a recommendation's many-to-many relation ``name``."""
    from django.db.models import ManyToManyField

    from .models import Recommendation

    field = Recommendation._meta.get_field(name)
    assert isinstance(field, ManyToManyField), name
    return field.remote_field.through
