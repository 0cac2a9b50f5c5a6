"""`make load`'s scenario, once: every simulated person (a page reader, a partner on the
API, four ministry writers, the coordinator) does each of their tasks once against
gunicorn on the suite's database, without a failure — so the load test cannot rot
unnoticed between runs."""

import json
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from load.plan import load_plan
from recommendations.models import ProgressUpdate
from tests.servers import ROOT, environment, gunicorn, url_of_test_database
from tests.workspace.conftest import update

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long enough test password"
EXPECTED_REQUESTS = {
    "login page",
    "login",
    "dashboard",
    "recommendation list",
    "recommendation detail",
    "engagement timeline",
    "api recommendations",
    "api recommendation",
    "api stats",
    "api progress update: draft",
    "api progress update: submit",
    "api validation queue",
    "api progress update: validate",
}


def test_every_task_of_the_load_scenario_runs_once_without_a_failure(world, tmp_path):
    waiting = update(
        world.interior_recommendation,
        world.interior_ministry,
        ProgressUpdate.WorkflowState.SUBMITTED,
        narrative="Waiting for the coordinator",
    )
    # The suite hashes passwords quickly (MD5); the server knows only the real hashers.
    reader = world.users["adviser"]
    hasher = PBKDF2PasswordHasher()
    reader.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    reader.save()
    plan = load_plan(
        reader=reader,
        password=PASSWORD,
        partner=world.users["partner"],
        ministries=[world.users["justice"], world.users["interior"]],
        coordinator=world.users["coordinator"],
    )
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    env = environment(DATABASE_URL=url_of_test_database())

    with gunicorn(env=env) as url:
        run = subprocess.run(
            [
                *[sys.executable, "-m", "locust", "-f", "load/locustfile.py", "--headless"],
                *["--users", "7", "--spawn-rate", "7", "--run-time", "90s", "--host", url],
                *["--json-file", str(tmp_path / "pass"), "--only-summary", "--loglevel", "WARNING"],
            ],
            cwd=ROOT,
            env={**env, "UPR_LOAD_PLAN": str(tmp_path / "plan.json"), "UPR_LOAD_ONE_PASS": "1"},
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    stats = json.loads((tmp_path / "pass.json").read_text())
    assert {entry["name"] for entry in stats} == EXPECTED_REQUESTS
    assert {entry["name"]: entry["num_failures"] for entry in stats} == dict.fromkeys(
        EXPECTED_REQUESTS, 0
    )
    reported = ProgressUpdate.objects.filter(narrative__startswith="Load test: progress")
    assert reported.count() == 4
    assert set(reported.values_list("workflow_state", flat=True)) <= {"submitted", "validated"}
    # The coordinator validated one submitted update: the waiting one, or a writer's newer one.
    validated = ProgressUpdate.objects.filter(reviewed_by=world.users["coordinator"])
    assert validated.count() == 1
    assert validated.get().pk in {waiting.pk, *reported.values_list("pk", flat=True)}
