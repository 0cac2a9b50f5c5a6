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
from dataclasses import dataclass, replace

from .events import PAGE_SIZE, Cursor, Event, Selection
from .sources import sources


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
