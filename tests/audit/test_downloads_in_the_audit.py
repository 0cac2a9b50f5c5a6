"""Who took what away: every export, report and evidence file downloaded is recorded
with its person, its address and filters, and its format — whichever door it left by."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from api_tokens.services import api_token_create
from audit.models import Download
from tests.factories import EngagementFactory
from tests.world import publish_every_review

from .conftest import page_rows

pytestmark = pytest.mark.django_db


def test_a_recommendation_export_appears_with_its_filters_and_format(world, admin_client):
    response = world.client("adviser").get(
        "/recommendations/export/", {"position": "supported", "theme": "", "format": "xlsx"}
    )
    assert response.status_code == 200

    rows = page_rows(admin_client.get("/audit/", {"kind": "download"}))

    assert len(rows) == 1
    _, kind, person, what, details, _ = rows[0]
    day = timezone.localdate().isoformat()  # the file is named for its filters and day
    file = f"recommendations-supported-{day}.xlsx"
    assert (kind, person, what) == ("Download", "adviser", f"{file} (XLSX)")
    assert "/recommendations/export/?position=supported&theme=&format=xlsx" in details


def test_each_kind_of_download_is_recorded_once_with_its_path(world):
    coordinator = world.client("coordinator")
    review = world.justice_recommendation.review
    EngagementFactory()
    world.justice_action.evidence_file.save("law.pdf", ContentFile(b"%PDF-1.4 law"), save=True)

    urls = [
        "/recommendations/export/?format=csv",
        "/engagements/export/?format=xlsx&kind=mission",
        f"/reviews/{review.pk}/status-report/",
        f"/reviews/{review.pk}/status-report.docx",
        "/api/v1/recommendations/?format=csv&position=supported",
        "/api/v1/stats/?format=csv&group_by=theme",
        f"/workspace/evidence/action/{world.justice_action.pk}/",
    ]
    for url in urls:
        assert coordinator.get(url).status_code == 200, url

    recorded = list(Download.objects.order_by("id").values_list("username", "path", "format"))
    assert recorded == [
        ("coordinator", "/recommendations/export/", "csv"),
        ("coordinator", "/engagements/export/", "xlsx"),
        ("coordinator", f"/reviews/{review.pk}/status-report/", "html"),
        ("coordinator", f"/reviews/{review.pk}/status-report.docx", "docx"),
        ("coordinator", "/api/v1/recommendations/", "csv"),
        ("coordinator", "/api/v1/stats/", "csv"),
        ("coordinator", f"/workspace/evidence/action/{world.justice_action.pk}/", "pdf"),
    ]


def test_an_api_download_with_a_token_names_the_token_and_its_person(world, admin_client):
    token, text = api_token_create(user=world.users["partner"], name="UNDP reporting")

    response = Client().get(
        "/api/v1/recommendations/",
        {"format": "csv", "position": "noted"},
        HTTP_AUTHORIZATION=f"Token {text}",
    )
    assert response.status_code == 200

    download = Download.objects.get()
    assert (download.username, download.query) == ("partner", "format=csv&position=noted")
    details = page_rows(admin_client.get("/audit/", {"kind": "download"}))[0][4]
    assert f"token {token.prefix}" in details


def test_refused_downloads_and_ordinary_pages_are_not_downloads(world):
    adviser = world.client("adviser")

    adviser.get("/recommendations/export/?format=pdf")
    adviser.get("/recommendations/export/?position=sideways")
    adviser.get("/recommendations/")
    adviser.get("/api/v1/recommendations/")
    Client().get("/recommendations/export/?format=csv")  # anonymous: sent to log in
    adviser.get("/api/v1/schema/")  # the API's description holds no data

    assert not Download.objects.exists()


def test_an_anonymous_download_on_a_public_dashboard_is_recorded_without_a_person(
    world, settings, admin_client
):
    publish_every_review()

    assert Client().get("/recommendations/export/?format=csv").status_code == 200

    rows = page_rows(admin_client.get("/audit/", {"kind": "download"}))
    assert [(row[1], row[2]) for row in rows] == [("Download", "anonymous")]
