"""The status report's Word document is written by a job and kept: one per review and
language as of the data's version, so readers (anonymous visitors of a published review
too) do not each start a build; a change to the data makes a new one. (The tests' tasks
backend runs a job as it is started: the first request already finds the document written;
tests/jobs/test_worker.py has the queue and its worker.)"""

import pytest
from django.urls import reverse

from jobs.models import Job
from recommendations.caching import statuses_changed
from recommendations.exporting import report_documents
from recommendations.models import Role
from tests.factories import ReviewCycleFactory, StateFactory, UserFactory
from tests.world import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return ReviewCycleFactory(state_under_review=StateFactory(iso3="BLR", name="Belarus"))


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.PARTNER))
    return client


def document_url(review):
    return reverse("review-status-report-docx", args=[review.pk])


def test_the_document_is_written_once_and_kept_for_the_next_reader(reader, review, client):
    first = reader.get(document_url(review))
    publish(review)
    second = client.__class__().get(document_url(review))  # an anonymous visitor

    job = Job.objects.get()
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.content == second.content == job.result_file.open("rb").read()
    name = "status-report-belarus-upr-cycle-1-2010.docx"
    assert second["Content-Disposition"] == f'attachment; filename="{name}"'
    assert (job.kind, job.label, job.state) == ("status-report", str(review), "done")
    assert job.progress_message == "Writing the document" and job.progress_done == 2


def test_a_change_to_the_figures_makes_a_new_document_and_the_old_one_goes(reader, review):
    reader.get(document_url(review))
    old = Job.objects.get()
    old_file = old.result_file.path

    statuses_changed()  # as a validated update does
    reader.get(document_url(review))

    new = Job.objects.get()
    assert new.pk != old.pk and new.key != old.key
    assert not (old.result_file.storage.exists(old_file))


def test_each_language_has_its_own_document(reader, review):
    reader.get(document_url(review))
    reader.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    reader.get(document_url(review))

    assert sorted(Job.objects.values_list("language", flat=True)) == ["en", "ru"]


def test_a_failed_document_says_why_and_the_next_request_tries_again(reader, review, monkeypatch):
    def broken(report):
        raise MemoryError

    monkeypatch.setattr(report_documents, "status_report_docx", broken)
    asked = reader.get(document_url(review))

    failed = Job.objects.get()
    assert asked["Location"] == f"/reviews/{review.pk}/status-report/document/{failed.pk}/"
    page = reader.get(asked["Location"]).content.decode()
    assert "The document could not be written" in page
    assert "It stopped on an unexpected error (MemoryError)." in page
    assert f'href="{document_url(review)}">Try again' in page

    monkeypatch.undo()
    again = reader.get(document_url(review))

    assert again.status_code == 200 and again.content.startswith(b"PK")
    assert Job.objects.filter(state="done").count() == 1


def test_a_document_job_is_shown_only_with_its_own_readable_review(reader, review, client):
    reader.get(document_url(review))
    job = Job.objects.get()
    other = ReviewCycleFactory()

    mismatched = reader.get(f"/reviews/{other.pk}/status-report/document/{job.pk}/")
    publish(other)  # a published review makes the site public, not this review
    anonymous = client.__class__().get(f"/reviews/{review.pk}/status-report/document/{job.pk}/")

    assert (mismatched.status_code, anonymous.status_code) == (404, 404)
