"""A replaced or deleted evidence file does not stay on disk unless a record
needs it: a progress update's replaced or removed file goes when the change is
committed (no door brings an update's old version back); an action's old files
stay while its history names them (the admin's Revert brings them back); a
deleted record's file stays so that a restore brings it back whole; and
`prune_evidence` deletes whatever file nothing needs."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from recommendations import services
from recommendations.models import ProgressUpdate

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
DAY = 24 * 3600


def on_disk(name) -> bool:
    return Path(settings.MEDIA_ROOT, name).exists()


def make_old(name):
    path = Path(settings.MEDIA_ROOT, name)
    os.utime(path, (time.time() - 2 * DAY, time.time() - 2 * DAY))


def edit_update(world, **fields):
    return world.client("justice").post(
        f"/workspace/updates/{world.justice_draft.pk}/edit/",
        {
            "status": "in_progress",
            "assessed_on": "2024-03-01",
            "narrative": "Evidence corrected.",
            "intent": "draft",
            **fields,
        },
    )


def test_a_progress_updates_replaced_file_is_deleted_once_the_change_is_committed(
    world, django_capture_on_commit_callbacks
):
    world.justice_draft.evidence_file.save("wrong.pdf", ContentFile(PDF))
    old = world.justice_draft.evidence_file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = edit_update(world, evidence_file=SimpleUploadedFile("right.pdf", PDF))

    world.justice_draft.refresh_from_db()
    assert response.status_code == 302
    assert not on_disk(old)
    assert on_disk(world.justice_draft.evidence_file.name)
    assert world.justice_draft.history.filter(evidence_file=old).exists()  # the name is kept


def test_a_progress_updates_removed_file_is_deleted_too(world, django_capture_on_commit_callbacks):
    world.justice_draft.evidence_file.save("wrong.pdf", ContentFile(PDF))
    old = world.justice_draft.evidence_file.name

    with django_capture_on_commit_callbacks(execute=True):
        edit_update(world, **{"evidence_file-clear": "on"})

    assert not on_disk(old)


def test_an_actions_replaced_file_stays_while_its_history_can_bring_it_back(
    world, django_capture_on_commit_callbacks
):
    action = world.justice_action
    action.evidence_file.save("first.pdf", ContentFile(PDF))
    old = action.evidence_file.name

    with django_capture_on_commit_callbacks(execute=True):
        services.implementation_action_edit(
            user=world.users["justice"],
            action=action,
            evidence_file=ContentFile(PDF, name="second.pdf"),
        )

    assert on_disk(old) and on_disk(action.evidence_file.name)


def test_a_deleted_updates_file_stays_and_comes_back_with_the_restored_update(
    world, django_capture_on_commit_callbacks
):
    update = world.justice_draft
    update.evidence_file.save("decree.pdf", ContentFile(PDF))
    name, pk = update.evidence_file.name, update.pk

    with django_capture_on_commit_callbacks(execute=True):
        update.delete()
    call_command("prune_evidence", "--min-age-hours", "0", stdout=StringIO())
    services.deleted_record_restore(
        user=world.users["coordinator"], model=ProgressUpdate, object_id=pk
    )
    served = world.client("justice").get(f"/workspace/evidence/update/{pk}/")

    assert on_disk(name)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF


def test_prune_evidence_deletes_the_files_nothing_needs_and_only_those(world):
    world.justice_draft.evidence_file.save("kept.pdf", ContentFile(PDF))
    kept = world.justice_draft.evidence_file.name
    orphans = [f"evidence/updates/2024/failed-upload-{n}.pdf" for n in range(2)]
    for orphan in orphans:
        Path(settings.MEDIA_ROOT, orphan).parent.mkdir(parents=True, exist_ok=True)
        Path(settings.MEDIA_ROOT, orphan).write_bytes(PDF)
    for name in (kept, orphans[0]):
        make_old(name)
    output = StringIO()

    call_command("prune_evidence", stdout=output)

    assert not on_disk(orphans[0])
    assert on_disk(orphans[1])  # written within the last day: its upload may be under way
    assert on_disk(kept)
    assert f"Deleted {orphans[0]}" in output.getvalue()
    assert "1 unneeded evidence file(s) deleted." in output.getvalue()


def test_prune_evidence_dry_run_deletes_nothing(world):
    orphan = "evidence/actions/2024/orphan.pdf"
    Path(settings.MEDIA_ROOT, orphan).parent.mkdir(parents=True, exist_ok=True)
    Path(settings.MEDIA_ROOT, orphan).write_bytes(PDF)
    make_old(orphan)
    output = StringIO()

    call_command("prune_evidence", "--dry-run", stdout=output)

    assert on_disk(orphan)
    assert f"Would delete {orphan}" in output.getvalue()
