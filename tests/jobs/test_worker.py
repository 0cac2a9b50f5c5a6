"""The worker: with the database queue that `make run` and production use, a job waits
until `manage.py db_worker` runs it (scripts/with-worker.sh starts one beside the server)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from jobs.models import Job
from tests.factories import ReviewCycleFactory
from tests.world import publish

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_queued_document_waits_for_the_worker_which_writes_it(database_queue, client):
    review = ReviewCycleFactory()
    publish(review)
    document = reverse("review-status-report-docx", args=[review.pk])

    asked = client.get(document)

    job = Job.objects.get()
    assert asked["Location"] == f"/reviews/{review.pk}/status-report/document/{job.pk}/"
    waiting = client.get(asked["Location"]).content.decode()
    assert "Waiting for a worker to start it" in waiting
    assert '<meta http-equiv="refresh" content="3">' in waiting
    assert client.get(document)["Location"] == asked["Location"]  # the same job, not a second

    run_worker()

    job.refresh_from_db()
    assert job.state == "done" and job.result_file.name.endswith(".docx")
    done = client.get(asked["Location"]).content.decode()
    assert "Download the Word document (DOCX)" in done and "http-equiv" not in done
    downloaded = client.get(document)
    assert downloaded.status_code == 200
    assert downloaded.content == job.result_file.open("rb").read()


# Run by the command beside the worker: ask for a document, wait for the worker to write it.
ASK_AND_WAIT = """
import time
from jobs.models import Job
from recommendations.exporting.report_documents import document_job
from recommendations.models import Mechanism, ReviewCycle, State
review = ReviewCycle.objects.create(
    state_under_review=State.objects.create(iso3="AGO", name="Angola"),
    mechanism=Mechanism.objects.get(code="UPR"),
    cycle=2,
)
job = document_job(review, None)
for _ in range(300):
    job.refresh_from_db()
    if job.is_finished:
        break
    time.sleep(0.1)
print(job.state)
"""


def test_the_worker_script_runs_a_worker_beside_a_command_and_stops_it_after(tmp_path):
    """scripts/with-worker.sh, as `make run` and `make serve` use it: a worker runs the
    jobs the command queues, and is stopped (its whole process group) when the command ends."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "DEBUG": "false",
        "WORKER_PYTHON": sys.executable,
        "MEDIA_ROOT": str(tmp_path / "uploads"),
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--no-input", "-v0"], cwd=REPOSITORY, env=environment, check=True
    )
    command = [*manage, "shell", "--no-imports", "-c", ASK_AND_WAIT]

    finished = subprocess.run(
        ["scripts/with-worker.sh", "bash", "-c", 'echo "worker $WORKER_PID"; "$@"', "-", *command],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.split()
    assert lines[-1] == "done"
    worker = int(lines[1])
    assert not Path(f"/proc/{worker}").exists() or _is_zombie(worker)


def _is_zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
