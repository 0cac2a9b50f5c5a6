"""What several app servers need: read replicas for the pages of figures through a router,
a cache they share (the database's by default), and PostgreSQL without JIT; all from
the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from recommendations.models import Recommendation
from upr_tracker.scaling import cache_settings, postgresql_options, replica_databases
from web import replicas
from web.replicas import ReplicaRouter, reading_from_replica

ROOT = Path(__file__).resolve().parent.parent


def settings_with(**environment) -> dict:
    """The settings module as a fresh process reads it from ``environment``."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({'databases': settings.DATABASES, 'caches': settings.CACHES, "
        "'routers': settings.DATABASE_ROUTERS}, default=str))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "DATABASE_URL",
            "DATABASE_REPLICA_URLS",
            "CACHE_URL",
            "DATABASE_JIT",
            "DATABASE_RANDOM_PAGE_COST",
        )
    }
    env |= {"DJANGO_SETTINGS_MODULE": "upr_tracker.settings", **environment}
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert output.returncode == 0, output.stderr
    return json.loads(output.stdout.strip().splitlines()[-1])


def test_replicas_come_from_the_environment_and_take_the_figures_reads():
    read = settings_with(
        DATABASE_URL="postgres://app:secret@primary:5432/upr",
        DATABASE_REPLICA_URLS="postgres://app:secret@replica-a:5432/upr, "
        "postgres://app:secret@replica-b:5432/upr",
    )

    databases = read["databases"]
    assert set(databases) == {"default", "replica_1", "replica_2"}
    assert [databases[a]["HOST"] for a in ("replica_1", "replica_2")] == ["replica-a", "replica-b"]
    assert databases["replica_1"]["TEST"]["MIRROR"] == "default"
    assert all(
        database["OPTIONS"]["options"] == "-c jit=off -c random_page_cost=1.1"
        for database in databases.values()
    )
    assert read["routers"] == ["web.replicas.ReplicaRouter"]


def test_the_planners_settings_come_from_the_environment():
    read = settings_with(
        DATABASE_URL="postgres://app:secret@primary:5432/upr",
        DATABASE_REPLICA_URLS="postgres://app:secret@replica-a:5432/upr",
        DATABASE_JIT="true",
        DATABASE_RANDOM_PAGE_COST="",
    )
    assert all(database["OPTIONS"] == {} for database in read["databases"].values())


def test_without_configuration_the_cache_is_the_databases_own_table():
    read = settings_with()

    assert read["caches"]["default"]["BACKEND"] == "web.cache.DatabaseCache"
    assert set(read["databases"]) == {"default"}


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "web.cache.DatabaseCache"),
        ("redis://cache:6379/1", "django.core.cache.backends.redis.RedisCache"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
    ],
)
def test_cache_url_chooses_the_cache(url, backend):
    assert cache_settings(url)["default"]["BACKEND"] == backend


def test_an_unknown_cache_is_refused_with_the_ones_understood():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must start with db://"):
        cache_settings("memcached://cache:11211")


def test_jit_is_turned_off_for_postgresql_only_and_other_options_kept():
    postgres = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c x=1"}}
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {}}

    assert postgresql_options(postgres) == {"options": "-c x=1 -c jit=off -c random_page_cost=1.1"}
    assert postgresql_options(postgres, jit=True, random_page_cost="") == {"options": "-c x=1"}
    assert postgresql_options(postgres, random_page_cost="2") == {
        "options": "-c x=1 -c jit=off -c random_page_cost=2.0"
    }
    assert postgresql_options(sqlite) == {}
    assert replica_databases("", conn_max_age=0) == {}
    with pytest.raises(ValueError):
        postgresql_options(postgres, random_page_cost="fast")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner settings")
def test_the_application_plans_for_pages_in_memory_without_jit(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_the_router_sends_reads_to_a_replica_only_inside_a_figures_view(monkeypatch):
    monkeypatch.setattr(replicas, "_replicas", lambda: ["replica_1", "replica_2"])
    router = ReplicaRouter()

    outside = router.db_for_read(Recommendation)
    with reading_from_replica():
        inside = {router.db_for_read(Recommendation) for _ in range(50)}
        written = router.db_for_write(Recommendation)

    assert outside == "default"
    assert inside == {"replica_1", "replica_2"}
    assert written == "default"
    assert router.allow_migrate("replica_1", "recommendations") is False
    assert router.allow_migrate("default", "recommendations") is True


def test_without_replicas_everything_reads_the_primary(monkeypatch):
    monkeypatch.setattr(replicas, "_replicas", lambda: [])

    with reading_from_replica():
        assert ReplicaRouter().db_for_read(Recommendation) == "default"


@pytest.mark.django_db
def test_the_figures_pages_read_from_replicas_and_the_workspace_does_not(client, monkeypatch):
    from tests.factories import RecommendationFactory, coordinator

    RecommendationFactory()
    user = coordinator()
    asked = []
    original = ReplicaRouter.db_for_read

    def recording(self, model, **hints):
        asked.append((model.__name__, replicas._reading_from_replica.get()))
        return original(self, model, **hints)

    monkeypatch.setattr(ReplicaRouter, "db_for_read", recording)
    client.force_login(user)

    def replica_reads(url):
        asked.clear()
        assert client.get(url).status_code == 200
        return {name for name, from_replica in asked if from_replica}

    assert "Recommendation" in replica_reads("/")
    assert "Recommendation" in replica_reads("/recommendations/")
    assert "Recommendation" in replica_reads("/api/v1/stats/?group_by=review")
    assert replica_reads("/workspace/queue/") == set()


@pytest.fixture
def database_cache(db):
    """The database cache as ``CACHE_URL`` unset configures it (the tests' own settings
    use a local-memory cache), its table made as ``createcachetable`` makes it."""
    from django.core.management.commands.createcachetable import Command

    from web.cache import DatabaseCache

    params = cache_settings("")["default"]
    command = Command()
    command.verbosity = 0
    command.create_table("default", params["LOCATION"], dry_run=False)
    database_cache = DatabaseCache(params["LOCATION"], params)
    database_cache.clear()
    return database_cache


def test_the_database_cache_keeps_more_than_djangos_300_entries(database_cache, monkeypatch):
    """The figures are kept per selection, reader, language and version: past Django's
    default of 300 entries its database cache would cull a third of them by key order."""
    import web.cache

    monkeypatch.setattr(web.cache, "CULL_EVERY", 1)  # count (and cull) before every write
    for n in range(600):
        database_cache.set(f"figure-{n}", n, timeout=60)

    assert [database_cache.get(f"figure-{n}") for n in range(600)] == list(range(600))


def test_the_database_cache_keeps_replaces_and_forgets_values(
    database_cache, django_assert_max_num_queries
):
    cache = database_cache

    # The upsert in a savepoint (a test runs in a transaction), and one write in
    # CULL_EVERY counts the table first.
    with django_assert_max_num_queries(4):
        cache.set("figures", {"implemented": 53}, timeout=60)
    cache.set("figures", {"implemented": 54}, timeout=60)
    cache.set("gone", "stale", timeout=-1)

    assert cache.get("figures") == {"implemented": 54}
    assert cache.get("gone") is None
    assert cache.get("never set") is None
