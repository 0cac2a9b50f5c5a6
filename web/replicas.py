"""Read replicas for the pages of figures (``DATABASE_REPLICA_URLS``, see
``upr_tracker.scaling``): a database router and the decorator that lets a view's reads
go to a replica. Only views that show figures and write nothing are decorated; every
write, and every read elsewhere, goes to the primary database."""

import contextlib
import contextvars
import functools
import random

from django.conf import settings

_reading_from_replica = contextvars.ContextVar("reading_from_replica", default=False)


class ReplicaRouter:
    """Reads inside ``reads_from_replica`` go to a replica (when there is one); everything
    else to the primary. Tables exist on the primary only (replication copies them)."""

    def db_for_read(self, model, **hints):
        if _reading_from_replica.get():
            replicas = _replicas()
            if replicas:
                return random.choice(replicas)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data wherever it was read

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def _replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


@contextlib.contextmanager
def reading_from_replica():
    """Within this block, reads may go to a replica (see ``ReplicaRouter``)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def reads_from_replica(view):
    """A view whose reads may be served by a replica: pages of figures that write nothing."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with reading_from_replica():
            return view(request, *args, **kwargs)

    wrapped.reads_from_replica = True  # type: ignore[attr-defined]
    return wrapped
