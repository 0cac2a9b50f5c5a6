"""The workspace's small world (two ministries, one standing user per role), an
administrator, and what the tests read from the audit page and its CSV."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.test import Client

from recommendations.models import Role, UserProfile
from recommendations.people import user_profile_save
from tests.factories import UserFactory
from tests.workspace.conftest import world  # noqa: F401 (the fixture)

PASSWORD = "a long enough test password"


@pytest.fixture
def administrator(db):
    user = UserFactory(username="admin")
    user_profile_save(profile=UserProfile(user=user, role=Role.ADMINISTRATOR))
    return user


@pytest.fixture
def admin_client(administrator):
    client = Client()
    client.force_login(administrator)
    return client


class _Rows(HTMLParser):
    """The cells' text of each ``<tr class="audit-event">`` of a page."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr" and "audit-event" in (dict(attrs).get("class") or ""):
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def page_rows(response) -> list[list[str]]:
    """The events a page of the audit lists, newest first: [time, kind, person, what,
    details, address]."""
    assert response.status_code == 200, response.status_code
    parser = _Rows()
    parser.feed(response.content.decode())
    return parser.rows


def kinds_and_people(response) -> list[tuple[str, str]]:
    return [(row[1], row[2]) for row in page_rows(response)]


def csv_rows(response) -> list[list[str]]:
    """The CSV download's rows, header first."""
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
