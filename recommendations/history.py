"""Who changed what, when: a recorded object's history as people read it.

django-simple-history keeps a full copy of every version (and of the last one
before a deletion); ``change_log`` turns consecutive versions into "field: from
→ to" lines, with names instead of ids and labels instead of stored codes.
"""

import datetime
import os
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

KINDS = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class LogEntry:
    when: datetime.datetime
    who: str
    kind: str  # created, changed or deleted
    changes: list[FieldChange] = field(default_factory=list)


def latest_version(model, object_id):
    """The object as last recorded (also after its deletion), or None if never recorded."""
    record = model.history.filter(id=object_id).order_by("-history_date", "-history_id").first()
    return record.instance if record else None


def change_log(model, object_id) -> list[LogEntry]:
    """Every recorded version of one object, oldest first, each with what changed
    since the version before it (every field, for the first one). Runs a fixed
    number of queries whatever the length of the history: the versions, the
    many-to-many snapshots, and one per kind of related object named."""
    records = list(
        model.history.filter(id=object_id)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if not records:
        return []
    m2m_fields = [f.name for f in getattr(records[0], "_history_m2m_fields", [])]
    links = _m2m_snapshots(records, m2m_fields)
    raw = []
    previous = None
    for record in records:
        changes: list[tuple[str, Any, Any]]
        if previous is None:
            changes = [
                (name, None, value)
                for name, value in _field_values(record).items()
                if value not in (None, "") and name != "id"
            ]
        else:
            delta = record.diff_against(previous, excluded_fields=m2m_fields)
            changes = [(change.field, change.old, change.new) for change in delta.changes]
        for name in m2m_fields:
            old: set[int] = links[previous.history_id][name] if previous else set()
            new = links[record.history_id][name]
            if old != new:
                changes.append((name, old, new))
        raw.append((record, changes))
        previous = record
    names = _related_names(model, raw)
    return [
        LogEntry(
            when=record.history_date,
            who=_person(record.history_user),
            kind=KINDS.get(record.history_type, record.history_type),
            changes=[
                FieldChange(
                    label=_label(model, name),
                    old=_display(model, name, old, names),
                    new=_display(model, name, new, names),
                )
                for name, old, new in sorted(changes, key=lambda change: _order(model, change[0]))
            ]
            if record.history_type != "-"
            else [],
        )
        for record, changes in raw
    ]


def _field_values(record) -> dict:
    names = [f.name for f in record.tracked_fields if f.editable]
    return {name: getattr(record, record._meta.get_field(name).attname) for name in names}


def _m2m_snapshots(records, m2m_fields) -> dict[int, dict[str, set]]:
    """{history_id: {field: set of linked ids}} from one query per many-to-many field."""
    snapshots: dict[int, dict[str, set]] = {
        record.history_id: {name: set() for name in m2m_fields} for record in records
    }
    for name in m2m_fields:
        manager = getattr(records[0], name)
        original = records[0].instance_type._meta.get_field(name)
        target = f"{original.m2m_reverse_field_name()}_id"
        rows = manager.model.objects.filter(history_id__in=list(snapshots)).values_list(
            "history_id", target
        )
        for history_id, linked_id in rows:
            snapshots[history_id][name].add(linked_id)
    return snapshots


def _related_names(model, raw) -> dict[tuple, str]:
    """{(field name, id): str(object)} for every related object the changes mention."""
    wanted: dict[str, set] = defaultdict(set)
    for _record, changes in raw:
        for name, old, new in changes:
            if _is_relation(model, name):
                for value in (old, new):
                    if isinstance(value, set):
                        wanted[name] |= value
                    elif value is not None:
                        wanted[name].add(value)
    names = {}
    for name, ids in wanted.items():
        related = model._meta.get_field(name).related_model
        for obj in related._base_manager.filter(pk__in=ids):
            names[(name, obj.pk)] = str(obj)
    return names


def _is_relation(model, name) -> bool:
    return model._meta.get_field(name).is_relation


def _order(model, name) -> int:
    names = [f.name for f in model._meta.get_fields()]
    return names.index(name) if name in names else len(names)


def _label(model, name) -> str:
    verbose = model._meta.get_field(name).verbose_name
    return str(verbose)[:1].upper() + str(verbose)[1:]


def _display(model, name, value, names) -> str:
    if value is None or value == "" or value == set():
        return "—"
    model_field = model._meta.get_field(name)
    if isinstance(value, set):
        return "; ".join(sorted(names.get((name, pk), f"#{pk} (deleted)") for pk in value))
    if model_field.is_relation:
        return names.get((name, value), f"#{value} (deleted)")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.FileField):
        return os.path.basename(str(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _person(user) -> str:
    if user is None:
        return "the system"
    return user.get_full_name() or user.get_username()
