"""What the audit lists: an event (a login, a failed login, a logout, a download, a
change, an admin action), the selection of events a page asks for, and an event's place
in the audit's order (a cursor for paging)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PAGE_SIZE = 50


class Kind(models.TextChoices):
    LOGIN = "login", _("Login")
    FAILED_LOGIN = "failed_login", _("Failed login")
    LOGOUT = "logout", _("Logout")
    DOWNLOAD = "download", _("Download")
    CHANGE = "change", pgettext_lazy("noun", "Change")
    ADMIN = "admin", _("Admin action")


@dataclass(frozen=True)
class Selection:
    """Which events: one person's (a username, exactly as recorded), from ``since``
    (inclusive) to ``until`` (exclusive), of one kind; empty or None: any."""

    person: str = ""
    since: datetime | None = None
    until: datetime | None = None
    kind: str = ""


@dataclass(frozen=True, order=True)
class Cursor:
    """An event's place in the order of the audit: its time, then the table it is in,
    then its id (events of one moment keep a fixed order)."""

    at: datetime
    source: int
    pk: int

    FORMAT = "%Y%m%dT%H%M%S.%fZ"

    def encode(self) -> str:
        return f"{self.at.astimezone(UTC).strftime(self.FORMAT)}~{self.source}~{self.pk}"

    @classmethod
    def decode(cls, text: str) -> Cursor:
        """The cursor ``encode`` wrote; ValueError for anything else."""
        at, source, pk = text.split("~")
        when = datetime.strptime(at, cls.FORMAT).replace(tzinfo=UTC)
        numbers = [int(part) if part.isascii() and part.isdigit() else -1 for part in (source, pk)]
        if not all(0 <= number < 2**63 for number in numbers):  # ids are 64-bit
            raise ValueError(text)
        return cls(when, *numbers)


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    person: str
    what: str
    details: str = ""
    address: str = ""
    link: str = ""
    cursor: Cursor | None = field(default=None, compare=False)

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    @property
    def time_text(self) -> str:
        """The time as the page and the CSV show it, in the site's time zone."""
        return timezone.localtime(self.at).strftime("%Y-%m-%d %H:%M:%S %Z")

    @property
    def person_text(self) -> str:
        """Who: a username; a download without one was an anonymous visitor's (a public
        dashboard); a change without one was made by a command (an import, the demo)."""
        if self.person:
            return self.person
        return str(_("anonymous")) if self.kind == Kind.DOWNLOAD else ""

    def as_row(self) -> list[str]:
        """The event as the page's table and the CSV give it (``COLUMNS``)."""
        return [
            self.time_text,
            self.kind_label,
            self.person_text,
            self.what,
            self.details,
            self.address,
        ]


# The CSV's header (downloads are in English: web.spreadsheets).
COLUMNS = ["Time", "Kind", "Person", "What", "Details", "Address"]
