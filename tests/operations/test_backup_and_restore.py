"""`manage.py backup` and `manage.py restore`: a populated tracker (the demo, with
evidence files) survives a round trip through an archive exactly: every row of
every model, history included, and every file byte for byte. A restore checks
the archive first, refuses a database that holds data (unless --force), and
changes nothing when anything fails."""

import hashlib
import io
import json
import shutil
import stat
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from operations.backups import database_clear
from recommendations.models import ImplementationAction, ProgressUpdate

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
NOT_BACKED_UP = {"sessions.session"}


def rows_of(model) -> list[dict]:
    rows = model._base_manager.order_by("pk").values()
    if model._meta.auto_created:
        # A many-to-many link is its two ends; its own id is not data (a restore
        # numbers the links anew).
        return sorted(sorted({k: v for k, v in row.items() if k != "id"}.items()) for row in rows)
    return list(rows)


def every_row() -> dict[str, list]:
    return {
        model._meta.label_lower: rows_of(model)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower not in NOT_BACKED_UP
    }


def every_file() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def tracker(demo):
    """The demo with evidence files on an action and two progress updates."""
    ImplementationAction.objects.first().evidence_file.save("decree.pdf", ContentFile(PDF))
    for number, update in enumerate(ProgressUpdate.objects.all()[:2]):
        update.evidence_file.save(f"report-{number}.pdf", ContentFile(PDF + bytes([number])))
    return demo


@pytest.fixture
def archive(tracker, tmp_path):
    path = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(path), stdout=io.StringIO())
    return path


def wipe_everything():
    """A lost disk: the database as `migrate` leaves it, no files."""
    database_clear()
    shutil.rmtree(settings.MEDIA_ROOT)


def rewrite(archive: Path, change) -> Path:
    """A copy of ``archive`` whose members ``change(name, content)`` may alter."""
    copy = archive.with_name("changed.tar.gz")
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            content = change(member.name, source.extractfile(member).read())
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    return copy


def test_a_round_trip_brings_back_every_row_and_every_file_exactly(tracker, archive):
    rows, files = every_row(), every_file()
    assert rows["recommendations.historicalprogressupdate"] and len(files) == 3
    wipe_everything()
    assert every_file() == {} and not ProgressUpdate.objects.exists()

    output = io.StringIO()
    call_command("restore", str(archive), stdout=output)

    assert "Restored" in output.getvalue()
    restored = every_row()
    for label, before in rows.items():
        assert restored[label] == before, label
    assert every_file() == files


def test_the_archive_is_readable_by_its_owner_only_and_lists_every_file_with_its_checksum(
    archive,
):
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = set(tar.getnames())
    assert set(manifest["files"]) | {"manifest.json"} == names
    assert "recommendations" in manifest["migrations"]
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())


def test_a_database_holding_data_is_refused_unless_forced(tracker, archive):
    rows = every_row()
    ProgressUpdate.objects.update(narrative="Changed after the backup")

    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(archive))
    assert ProgressUpdate.objects.filter(narrative="Changed after the backup").exists()

    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert every_row() == rows


def test_a_damaged_archive_is_refused_before_anything_changes(tracker, archive):
    damaged = rewrite(
        archive, lambda name, content: content + b"x" if name.startswith("media/") else content
    )
    wipe_everything()

    with pytest.raises(CommandError, match="checksum differs: media/"):
        call_command("restore", str(damaged))

    assert not ProgressUpdate.objects.exists()
    assert every_file() == {}


def test_a_failure_while_loading_leaves_the_database_as_it_was(tracker, archive):
    def break_one_row(name, content):
        if name != "data.jsonl":
            return content
        lines = content.splitlines()
        row = json.loads(lines[-1])
        row["model"] = "recommendations.nosuchmodel"
        return b"\n".join([*lines[:-1], json.dumps(row).encode()]) + b"\n"

    def with_true_checksums(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        with tarfile.open(broken) as tar:
            data = tar.extractfile("data.jsonl").read()
        manifest["files"]["data.jsonl"] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
        return json.dumps(manifest).encode()

    broken = rewrite(archive, break_one_row)
    broken = broken.rename(broken.with_name("broken.tar.gz"))
    consistent = rewrite(broken, with_true_checksums)
    rows = every_row()

    with pytest.raises(CommandError, match="could not be loaded; nothing was restored"):
        call_command("restore", str(consistent), "--force")

    assert every_row() == rows


def test_a_database_migrated_differently_is_refused(tracker, archive):
    def older(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        manifest["migrations"]["recommendations"].pop()
        return json.dumps(manifest).encode()

    wipe_everything()

    with pytest.raises(CommandError, match="not migrated as the backup"):
        call_command("restore", str(rewrite(archive, older)))
    assert not ProgressUpdate.objects.exists()
