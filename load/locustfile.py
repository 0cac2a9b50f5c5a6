"""The load test's traffic (locust): people reading the pages, partners reading the
API, two ministries writing progress updates (a draft, then its submission) and a
coordinator validating what they submit.

Run by `make load` (scripts/load.sh), which prepares the plan (``load.plan``: logins,
tokens, recommendation ids) and names it in ``UPR_LOAD_PLAN``. With
``UPR_LOAD_ONE_PASS=1`` every simulated person does each of their tasks once and the
run ends (tests/load: the scenario is checked against a live server in the suite).

A request fails when it answers an error, and also when a page comes back without
the signed-in header (a lost session sent to the login page) or a write does not
answer what the workflow promises.
"""

import itertools
import json
import os
import random
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

PLAN = json.loads(Path(os.environ["UPR_LOAD_PLAN"]).read_text())
ONE_PASS = os.environ.get("UPR_LOAD_ONE_PASS") == "1"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_finished = itertools.count(1)


def _one_pass_done(user):
    """In one-pass mode: end the run once every simulated person has done their pass."""
    if next(_finished) >= user.environment.parsed_options.num_users:
        gevent.spawn_later(0.1, user.environment.runner.quit)
    raise StopUser()


class TrackerUser(FastHttpUser):
    abstract = True
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.sign_in()
        if ONE_PASS:
            for each in dict.fromkeys(self.tasks):
                each(self)
            _one_pass_done(self)

    def sign_in(self):
        pass


class PageReader(TrackerUser):
    """A UN adviser or ministry reader on the pages (a session, as a browser has)."""

    weight = 14

    def sign_in(self):
        form = self.client.get("/accounts/login/", name="login page")
        token = CSRF.search(form.text).group(1)
        reader = PLAN["reader"]
        credentials = {
            "username": reader["username"],
            "password": reader["password"],
            "csrfmiddlewaretoken": token,
            "next": "/",
        }
        with self.client.post(
            "/accounts/login/",
            data=urlencode(credentials),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            name="login",
            catch_response=True,
        ) as answer:
            if "Log out" not in answer.text:
                answer.failure("not signed in")

    def page(self, path, name):
        with self.client.get(path, name=name, catch_response=True) as answer:
            if answer.status_code == 200 and "Log out" not in answer.text:
                answer.failure("answered without the signed-in header")

    @task(3)
    def dashboard(self):
        self.page("/", "dashboard")

    @task(3)
    def recommendation_list(self):
        filters = random.choice(["", "?position=supported", "?status=implemented&page=2"])
        self.page(f"/recommendations/{filters}", "recommendation list")

    @task(4)
    def recommendation_detail(self):
        pk = random.choice(PLAN["recommendations"])
        self.page(f"/recommendations/{pk}/", "recommendation detail")

    @task(1)
    def engagements(self):
        self.page("/engagements/", "engagement timeline")


class ApiReader(TrackerUser):
    """A partner system reading the API with its read-only token."""

    weight = 10

    def on_start(self):
        self.client.auth_header = f"Token {PLAN['partner_token']}"
        super().on_start()

    @task(3)
    def recommendations(self):
        self.client.get("/api/v1/recommendations/?page_size=50", name="api recommendations")

    @task(3)
    def recommendation(self):
        pk = random.choice(PLAN["recommendations"])
        self.client.get(f"/api/v1/recommendations/{pk}/", name="api recommendation")

    @task(2)
    def stats(self):
        group = random.choice(["review", "theme", "institution", "status"])
        self.client.get(f"/api/v1/stats/?group_by={group}", name="api stats")


class MinistryWriter(TrackerUser):
    """Ministry staff reporting progress through the API: a draft, then its submission.
    Two per ministry, the ministries taking turns."""

    fixed_count = 4
    _turns = itertools.count()

    def on_start(self):
        self.ministry = PLAN["ministries"][next(self._turns) % len(PLAN["ministries"])]
        self.client.auth_header = f"Token {self.ministry['token']}"
        super().on_start()

    @task
    def report_progress(self):
        with self.client.post(
            "/api/v1/progress-updates/",
            json={
                "recommendation": random.choice(self.ministry["recommendations"]),
                "status": random.choice(["in_progress", "partially_implemented"]),
                "assessed_on": date.today().isoformat(),
                "narrative": f"Load test: progress reported by {self.ministry['username']}.",
            },
            name="api progress update: draft",
            catch_response=True,
        ) as answer:
            if answer.status_code != 201:
                answer.failure(f"draft not created: {answer.status_code} {answer.text[:200]}")
                return
            pk = answer.json()["id"]
        self.client.post(
            f"/api/v1/progress-updates/{pk}/submit/", name="api progress update: submit"
        )


class Coordinator(TrackerUser):
    """The coordinator validating submitted updates, one at a time (one coordinator, so
    no two validate the same update)."""

    fixed_count = 1

    def on_start(self):
        self.client.auth_header = f"Token {PLAN['coordinator_token']}"
        super().on_start()

    @task
    def validate(self):
        queue = self.client.get(
            "/api/v1/progress-updates/?workflow_state=submitted&page_size=10",
            name="api validation queue",
        )
        submitted = queue.json()["results"] if queue.status_code == 200 else []
        if submitted:
            self.client.post(
                f"/api/v1/progress-updates/{submitted[0]['id']}/validate/",
                name="api progress update: validate",
            )


@events.quitting.add_listener
def _fail_on_errors(environment, **kwargs):
    if environment.stats.total.num_failures or environment.runner.exceptions:
        environment.process_exit_code = 1
