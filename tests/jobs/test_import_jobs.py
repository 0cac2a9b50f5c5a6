"""The admin's upload as background jobs: the check and the import record their progress
and their outcome, import what the synchronous import imports, and leave the data as it was
when they fail. (The tests' tasks backend runs a job as it is started.)"""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jobs import progress
from jobs.models import Job
from recommendations.importing import pending_uploads
from recommendations.importing.saving import RecommendationWriter
from recommendations.importing.service import import_recommendations
from recommendations.models import Recommendation
from tests.factories import coordinator
from tests.importing.files import database_state, tracker_file, tracker_rows
from tests.importing.shared_data import upr_info_export

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:recommendations_recommendation_import")
ANGOLA = {"format": "upr-info", "state": "AGO", "cycle": "2", "mechanism": "UPR", "encoding": ""}
TRACKER = {"format": "tracker", "state": "", "cycle": "", "mechanism": "UPR", "encoding": ""}


@pytest.fixture
def starter(db):
    return coordinator()


@pytest.fixture
def coordinator_client(client, starter):
    client.force_login(starter)
    return client


def upload(client, data, name, fields):
    return client.post(UPLOAD, {**fields, "file": SimpleUploadedFile(name, data)}, follow=True)


def confirm(client, job):
    url = reverse(
        "admin:recommendations_recommendation_import_confirm", args=[job.arguments["token"]]
    )
    return client.post(url, follow=True)


def stored_uploads():
    try:
        return default_storage.listdir(pending_uploads.FOLDER)[1]
    except FileNotFoundError:
        return []


def test_the_check_and_the_import_are_jobs_with_their_progress_and_outcome(coordinator_client):
    preview = upload(coordinator_client, upr_info_export("17-20.csv"), "17-20.csv", ANGOLA)

    check = Job.objects.get(kind=Job.Kind.IMPORT_CHECK)
    assert preview.redirect_chain == [(f"{UPLOAD}job/{check.pk}/", 302)]
    assert (check.state, check.label) == ("done", "17-20.csv")
    assert check.started_by.username == "coordinator"
    # The last report: every row of the file compared (those of other states skipped).
    assert (check.progress_message, check.progress_done, check.progress_total) == (
        "Comparing with the tracker: 7,984 of 7,984",
        7984,
        7984,
    )
    assert check.summary == "224 would be created, 0 would be updated, 0 unchanged"
    assert check.outcome["created"] == 224
    assert check.started_at and check.finished_at and check.task_result_id

    imported = confirm(coordinator_client, check)

    job = Job.objects.get(kind=Job.Kind.IMPORT)
    assert imported.redirect_chain == [(f"{UPLOAD}job/{job.pk}/", 302)]
    assert job.state == "done" and job.summary == "224 created, 0 updated, 0 unchanged"
    assert job.progress_message == "Saving: 7,984 of 7,984"
    assert "Imported 17-20.csv: 224 created, 0 updated, 0 unchanged." in imported.content.decode()
    assert stored_uploads() == []  # the file went with its import
    assert not default_storage.exists(f"{progress.FOLDER}/{job.pk}.json")


def test_an_import_job_imports_what_the_synchronous_import_imports(coordinator_client):
    data = upr_info_export("17-20.csv")
    confirm(coordinator_client, _checked(coordinator_client, data))
    by_job = database_state()

    again = import_recommendations(
        data=data, filename="17-20.csv", format="upr-info", state_iso3="AGO", cycle=2
    )

    assert (again.created, again.updated, again.unchanged) == (0, 0, 224)
    assert database_state() == by_job
    assert Recommendation.objects.count() == 224


def _checked(client, data):
    upload(client, data, "17-20.csv", ANGOLA)
    return Job.objects.get(kind=Job.Kind.IMPORT_CHECK)


def test_a_running_job_shows_its_live_progress_and_renews_itself(coordinator_client, starter):
    job = Job.objects.create(
        kind=Job.Kind.IMPORT,
        label="41000-rows.csv",
        started_by=starter,
        state=Job.State.RUNNING,
        arguments={"token": "t", "dry_run": False},
    )
    progress.report(job.pk, progress.Progress("Saving: 12,500 of 41,000", 12500, 41000))

    page = coordinator_client.get(f"{UPLOAD}job/{job.pk}/")

    html = page.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "Saving: 12,500 of 41,000" in html
    assert '<progress max="41000" value="12500">30%</progress>' in html
    assert 'enctype="multipart/form-data"' not in html  # no second upload meanwhile


def test_a_queued_job_says_it_waits_for_a_worker(coordinator_client, starter):
    job = Job.objects.create(kind=Job.Kind.IMPORT_CHECK, label="big.csv", started_by=starter)

    page = coordinator_client.get(f"{UPLOAD}job/{job.pk}/")

    assert "Waiting for a worker to start it" in page.content.decode()


def test_a_failed_import_says_why_in_plain_words_and_leaves_the_data_as_it_was(
    coordinator_client, monkeypatch
):
    rows = tracker_rows(3)
    data = tracker_file(rows)
    upload(coordinator_client, data, "three.csv", TRACKER)
    check = Job.objects.get(kind=Job.Kind.IMPORT_CHECK)
    before = database_state()

    def disk_full(writer):
        raise OSError("No space left on device")

    monkeypatch.setattr(RecommendationWriter, "flush", disk_full)
    page = confirm(coordinator_client, check)

    job = Job.objects.get(kind=Job.Kind.IMPORT)
    assert job.state == "failed" and job.finished_at is not None
    html = page.content.decode()
    assert "The import of three.csv stopped" in html
    assert "It stopped on an unexpected error (OSError)." in html
    assert "Nothing was imported." in html
    assert database_state() == before
    assert stored_uploads() == []


def test_a_check_that_finds_problems_keeps_no_file(coordinator_client):
    rows = tracker_rows(2)
    rows[1]["Position"] = "Perhaps"

    page = upload(coordinator_client, tracker_file(rows), "bad.csv", TRACKER)

    assert "1 problem in bad.csv: nothing was imported" in page.content.decode()
    assert Job.objects.get().summary == "1 problem(s) in bad.csv: nothing was imported"
    assert stored_uploads() == []


def test_a_job_whose_file_is_gone_fails_with_a_reason(coordinator_client):
    upload(coordinator_client, tracker_file(tracker_rows(2)), "gone.csv", TRACKER)
    check = Job.objects.get()
    pending_uploads.delete(check.arguments["token"])
    job_page = f"{UPLOAD}job/{check.pk}/"

    # The preview no longer offers to confirm, and a confirmation finds nothing waiting.
    assert coordinator_client.get(job_page).context["token"] is None
    assert confirm(coordinator_client, check).redirect_chain[-1][0] == UPLOAD
    assert not Job.objects.filter(kind=Job.Kind.IMPORT).exists()
