"""The test suite's settings: the local development ones, as `make run` uses them
(DEBUG on while they are read: plain http, static files from the source tree),
whatever the shell exports. pytest-django then runs every test with DEBUG off,
as in production; tests of the production settings themselves start
`manage.py` with DEBUG=false in a subprocess (tests/operations/)."""

import os

os.environ["DEBUG"] = "true"

from .settings import *  # noqa: F403

# One process's memory: API throttling works as in production, without a database
# query per request; tests/conftest.py empties it before each test.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rates no test reaches by accident (tests/operations/test_api_throttling.py sets low ones).
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"token": "100000/minute", "address": "100000/minute"}  # noqa: F405
# Background jobs run as they are started, in the test's own transaction: a test sees their
# outcome at once (tests/jobs/test_worker.py runs the database queue and its worker).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
