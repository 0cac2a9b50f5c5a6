"""`migrate` creates the database cache's table (API throttling counts there), so a new
deployment's API answers from its first request: found by `make load`, whose every API
request failed with "relation upr_cache does not exist" on a freshly migrated database."""

from tests.servers import manage

from .test_production_settings import production

USE_THE_CACHE = (
    "from django.core.cache import cache; cache.set('probe', 41); print(cache.get('probe') + 1)"
)


def test_a_freshly_migrated_database_has_the_cache_table(tmp_path):
    env = production(tmp_path)

    manage("migrate", "--no-input", "--verbosity", "0", env=env)
    used = manage("shell", "--no-imports", "-c", USE_THE_CACHE, env=env, check=False)

    assert used.returncode == 0, used.stderr[-2000:]
    assert used.stdout.strip().splitlines()[-1] == "42"
