"""Evidence files on disk: which ones are still needed, and removing the rest.

A stored file is needed while a live action or progress update names it, or a
door of the tracker can bring back a record that names it:
- an action's past versions can all be reverted in the admin (Revert), so any
  version of an action in the history keeps its file;
- a progress update is never reverted, only restored after a deletion, as it
  was when deleted: the last version of a deleted update keeps its file.

So a file replaced or removed on a progress update is deleted as soon as the
change is committed; an action's old files stay while its history names them;
a deleted record's file stays so that a restore brings it back whole. Files
nothing needs any more (an upload whose transaction failed, a restore over
older files, a pruned history) are removed by ``manage.py prune_evidence``.

The immediate deletion hangs on the models' save and delete signals: the
workspace, the admin, the services and shell sessions all save through them.
"""

import os
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from recommendations.models import ImplementationAction, ProgressUpdate

FIELD = "evidence_file"
EVIDENCE_DIRECTORY = "evidence"


def _name(value) -> str:
    return (getattr(value, "name", value) or "") if value is not None else ""


def needed_names() -> set[str]:
    """Every stored file name some record needs (see the module's docstring)."""
    names: set[str | None] = set()
    for records in (
        ImplementationAction.objects.all(),
        ProgressUpdate.objects.all(),
        ImplementationAction.history.all(),
        _restorable_update_versions(),
    ):
        names.update(records.exclude(**{FIELD: ""}).values_list(FIELD, flat=True).distinct())
    return {name for name in names if name is not None}


def _restorable_update_versions():
    return ProgressUpdate.history.filter(history_type="-").exclude(
        id__in=ProgressUpdate.objects.values("pk")
    )


def is_needed(name: str) -> bool:
    """Whether some record needs the file ``name``."""
    return any(
        records.filter(**{FIELD: name}).exists()
        for records in (
            ImplementationAction.objects.all(),
            ProgressUpdate.objects.all(),
            ImplementationAction.history.all(),
            _restorable_update_versions(),
        )
    )


def evidence_file_release(name: str) -> bool:
    """Delete the stored file ``name`` unless some record needs it; whether it was deleted."""
    if not name or is_needed(name) or not default_storage.exists(name):
        return False
    default_storage.delete(name)
    return True


def _storage_location() -> str:
    """The folder of the default storage: pruning walks the files on disk."""
    if not isinstance(default_storage, FileSystemStorage):
        raise ImproperlyConfigured(
            "Pruning evidence walks the folder of a FileSystemStorage; the default storage "
            f"is a {type(default_storage).__name__}."
        )
    return os.fspath(default_storage.location)


def evidence_prune(*, older_than: timedelta, dry_run: bool = False) -> list[str]:
    """Delete the files under MEDIA_ROOT/evidence/ that no record needs and that
    were last written more than ``older_than`` ago (a newer one may belong to an
    upload whose record is not committed yet). Returns their names."""
    location = _storage_location()
    root = os.path.join(location, EVIDENCE_DIRECTORY)
    needed = needed_names()
    cutoff = (timezone.now() - older_than).timestamp()
    removed = []
    for directory, _, files in os.walk(root):
        for file_name in files:
            path = os.path.join(directory, file_name)
            name = os.path.relpath(path, location).replace(os.sep, "/")
            if name in needed or os.stat(path).st_mtime > cutoff:
                continue
            if not dry_run:
                os.remove(path)
            removed.append(name)
    return sorted(removed)


def _remember_loaded_name(sender, instance, **kwargs):
    if FIELD in instance.__dict__:
        instance._evidence_loaded = _name(instance.__dict__[FIELD])


def _release_replaced(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_evidence_loaded", "")
    now = _name(instance.__dict__.get(FIELD))
    instance._evidence_loaded = now
    if raw or not before or before == now:
        return
    transaction.on_commit(lambda: evidence_file_release(before))


def _release_deleted(sender, instance, **kwargs):
    name = _name(instance.__dict__.get(FIELD))
    if name:
        transaction.on_commit(lambda: evidence_file_release(name))


def connect_signals():
    for model in (ImplementationAction, ProgressUpdate):
        uid = f"evidence_{model._meta.model_name}"
        post_init.connect(_remember_loaded_name, sender=model, dispatch_uid=uid)
        post_save.connect(_release_replaced, sender=model, dispatch_uid=uid)
        post_delete.connect(_release_deleted, sender=model, dispatch_uid=uid)
