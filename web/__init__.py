"""The plumbing every door of the tracker shares, below the apps that use it.

Pages: ``access.readable_page`` (the check every page and download makes) and
``page_filters`` (a shared filter set's form as a page submits it). Downloads:
``spreadsheets`` (CSV and XLSX that stream, with cells no spreadsheet runs). The
REST API: ``api`` (the base viewset and serializer, permissions, tokens, CSV,
ETags, pagination, errors and the OpenAPI additions).

``web`` asks ``recommendations.rules`` who may do what (rights have one home, and
every door asks it) and imports nothing else of the apps: ``recommendations`` and
``missions`` build on it, never the other way round (pyproject.toml's import
contracts, checked by tests/test_layout.py). It is a Django app only so that its
templates (the one-or-more drop-down) are found.
"""
