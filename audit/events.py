"""The audit's one read: events of every kind — logins, failed logins, logouts
(django-axes), downloads (``audit.models.Download``), changes (every
django-simple-history table) and the admin's actions on what keeps no history
(Django's ``LogEntry``) — merged in time order, newest first.

Each kind lives in its own table, some of them large (the histories). A page asks each
table for at most one page of its newest rows in the selection (person, date range,
kind), older than where the previous page ended (a keyset cursor: no OFFSET, so a deep
page costs what the first one does), and merges them. Its queries are one per table and
at most one more per history table on the page (the versions before the changes shown):
a fixed number, whatever the tables hold.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from axes.models import AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst

from .models import Download

PAGE_SIZE = 50


class Kind(models.TextChoices):
    LOGIN = "login", "Login"
    FAILED_LOGIN = "failed_login", "Failed login"
    LOGOUT = "logout", "Logout"
    DOWNLOAD = "download", "Download"
    CHANGE = "change", "Change"
    ADMIN = "admin", "Admin action"


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
        if not (source.isdigit() and pk.isdigit()) or int(source) >= len(sources()):
            raise ValueError(text)
        return cls(when, int(source), int(pk))


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
        return Kind(self.kind).label

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
        return "anonymous" if self.kind == Kind.DOWNLOAD else ""

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


COLUMNS = ["Time", "Kind", "Person", "What", "Details", "Address"]


@dataclass
class Page:
    events: list[Event]
    older: Cursor | None  # where the next (older) page starts, if there is one
    newer: Cursor | None  # where the previous (newer) page ends, if there is one


def audit_page(
    selection: Selection,
    *,
    before: Cursor | None = None,
    after: Cursor | None = None,
    size: int = PAGE_SIZE,
) -> Page:
    """The ``size`` newest events of ``selection`` older than ``before`` (or the ``size``
    oldest newer than ``after``, for going back), newest first, with the cursors of the
    pages around it. A fixed number of queries (module docstring)."""
    going_back = after is not None
    cursor = after if going_back else before
    candidates = []
    for index, source in enumerate(sources()):
        if selection.kind and source.kind != selection.kind:
            continue
        for row in source.window(selection, index, cursor, newer=going_back, limit=size + 1):
            candidates.append((Cursor(getattr(row, source.time), index, row.pk), row))
    chosen = (heapq.nsmallest if going_back else heapq.nlargest)(
        size + 1, candidates, key=lambda candidate: candidate[0]
    )
    more = len(chosen) > size
    chosen = sorted(chosen[:size], key=lambda candidate: candidate[0], reverse=True)
    events = _events(chosen)
    if going_back:
        older, newer = True, more
    else:
        older, newer = more, before is not None
    return Page(
        events=events,
        older=events[-1].cursor if events and older else None,
        newer=events[0].cursor if events and newer else None,
    )


def all_events(selection: Selection, *, window: int = 500) -> Iterator[Event]:
    """Every event of ``selection``, newest first, read ``window`` at a time (for the
    CSV: never all in memory)."""
    cursor = None
    while True:
        page = audit_page(selection, before=cursor, size=window)
        yield from page.events
        if page.older is None:
            return
        cursor = page.older


def _events(chosen: list[tuple[Cursor, object]]) -> list[Event]:
    """The chosen rows as events, in their order; each table turns its own rows (a
    history table with one query for the versions before)."""
    by_source: dict[int, list] = {}
    for cursor, row in chosen:
        by_source.setdefault(cursor.source, []).append(row)
    described = {}
    for index, rows in by_source.items():
        for row, event in zip(rows, sources()[index].describe(rows), strict=True):
            described[(index, row.pk)] = event
    return [replace(described[(cursor.source, cursor.pk)], cursor=cursor) for cursor, _ in chosen]


class Source:
    """One table of events: what kind they are, which column holds their time and which
    the person's username (a lookup), and how a row reads as an event."""

    kind: str
    time: str
    person: str

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def describe(self, rows: list) -> list[Event]:
        return [self.event(row) for row in rows]

    def event(self, row) -> Event:
        raise NotImplementedError

    def window(self, selection: Selection, index: int, cursor, *, newer: bool, limit: int):
        """At most ``limit`` rows of the selection past ``cursor``, nearest first."""
        rows = self.queryset()
        if selection.person:
            rows = rows.filter(**{self.person: selection.person})
        if selection.since:
            rows = rows.filter(**{f"{self.time}__gte": selection.since})
        if selection.until:
            rows = rows.filter(**{f"{self.time}__lt": selection.until})
        if cursor is not None:
            rows = rows.filter(self._past(cursor, index, newer))
        order = (self.time, "pk") if newer else (f"-{self.time}", "-pk")
        return rows.order_by(*order)[:limit]

    def _past(self, cursor: Cursor, index: int, newer: bool) -> Q:
        """Rows of this table (the ``index``-th) beyond ``cursor`` in the audit's order
        (time, table, id): older ones, or newer ones when ``newer``."""
        earlier = "gt" if newer else "lt"
        beyond = Q(**{f"{self.time}__{earlier}": cursor.at})
        if (index > cursor.source) if newer else (index < cursor.source):
            return beyond | Q(**{self.time: cursor.at})
        if index == cursor.source:
            return beyond | Q(**{self.time: cursor.at, f"pk__{earlier}": cursor.pk})
        return beyond


class Logins(Source):
    kind, time, person = Kind.LOGIN, "attempt_time", "username"

    def queryset(self):
        return AccessLog.objects.all()

    def event(self, row):
        return Event(
            row.attempt_time,
            self.kind,
            row.username or "",
            "Logged in",
            details=f"at {row.path_info}" if row.path_info else "",
            address=row.ip_address or "",
        )


