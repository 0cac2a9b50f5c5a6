"""/healthz tells a load balancer whether the app and its database answer, and
nothing else: no login, no host check, no HTTPS redirect. (That it answers 503
while the database is down, and 200 again once it is back, is in
test_database_outage.py, against a real PostgreSQL stopped and started.)"""

import pytest

pytestmark = pytest.mark.django_db


def test_it_says_ok_and_nothing_else_when_the_app_and_database_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_it_answers_a_load_balancer_calling_an_instance_by_address_over_plain_http(
    client, settings
):
    settings.ALLOWED_HOSTS = ["tracker.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    probe = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    page = client.get("/", HTTP_HOST="10.0.0.7:8000")

    assert probe.status_code == 200
    assert page.status_code == 400  # everything else still checks the host


def test_it_needs_no_login_on_a_private_deployment(client):

    assert client.get("/healthz").status_code == 200
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
