"""The translation tests look at the pages' small world (tests/pages/conftest.py)."""

from tests.pages.conftest import world  # noqa: F401
