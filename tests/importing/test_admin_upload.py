"""The admin's upload page: a coordinator previews a file, then confirms or cancels it.

The check and the import run as background jobs; the tests' tasks backend runs them as they
are started, so following the redirect to the job's page shows their outcome
(tests/jobs/ has the jobs themselves: progress, failures, who sees them, the worker)."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations.importing import pending_uploads
from recommendations.models import Recommendation, Role
from tests.factories import InstitutionFactory, UserFactory, coordinator

from .files import database_state, tracker_file, tracker_rows
from .shared_data import shared_data_dir, upr_info_export

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:recommendations_recommendation_import")
CHANGELIST = reverse("admin:recommendations_recommendation_changelist")


def upload(client, data, name="upload.csv", **fields):
    form = {"format": "tracker", "state": "", "cycle": "", "mechanism": "UPR", "encoding": ""}
    form.update(fields)
    return client.post(UPLOAD, {**form, "file": SimpleUploadedFile(name, data)}, follow=True)


def confirm_url(token):
    return reverse("admin:recommendations_recommendation_import_confirm", args=[token])


@pytest.fixture
def coordinator_client(client):
    client.force_login(coordinator())
    return client


def stored_uploads():
    try:
        return default_storage.listdir(pending_uploads.FOLDER)[1]
    except FileNotFoundError:
        return []


def test_the_list_offers_the_import_to_a_coordinator(coordinator_client):
    page = coordinator_client.get(CHANGELIST)

    assert 'href="/admin/recommendations/recommendation/import/"' in page.content.decode()


def test_a_coordinator_previews_then_confirms(coordinator_client):
    before = database_state()

    preview = upload(
        coordinator_client,
        upr_info_export("17-20.csv"),
        "17-20.csv",
        format="upr-info",
        state="AGO",
        cycle="2",
    )

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Preview of 17-20.csv" in html
    assert '<th scope="row">Created</th><td>224</td>' in html
    assert "UPR-Info.1" in html and "Promptly ratify and implement" in html
    assert database_state() == before  # nothing written by the preview
    token = preview.context["token"]
    assert stored_uploads() == [token]

    confirmed = coordinator_client.post(confirm_url(token), follow=True)

    assert confirmed.redirect_chain[0][0].startswith(f"{UPLOAD}job/")
    assert Recommendation.objects.filter(review__state_under_review__iso3="AGO").count() == 224
    assert stored_uploads() == []
    assert "Imported 17-20.csv: 224 created, 0 updated, 0 unchanged." in confirmed.content.decode()
    latest = Recommendation.history.latest()
    assert latest.history_change_reason == "Import of 17-20.csv by coordinator"


def test_a_word_document_is_read_as_a_thematic_list_whatever_the_format_chosen(
    coordinator_client,
):
    folder = shared_data_dir() / "ohchr-thematic-lists"
    data = (folder / "UPR48-Slovenia-thematic-list-of-recommendations.docx").read_bytes()

    preview = upload(
        coordinator_client, data, "slovenia.bin", format="tracker", state="SVN", cycle="4"
    )

    html = preview.content.decode()
    assert "Read as OHCHR's thematic list of recommendations (a Word document)" in html
    assert '<th scope="row">Created</th><td>254</td>' in html
    coordinator_client.post(confirm_url(preview.context["token"]))
    svn = Recommendation.objects.filter(review__state_under_review__iso3="SVN", review__cycle=4)
    assert svn.count() == 254


def test_the_preview_shows_the_fields_that_change(coordinator_client):
    rows = tracker_rows(3)
    upload_and_confirm(coordinator_client, tracker_file(rows))
    rows[1]["Position"] = "Noted"

    preview = upload(coordinator_client, tracker_file(rows), "corrected.csv")

    result = preview.context["result"]
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    html = preview.content.decode()
    assert "<td>position</td><td>Supported</td><td>Noted</td>" in html


def upload_and_confirm(client, data):
    token = upload(client, data).context["token"]
    client.post(confirm_url(token))


def test_a_cancelled_upload_writes_nothing_and_is_deleted(coordinator_client):
    before = database_state()
    token = upload(coordinator_client, tracker_file(tracker_rows(2))).context["token"]

    cancelled = coordinator_client.post(confirm_url(token), {"cancel": "Cancel"})

    assert cancelled.status_code == 302 and cancelled["Location"] == CHANGELIST
    assert database_state() == before
    assert stored_uploads() == []
    again = coordinator_client.post(confirm_url(token))
    assert again["Location"] == UPLOAD
    assert database_state() == before


def test_problems_are_listed_and_nothing_is_kept(coordinator_client):
    rows = tracker_rows(3)
    rows[2]["Position"] = "Perhaps"
    before = database_state()

    page = upload(coordinator_client, tracker_file(rows))

    html = page.content.decode()
    assert "1 problem in upload.csv: nothing was imported" in html
    assert (
        "<td>4</td><td>Position</td><td>&#x27;Perhaps&#x27; is not a known response word</td>"
        in html
    )
    assert page.context["token"] is None
    assert stored_uploads() == []
    assert database_state() == before


def test_a_zero_byte_upload_is_refused_with_a_reason(coordinator_client):
    page = upload(coordinator_client, b"")

    assert "the file is empty (0 bytes)" in page.content.decode()
    assert stored_uploads() == []


def test_a_token_of_another_session_is_not_found(coordinator_client, client):
    token = upload(coordinator_client, tracker_file(tracker_rows(2))).context["token"]
    other = client.__class__()
    other.force_login(coordinator(username="second coordinator"))
    before = database_state()

    response = other.post(confirm_url(token))

    assert response["Location"] == UPLOAD
    assert database_state() == before


def test_a_ministry_officer_is_refused(client):
    officer = UserFactory(role=Role.MINISTRY, role__institution=InstitutionFactory())
    client.force_login(officer)
    before = database_state()

    response = upload(client, tracker_file(tracker_rows(2)))

    assert response.redirect_chain[0][1] == 302
    assert "/admin/login/" in response.redirect_chain[0][0]
    assert database_state() == before


@pytest.mark.parametrize("role", [Role.ADVISER, Role.MINISTRY])
def test_staff_who_are_not_coordinators_are_refused(client, role):
    institution = InstitutionFactory() if role == Role.MINISTRY else None
    client.force_login(UserFactory(role=role, role__institution=institution, is_staff=True))
    before = database_state()

    response = client.post(UPLOAD, {"format": "tracker"})
    page = client.get(UPLOAD)
    listing = client.get(CHANGELIST)

    assert (response.status_code, page.status_code) == (403, 403)
    assert "Import from a file" not in listing.content.decode()
    assert database_state() == before
