"""Evidence uploads: checked for size, type and content; stored outside the static
tree; served only to those who may read what they belong to."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from recommendations.models import ImplementationAction
from tests.world import publish_every_review

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = office_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = office_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def report(client, recommendation, upload):
    return client.post(
        f"/workspace/recommendations/{recommendation.pk}/updates/new/",
        {
            "status": "in_progress",
            "assessed_on": "2024-04-01",
            "narrative": "Evidence attached.",
            "evidence_file": upload,
            "intent": "draft",
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", PDF), ("photo.png", PNG), ("plan.docx", DOCX), ("minutes.odt", ODT)],
)
def test_accepted_files_are_stored_under_the_media_root_not_the_static_tree(world, name, content):
    response = report(
        world.client("justice"), world.justice_recommendation, SimpleUploadedFile(name, content)
    )

    assert response.status_code == 302
    stored = world.justice_recommendation.progress_updates.latest("id").evidence_file
    path = Path(stored.path)
    assert path.read_bytes() == content
    assert path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.BASE_DIR) / "static")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "Files of type “exe” are not accepted."),
        ("report.pdf", b"MZ\x90\x00 a program renamed", "is not a PDF document"),
        ("photo.png", PDF, "is not a PNG document"),
        ("plan.docx", office_zip({"other.xml": b"<x/>"}), "is not a DOCX document"),
        ("minutes.odt", DOCX, "is not a ODT document"),
        ("page.svg", b"<svg onload='alert(1)'/>", "Files of type “svg” are not accepted."),
    ],
)
def test_files_of_other_types_or_disguised_are_refused_with_a_reason(world, name, content, message):
    response = report(
        world.client("justice"), world.justice_recommendation, SimpleUploadedFile(name, content)
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["evidence_file"])
    assert "choose the evidence file again" in response.content.decode()
    assert "Evidence attached." in response.content.decode()
    assert world.justice_recommendation.progress_updates.count() == 2


def test_files_over_the_configured_size_are_refused(world, settings):
    settings.UPR_UPLOAD_MAX_BYTES = 1024

    response = report(
        world.client("justice"),
        world.justice_recommendation,
        SimpleUploadedFile("big.pdf", PDF + b"0" * 2000),
    )

    assert "the largest accepted is 1.0\xa0KB" in " ".join(
        response.context["form"].errors["evidence_file"]
    )


def test_the_accepted_types_are_configurable(world, settings):
    settings.UPR_UPLOAD_ALLOWED_TYPES = ["png"]

    response = report(
        world.client("justice"), world.justice_recommendation, SimpleUploadedFile("r.pdf", PDF)
    )

    assert "Accepted: PNG." in " ".join(response.context["form"].errors["evidence_file"])


def test_an_action_takes_a_file_too(world):
    world.client("justice").post(
        f"/workspace/recommendations/{world.justice_recommendation.pk}/actions/new/",
        {
            "title": "Seminar",
            "status": "completed",
            "evidence_file": SimpleUploadedFile("agenda.pdf", PDF),
        },
    )

    action = ImplementationAction.objects.get(title="Seminar")
    assert Path(action.evidence_file.path).read_bytes() == PDF


def test_a_document_is_downloaded_never_shown_or_sniffed(world):
    world.justice_draft.evidence_file.save("decree.pdf", ContentFile(PDF))

    response = world.client("justice").get(f"/workspace/evidence/update/{world.justice_draft.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="decree' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_image_is_shown_in_the_browser_in_a_sandbox(world):
    world.justice_action.evidence_file.save("photo.png", ContentFile(PNG))

    response = world.client("adviser").get(f"/workspace/evidence/action/{world.justice_action.pk}/")

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert "sandbox" in response["Content-Security-Policy"]


def test_interior_cannot_download_the_file_of_a_justice_draft(world):
    world.justice_draft.evidence_file.save("decree.pdf", ContentFile(PDF))

    response = world.client("interior").get(f"/workspace/evidence/update/{world.justice_draft.pk}/")

    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_a_validated_updates_file_is_public_once_its_review_is_published_and_it_is_marked_public(
    world,
):
    world.justice_validated.evidence_file.save("decree.pdf", ContentFile(PDF))
    url = f"/workspace/evidence/update/{world.justice_validated.pk}/"

    unpublished = world.client("anonymous").get(url)
    publish_every_review()
    internal = world.client("anonymous").get(url)
    world.justice_validated.evidence_is_public = True
    world.justice_validated.save()
    public = world.client("anonymous").get(url)

    assert unpublished.status_code == 302
    assert internal.status_code == 404
    assert public.status_code == 200
    assert world.client("adviser").get(url).status_code == 200


def test_an_update_without_a_file_has_nothing_to_serve(world):
    response = world.client("justice").get(f"/workspace/evidence/update/{world.justice_draft.pk}/")

    assert response.status_code == 404


def test_the_edit_form_links_the_stored_file_through_the_checking_view(world):
    world.justice_draft.evidence_file.save("decree.pdf", ContentFile(PDF))

    html = (
        world.client("justice")
        .get(f"/workspace/updates/{world.justice_draft.pk}/edit/")
        .content.decode()
    )

    assert f'href="/workspace/evidence/update/{world.justice_draft.pk}/"' in html
    assert "/evidence/evidence/" not in html
    assert "Remove the current file" in html


def test_removing_the_file_keeps_its_name_in_the_history(world):
    """(The file itself goes once the change is committed: test_evidence_retention.py.)"""
    world.justice_draft.evidence_file.save("decree.pdf", ContentFile(PDF))
    name = world.justice_draft.evidence_file.name

    world.client("justice").post(
        f"/workspace/updates/{world.justice_draft.pk}/edit/",
        {
            "status": "in_progress",
            "assessed_on": "2024-03-01",
            "narrative": "No file after all.",
            "evidence_file-clear": "on",
            "intent": "draft",
        },
    )

    world.justice_draft.refresh_from_db()
    assert not world.justice_draft.evidence_file
    assert world.justice_draft.history.filter(evidence_file=name).exists()
