"""Backups of the whole tracker, portable between SQLite and PostgreSQL: one
``.tar.gz`` holding

- ``data.jsonl``: every row of every model (history, login records and the
  admin's log included), as Django's ``dumpdata`` writes it (times to the
  microsecond: ``operations.serialization``), one object per
  line with references to users, content types and permissions by natural
  key, streamed to disk, never held in memory;
- ``media/…``: every file under MEDIA_ROOT (the evidence);
- ``manifest.json``: the format, when and from which database, the applied
  migrations, and the SHA-256 and size of every other member.

Left out: content types and permissions (``migrate`` creates them; the data
refers to them by name) and sessions (a restore signs everybody out).

``backup_create`` reads the database in one transaction, a consistent
snapshot (without blocking writers: a deferred read on SQLite's write-ahead
log, REPEATABLE READ on PostgreSQL). ``backup_restore`` checks the archive
completely (members, sizes, checksums, migrations) before it touches
anything, then replaces the data in one transaction: when anything fails,
the database is as it was.
"""

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from . import serialization

serializers.register_serializer(serialization.FORMAT, "operations.serialization")

FORMAT = 1
DATA = "data.jsonl"
MANIFEST = "manifest.json"
MEDIA = "media"
LEFT_OUT = ["contenttypes", "auth.permission", "sessions"]
# Rows `migrate` itself writes: a database holding only these is empty.
INSTALLED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group"}
CHUNK = 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def applied_migrations(using=DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(applied.items())}


@contextmanager
def _snapshot(using):
    """One read transaction that sees the database as it was when it began."""
    connection = connections[using]
    connection.ensure_connection()
    outermost = not connection.in_atomic_block
    if outermost and connection.vendor == "sqlite":
        # SQLite's transaction_mode (Django 5.1) is missing from django-stubs.
        mode, connection.transaction_mode = connection.transaction_mode, "DEFERRED"  # type: ignore[attr-defined]
        try:
            with transaction.atomic(using=using):
                yield
        finally:
            connection.transaction_mode = mode  # type: ignore[attr-defined]
        return
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def backup_create(output: Path, *, using=DEFAULT_DB_ALIAS) -> dict:
    """Write a backup of the database ``using`` and of MEDIA_ROOT to ``output``
    (readable by its owner only; written to a temporary name first, so that a
    failed backup never leaves a truncated file under the final name). Returns
    the manifest."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".backup-") as work:
        data = Path(work, DATA)
        with _snapshot(using):
            migrations = applied_migrations(using)
            call_command(
                "dumpdata",
                format=serialization.FORMAT,
                exclude=LEFT_OUT,
                natural_foreign=True,
                database=using,
                output=str(data),
                verbosity=0,
            )
        members = {DATA: data}
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file():
                    members[f"{MEDIA}/{path.relative_to(media_root).as_posix()}"] = path
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": connections[using].vendor,
            "migrations": migrations,
            "files": {
                name: {"sha256": _sha256(path), "size": path.stat().st_size}
                for name, path in members.items()
            },
        }
        manifest_path = Path(work, MANIFEST)
        manifest_path.write_text(json.dumps(manifest, indent=1))
        partial = Path(work, "backup.tar.gz")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(manifest_path, arcname=MANIFEST)
            for name, path in members.items():
                tar.add(path, arcname=name)
        os.replace(partial, output)
    return manifest


def _extract_checked(archive: Path, into: Path) -> dict:
    """Extract ``archive`` into ``into`` and return its manifest, or raise
    ValidationError unless every member is listed, present and intact."""
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            tar.extractall(into, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise ValidationError(f"{archive} is not a readable backup: {error}") from error
    try:
        manifest = json.loads(Path(into, MANIFEST).read_text())
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(f"{archive} has no valid {MANIFEST}.") from error
    if manifest.get("format") != FORMAT:
        raise ValidationError(f"{archive} is a backup of format {manifest.get('format')!r}.")
    present = {
        path.relative_to(into).as_posix()
        for path in Path(into).rglob("*")
        if path.is_file() and path.name != MANIFEST
    }
    problems = [f"missing: {name}" for name in sorted(set(files) - present)]
    problems += [f"not in the manifest: {name}" for name in sorted(present - set(files))]
    for name in sorted(set(files) & present):
        path = Path(into, name)
        if path.stat().st_size != files[name]["size"] or _sha256(path) != files[name]["sha256"]:
            problems.append(f"checksum differs: {name}")
    if DATA not in files:
        problems.append(f"missing: {DATA}")
    if problems:
        raise ValidationError(f"{archive} is damaged; nothing was restored. " + "; ".join(problems))
    return manifest


def _tables_with_data(using) -> list[str]:
    """The models whose tables hold rows (other than those `migrate` writes)."""
    return [
        model._meta.label
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower not in INSTALLED_BY_MIGRATE
        and model._meta.label_lower != "auth.group_permissions"
        and model._meta.label_lower != "sessions.session"
        and model._meta.managed
        and model._base_manager.using(using).exists()
    ]


def database_clear(*, using=DEFAULT_DB_ALIAS):
    """Delete every row but content types' and permissions' (in the caller's
    transaction), leaving the database as `migrate` made it, but for the roles
    a restore brings back with the rest."""
    connection = connections[using]
    tables = [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and model._meta.label_lower not in {"contenttypes.contenttype", "auth.permission"}
    ]
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses tables with foreign-key checks still pending in this
            # transaction: run them now, and defer them again for the load.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def _history_not_recorded():
    """The history comes back as it was: loading must not add to it (simple_history
    records many-to-many changes even of a raw load)."""
    missing = object()
    before = getattr(settings, "SIMPLE_HISTORY_ENABLED", missing)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        if before is missing:
            # simple_history's own setting, unknown to the plugin, which reads our settings.
            del settings.SIMPLE_HISTORY_ENABLED  # type: ignore[misc]
        else:
            settings.SIMPLE_HISTORY_ENABLED = before


def backup_restore(archive: Path, *, force: bool = False, using=DEFAULT_DB_ALIAS) -> dict:
    """Restore ``archive`` into the database ``using`` and MEDIA_ROOT.

    The database must be migrated exactly as the backup's was (``migrate``
    first) and hold no data unless ``force``, which replaces what it holds.
    Raises ValidationError before changing anything when the archive is damaged
    or does not fit; a failure while loading leaves the database as it was
    (files already in place are harmless: ``prune_evidence`` removes those no
    record needs). Returns the manifest.
    """
    archive = Path(archive)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as work:
        manifest = _extract_checked(archive, Path(work))
        if manifest["migrations"] != applied_migrations(using):
            raise ValidationError(
                "The database is not migrated as the backup's was; nothing was restored. "
                "Run `manage.py migrate` (to the backup's migrations) first."
            )
        with transaction.atomic(using=using):
            occupied = _tables_with_data(using)
            if occupied and not force:
                raise ValidationError(
                    f"The database already holds data ({', '.join(occupied[:5])}…); nothing "
                    "was restored. Restore into an empty database, or use --force to "
                    "replace its data."
                )
            database_clear(using=using)
            try:
                with _history_not_recorded():
                    call_command(
                        "loaddata",
                        str(Path(work, DATA)),
                        format=serialization.FORMAT,
                        database=using,
                        verbosity=0,
                    )
            except Exception as error:
                raise ValidationError(
                    f"The backup's data could not be loaded; nothing was restored. ({error})"
                ) from error
            for name in manifest["files"]:
                if name.startswith(f"{MEDIA}/"):
                    target = media_root / name.removeprefix(f"{MEDIA}/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(Path(work, name), target)
    return manifest
