"""A process killed (SIGKILL, no chance to clean up) in the middle of an import or
of a bulk validation leaves nothing half-written: the import is all or nothing,
and each update of a bulk validation is validated wholly (state, reviewer,
time, history, the recommendation's change time) or not at all. Against the
suite's own database, a file for SQLite, or PostgreSQL."""

import csv
import io
import os
import signal
import subprocess
import sys
from datetime import date

import pytest

from recommendations.models import ProgressUpdate, Recommendation, Role
from tests.factories import (
    InstitutionFactory,
    RecommendationFactory,
    StateFactory,
    UserFactory,
    coordinator,
)
from tests.servers import ROOT, environment, url_of_test_database

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = 3000


def big_import_file(path):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["State under review", "Mechanism", "Cycle", "Reference", "Text", "Position"])
    for number in range(1, ROWS + 1):
        writer.writerow(
            ["BLR", "UPR", "1", f"{100 + number // 100}.{number % 100 + 1}",
             f"Generated recommendation number {number}", "supported"]
        )  # fmt: skip
    path.write_text(buffer.getvalue())


def run_until(command, marker, env):
    """Start ``command``, kill it with SIGKILL as soon as it prints ``marker``
    (on either stream), and return what it printed."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen = []
    for line in process.stdout:
        seen.append(line)
        if marker in line:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL, "".join(seen)
    return "".join(seen)


def test_an_import_killed_while_writing_leaves_nothing(tmp_path):
    StateFactory(iso3="BLR", name="Belarus")
    source = tmp_path / "big.csv"
    big_import_file(source)
    env = environment(DATABASE_URL=url_of_test_database())

    printed = run_until(
        [sys.executable, "manage.py", "import_recommendations", str(source)], "writing:", env
    )

    assert "validating: 3000/3000 rows" in printed
    assert Recommendation.objects.count() == 0
    assert Recommendation.history.count() == 0


VALIDATE_ALL = """
import django
django.setup()
from django.contrib.auth.models import User
from django.db.models.signals import post_save
from django.test import Client
from recommendations.models import ProgressUpdate

validated = 0

def report(sender, instance, **kwargs):
    global validated
    if instance.workflow_state == "validated":
        validated += 1
        print(f"validated {validated}", flush=True)

post_save.connect(report, sender=ProgressUpdate)
client = Client()
client.force_login(User.objects.get(username="coordinator"))
submitted = ProgressUpdate.objects.filter(workflow_state="submitted").values_list("pk", flat=True)
client.post("/workspace/queue/", {"decision": "validate", "updates": list(submitted)})
"""


def test_a_bulk_validation_killed_midway_validates_each_update_wholly_or_not_at_all():
    ministry = InstitutionFactory()
    officer = UserFactory(username="justice", role=Role.MINISTRY, role__institution=ministry)
    coordinator()
    recommendations = [RecommendationFactory(reference=f"97.{n}") for n in range(40)]
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            recommendation=recommendation,
            institution=ministry,
            author=officer,
            status="implemented",
            assessed_on=date(2014, 5, 1),
            narrative="Submitted for validation",
            workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
        )
        for recommendation in recommendations
    )
    env = environment(DATABASE_URL=url_of_test_database(), ALLOWED_HOSTS="testserver")

    run_until([sys.executable, "-c", VALIDATE_ALL], "validated 10\n", env)

    updates = list(ProgressUpdate.objects.select_related("recommendation"))
    validated = [u for u in updates if u.workflow_state == "validated"]
    assert 9 <= len(validated) < len(updates)
    for update in updates:
        versions = update.history.filter(workflow_state="validated")
        if update.workflow_state == "validated":
            assert update.reviewed_by.username == "coordinator" and update.reviewed_at
            assert update.recommendation.updated_at == update.reviewed_at
            assert versions.count() == 1
        else:
            assert update.workflow_state == "submitted"
            assert update.reviewed_by is None and update.reviewed_at is None
            assert not versions.exists()
