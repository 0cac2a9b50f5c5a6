"""An application server readies itself once: what lives as long as the process is out of
the garbage collector's rounds, so a full collection does not walk it every few requests."""

import gc
import importlib

import pytest

import upr_tracker.serving
from upr_tracker.serving import ready_to_serve
from web.collation import _collator


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # the other tests' objects are collected as usual


def test_what_is_loaded_before_serving_is_left_out_of_the_collectors_rounds(unfrozen):
    assert gc.get_freeze_count() == 0

    ready_to_serve()

    assert _collator.cache_info().currsize == 1  # the collation tables are loaded …
    assert gc.get_freeze_count() > 100_000  # … and frozen with Django and the rest


def test_objects_made_afterwards_are_still_in_the_collectors_rounds(unfrozen):
    ready_to_serve()
    made_by_a_request: list = []

    watched = gc.get_objects()  # what the collector walks (not what is frozen)
    assert gc.isenabled()
    assert any(thing is made_by_a_request for thing in watched)
    assert not any(thing is _collator() for thing in watched)


def test_the_wsgi_application_readies_itself(monkeypatch):
    readied = []
    monkeypatch.setattr(upr_tracker.serving, "ready_to_serve", lambda: readied.append(True))
    wsgi = importlib.import_module("upr_tracker.wsgi")  # readied here if imported first now
    readied.clear()

    importlib.reload(wsgi)

    assert readied == [True]
    assert callable(wsgi.application)
