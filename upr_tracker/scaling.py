"""What running on more than one machine needs from the settings: read replicas for the
figures' pages, a cache every app server shares, and PostgreSQL planning for data held in
memory, without JIT compilation.

- ``DATABASE_REPLICA_URLS`` (comma-separated) adds the databases ``replica_1``, ``replica_2``
  …: copies of the primary kept by PostgreSQL's streaming replication.
  ``web.replicas.ReplicaRouter`` sends to one of them only the reads of views wrapped in
  ``reads_from_replica`` (the
  dashboard, the recommendation list, the institution pages, the stats), which show
  figures a second old as well as new ones; every write, and every read anywhere else
  (logins, the workspace, the workflow), goes to the primary, so nobody misses what they
  just wrote.
- ``CACHE_URL`` chooses the cache: the database's own table by default (``createcachetable``,
  run by ``migrate``), ``redis://host:6379/0`` for Redis (``pip install redis``), or
  ``locmem://`` for a single process. What the tracker caches is keyed by the data it
  counts (``recommendations.caching``), so every app server may share it.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

CACHE_TABLE = "upr_cache"
# PostgreSQL's planner cost of reading a page out of order, for data held in memory or on
# SSD (the value PostgreSQL's documentation suggests there), instead of its default 4.
RANDOM_PAGE_COST = "1.1"


def replica_databases(
    urls: str,
    *,
    conn_max_age: int = 60,
    jit: bool = False,
    random_page_cost: str = RANDOM_PAGE_COST,
) -> dict:
    """``{"replica_1": …, "replica_2": …}`` from comma-separated database URLs, with the
    primary's ``postgresql_options``. In the tests each replica is a mirror of the primary
    (the same test database)."""
    replicas = {}
    for number, url in enumerate((u.strip() for u in urls.split(",") if u.strip()), 1):
        settings = dj_database_url.parse(url, conn_max_age=conn_max_age)
        settings["OPTIONS"] = postgresql_options(
            settings, jit=jit, random_page_cost=random_page_cost
        )
        settings["TEST"] = {"MIRROR": "default"}
        replicas[f"replica_{number}"] = settings
    return replicas


def postgresql_options(
    settings: Mapping[str, Any], *, jit: bool = False, random_page_cost: str = RANDOM_PAGE_COST
) -> dict:
    """The connection options of a PostgreSQL database: JIT compilation off, and the
    planner's cost of a page read out of order as on data held in memory.

    PostgreSQL compiles a query to machine code when its estimated cost is high, as every
    count over a large table's rows is; measured here (``make bench``) that costs 200 ms
    to over a second per query, more than the query itself takes. The tracker's queries
    are short: JIT never pays. ``DATABASE_JIT=true`` leaves PostgreSQL's own setting.

    PostgreSQL's default ``random_page_cost`` (4) prices an index probe as a read from a
    spinning disk; the tracker's tables are read from memory or SSD (at a million
    recommendations they fit in a few GB). With it, the chart of a few reviews scanned
    every status change (180 ms at 1,000,000) instead of probing those of the reviews'
    recommendations (50 ms). ``DATABASE_RANDOM_PAGE_COST`` sets another value; empty
    leaves the server's own."""
    options = dict(settings.get("OPTIONS", {}))
    if "postgresql" in settings.get("ENGINE", ""):
        given = [options.get("options", "")]
        if not jit:
            given.append("-c jit=off")
        if random_page_cost:
            given.append(f"-c random_page_cost={float(random_page_cost)}")
        if written := " ".join(given).strip():
            options["options"] = written
    return options


# How many entries the database cache keeps before culling (expired ones first).
DATABASE_CACHE_ENTRIES = 50_000


def cache_settings(url: str) -> dict:
    """``CACHES`` from ``CACHE_URL`` (see the module); an unknown scheme is refused."""
    parts = urlsplit(url) if url else None
    scheme = parts.scheme if parts else "db"
    if scheme == "db":
        default = {
            "BACKEND": "web.cache.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Django keeps 300 entries and then culls by key order: the figures are kept
            # per selection, reader, language and version, beside the public pages.
            "OPTIONS": {"MAX_ENTRIES": DATABASE_CACHE_ENTRIES},
        }
    elif scheme in ("redis", "rediss"):
        default = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    elif scheme == "locmem":
        default = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    elif scheme == "dummy":
        default = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    else:
        raise ImproperlyConfigured(
            f"CACHE_URL must start with db://, redis://, rediss://, locmem:// or dummy://, "
            f"not {url!r}"
        )
    return {"default": default}
