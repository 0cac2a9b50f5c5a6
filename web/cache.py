"""The cache in the database's own table (``CACHE_URL`` unset), writing in one statement.

Django's database cache counts the whole table before every write (to cull it) and then
reads the key before inserting or updating it, in a savepoint: five statements per
``set``. Here a ``set`` is one upsert (``INSERT … ON CONFLICT``, which PostgreSQL and
SQLite understand; in a savepoint inside a transaction), and the table is culled on one
write in ``CULL_EVERY`` (expired entries first, as Django does). Reads, ``add``,
``touch`` and the rest are Django's.
"""

import base64
import pickle
import random
from contextlib import nullcontext
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now

CULL_EVERY = 50


class DatabaseCache(DjangoDatabaseCache):
    def set(self, key, value, timeout=None, version=None, **kwargs):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout if timeout is not None else self.default_timeout)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)  # type: ignore[attr-defined]  # set by Django's __init__
        if timeout is None:
            until = datetime.max
        else:
            until = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(until.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        key_column, value_column, expires_column = (
            quote(name) for name in ("cache_key", "value", "expires")
        )
        with connection.cursor() as cursor:
            if random.randrange(CULL_EVERY) == 0:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")
                (entries,) = cursor.fetchone()
                if entries > self._max_entries:
                    # Django's own culling (a private method of its database cache).
                    cull = self._cull  # type: ignore[attr-defined]
                    cull(db, cursor, tz_now().replace(microsecond=0), entries)
            # Inside a transaction, a savepoint: a failed write must not break the caller's.
            saved = transaction.atomic(using=db) if connection.in_atomic_block else nullcontext()
            try:
                with saved:
                    cursor.execute(
                        f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "
                        f"VALUES (%s, %s, %s) ON CONFLICT ({key_column}) DO UPDATE SET "
                        f"{value_column} = EXCLUDED.{value_column}, "
                        f"{expires_column} = EXCLUDED.{expires_column}",
                        [key, encoded, expires],
                    )
            except DatabaseError:
                return  # as Django's: a cache write may fail silently