class Logouts(Source):
    kind, time, person = Kind.LOGOUT, "logout_time", "username"

    def queryset(self):
        return AccessLog.objects.filter(logout_time__isnull=False)

    def event(self, row):
        return Event(
            row.logout_time,
            self.kind,
            row.username or "",
            "Logged out",
            address=row.ip_address or "",
        )


class FailedLogins(Source):
    kind, time, person = Kind.FAILED_LOGIN, "attempt_time", "username"

    def queryset(self):
        return AccessFailureLog.objects.all()

    def event(self, row):
        return Event(
            row.attempt_time,
            self.kind,
            row.username or "",
            "Locked out" if row.locked_out else "Wrong username or password",
            details=f"at {row.path_info}" if row.path_info else "",
            address=row.ip_address or "",
        )


class Downloads(Source):
    kind, time, person = Kind.DOWNLOAD, "at", "username"

    def queryset(self):
        return Download.objects.all()

    def event(self, row):
        what = f"{row.filename} ({row.format.upper()})" if row.format else row.filename
        details = f"{row.path}?{row.query}" if row.query else row.path
        if row.api_token:
            details += f" · with API token {row.api_token}"
        return Event(
            row.at,
            self.kind,
            row.username,
            what or row.path,
            details=details,
            address=row.address or "",
        )


class AdminActions(Source):
    """The admin's log, for what keeps no history of its own (users, profiles, groups,
    API tokens, institutions, taxonomies): the changes of the rest are the history
    tables' events already."""

    kind, time, person = Kind.ADMIN, "action_time", "user__username"
    VERBS = {ADDITION: "Added", DELETION: "Deleted"}

    def queryset(self):
        with_history = Q()
        for model in history_models():
            with_history |= Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
            )
        return LogEntry.objects.select_related("user", "content_type").exclude(with_history)

    def event(self, row):
        name = row.content_type.name if row.content_type_id else "record"
        verb = self.VERBS.get(row.action_flag, "Changed")
        link = "" if row.action_flag == DELETION else (row.get_admin_url() or "")
        return Event(
            row.action_time,
            self.kind,
            row.user.get_username(),
            f"{verb} {name} “{row.object_repr}”",
            details=row.get_change_message(),
            link=link,
        )


class Changes(Source):
    """One history table: each version saved, with who saved it and which fields it
    changed (against the version before it)."""

    kind, time, person = Kind.CHANGE, "history_date", "history_user__username"
    LABEL_FIELDS = ("reference", "title", "name")

    def __init__(self, model):
        self.model = model
        self.history = getattr(model, model._meta.simple_history_manager_attribute).model
        self.compared = [
            each
            for each in self.history.tracked_fields
            if each.editable
            and not getattr(each, "auto_now", False)
            and not getattr(each, "auto_now_add", False)
        ]

    def queryset(self):
        return self.history.objects.select_related("history_user")

    def describe(self, rows):
        before = self._versions_before([row for row in rows if row.history_type == "~"])
        return [self.event(row, before.get(row.pk)) for row in rows]

    def _versions_before(self, rows) -> dict:
        """For each changed row, the version of its record saved just before it: one query."""
        if not rows:
            return {}
        earlier = (
            self.history.objects.filter(id=OuterRef("id"))
            .filter(
                Q(history_date__lt=OuterRef("history_date"))
                | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
            )
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        wanted = (
            self.history.objects.filter(history_id__in=[row.pk for row in rows])
            .annotate(previous=Subquery(earlier))
            .values("previous")
        )
        versions = list(self.history.objects.filter(history_id__in=wanted))
        found = {}
        for row in rows:
            older = [
                version
                for version in versions
                if version.id == row.id
                and (version.history_date, version.pk) < (row.history_date, row.pk)
            ]
            if older:
                found[row.pk] = max(older, key=lambda version: (version.history_date, version.pk))
        return found

    def event(self, row, before=None) -> Event:
        what = f"{capfirst(self.model._meta.verbose_name)} #{row.id}{self._label(row)}: "
        if row.history_type == "+":
            what += "created"
        elif row.history_type == "-":
            what += "deleted"
        else:
            changed = [
                str(each.verbose_name)
                for each in self.compared
                if before is not None
                and getattr(row, each.attname) != getattr(before, each.attname)
            ]
            what += f"changed ({', '.join(changed)})" if changed else "changed"
        user = row.history_user
        return Event(
            row.history_date,
            self.kind,
            user.get_username() if user else "",
            what,
            details=row.history_change_reason or "",
            link="" if row.history_type == "-" else self._history_url(row.id),
        )

    def _label(self, row) -> str:
        for name in self.LABEL_FIELDS:
            value = getattr(row, name, None)
            if value:
                text = str(value)
                return f" “{text[:60]}…”" if len(text) > 60 else f" “{text}”"
        if getattr(row, "recommendation_id", None):
            return f" on recommendation #{row.recommendation_id}"
        return ""

    def _history_url(self, pk) -> str:
        meta = self.model._meta
        try:
            return reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[pk])
        except NoReverseMatch:
            return ""


def history_models() -> list[type[models.Model]]:
    """Every model whose changes django-simple-history keeps, in a fixed order."""
    return sorted(
        (
            model
            for model in apps.get_models()
            if hasattr(model._meta, "simple_history_manager_attribute")
        ),
        key=lambda model: model._meta.label_lower,
    )


_SOURCES: list[Source] = []


def sources() -> list[Source]:
    """The tables of events, in the fixed order that breaks ties of time."""
    if not _SOURCES:
        _SOURCES.extend(
            [Logins(), Logouts(), FailedLogins(), Downloads(), AdminActions()]
            + [Changes(model) for model in history_models()]
        )
    return _SOURCES
