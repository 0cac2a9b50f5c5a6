"""The tables the audit reads, each as a ``Source``: django-axes' logins, logouts and
failed logins, the downloads, the admin's log (for what keeps no history), and each
history table. A source selects its rows (person, dates, past a cursor) and describes
them as events."""

from __future__ import annotations

from axes.models import AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .events import Cursor, Event, Kind, Selection
from .models import Download


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
            gettext("Logged in"),
            details=_at(row.path_info),
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
            gettext("Logged out"),
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
            gettext("Locked out") if row.locked_out else gettext("Wrong username or password"),
            details=_at(row.path_info),
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
            details += " · " + gettext("with API token %(prefix)s") % {"prefix": row.api_token}
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
    VERBS = {
        ADDITION: _("Added %(name)s “%(object)s”"),
        DELETION: _("Deleted %(name)s “%(object)s”"),
    }

    def queryset(self):
        with_history = Q()
        for model in history_models():
            with_history |= Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
            )
        return LogEntry.objects.select_related("user", "content_type").exclude(with_history)

    def event(self, row):
        name = row.content_type.name if row.content_type_id else gettext("record")
        verb = self.VERBS.get(row.action_flag, _("Changed %(name)s “%(object)s”"))
        link = "" if row.action_flag == DELETION else (row.get_admin_url() or "")
        return Event(
            row.action_time,
            self.kind,
            row.user.get_username(),
            verb % {"name": name, "object": row.object_repr},
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
            what += gettext("created")
        elif row.history_type == "-":
            what += gettext("deleted")
        else:
            changed = [
                str(each.verbose_name)
                for each in self.compared
                if before is not None
                and getattr(row, each.attname) != getattr(before, each.attname)
            ]
            what += (
                gettext("changed (%(fields)s)") % {"fields": ", ".join(changed)}
                if changed
                else gettext("changed")
            )
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
            return " " + gettext("on recommendation #%(number)s") % {
                "number": row.recommendation_id
            }
        return ""

    def _history_url(self, pk) -> str:
        meta = self.model._meta
        try:
            return reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[pk])
        except NoReverseMatch:
            return ""


def _at(path: str) -> str:
    return gettext("at %(path)s") % {"path": path} if path else ""


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
