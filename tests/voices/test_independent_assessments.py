"""A contributor (an NGO's or an NHRI's) submits its own assessment of a recommendation;
a coordinator publishes it or declines it with a reason; published, it stands beside the
official status on the pages and in the API, and never changes that status or the
measure."""

import pytest

from recommendations.models import IndependentAssessment, Status
from recommendations.selectors import measure, with_current_status

from .conftest import assessment

pytestmark = pytest.mark.django_db

State = IndependentAssessment.ModerationState
FORM = {
    "status": "not_started",
    "assessed_on": "2024-06-01",
    "narrative": "Nothing has changed in practice.",
    "sources": "https://example.org/report-2024",
}


def test_a_contributor_submits_an_assessment_for_its_organisation(voices, clients):
    url = f"/workspace/recommendations/{voices.recommendation.pk}/assessments/new/"

    response = clients["contributor"].post(url, FORM)

    assert response.status_code == 302
    saved = IndependentAssessment.objects.get()
    assert (saved.organisation, saved.moderation_state) == (voices.ngo, State.SUBMITTED)
    assert saved.author == voices.users["contributor"]


@pytest.mark.parametrize("role", ["justice", "adviser", "partner", "coordinator"])
def test_no_one_but_a_contributor_submits_an_assessment(voices, clients, role):
    url = f"/workspace/recommendations/{voices.recommendation.pk}/assessments/new/"

    response = clients[role].post(url, FORM)

    assert response.status_code == 403
    assert not IndependentAssessment.objects.exists()


def test_a_contributor_cannot_assess_a_recommendation_of_an_unpublished_review(voices, clients):
    url = f"/workspace/recommendations/{voices.hidden.pk}/assessments/new/"

    response = clients["contributor"].post(url, FORM)

    assert response.status_code == 404
    assert not IndependentAssessment.objects.exists()


def test_a_submitted_assessment_is_not_shown_until_published(voices, clients):
    assessment(voices, narrative="WAITING-NARRATIVE")

    for role in ("anonymous", "adviser", "justice"):
        page = clients[role].get(f"/recommendations/{voices.recommendation.pk}/")
        assert "WAITING-NARRATIVE" not in page.content.decode(), role


def test_a_coordinator_publishes_an_assessment_beside_the_official_status(voices, clients):
    waiting = assessment(voices, narrative="PUBLISHED-NARRATIVE")

    response = clients["coordinator"].post(
        f"/workspace/moderation/assessments/{waiting.pk}/", {"decision": "publish"}
    )

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.moderation_state == State.PUBLISHED
    assert waiting.decided_by == voices.users["coordinator"]
    address = f"/recommendations/{voices.recommendation.pk}/"
    page = clients["anonymous"].get(address).content.decode()
    assert "PUBLISHED-NARRATIVE" in page
    assert "Human Rights Watchers" in page
    assert "differs from the official status" in page


def test_declining_needs_a_reason_which_the_organisation_reads(voices, clients):
    waiting = assessment(voices)
    url = f"/workspace/moderation/assessments/{waiting.pk}/"

    without = clients["coordinator"].post(url, {"decision": "decline", "reason": " "})
    waiting.refresh_from_db()
    assert (without.status_code, waiting.moderation_state) == (302, State.SUBMITTED)

    clients["coordinator"].post(url, {"decision": "decline", "reason": "Sources missing"})
    waiting.refresh_from_db()
    assert (waiting.moderation_state, waiting.decline_reason) == (State.DECLINED, "Sources missing")
    own = clients["contributor"].get("/workspace/assessments/").content.decode()
    assert "Sources missing" in own


@pytest.mark.parametrize("role", ["contributor", "justice", "adviser", "partner"])
def test_only_a_coordinator_decides_on_an_assessment(voices, clients, role):
    waiting = assessment(voices)

    response = clients[role].post(
        f"/workspace/moderation/assessments/{waiting.pk}/", {"decision": "publish"}
    )

    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.moderation_state == State.SUBMITTED


def test_a_declined_assessment_corrected_is_submitted_again(voices, clients):
    declined = assessment(voices, State.DECLINED)

    response = clients["contributor"].post(
        f"/workspace/assessments/{declined.pk}/edit/", {**FORM, "narrative": "With sources now."}
    )

    assert response.status_code == 302
    declined.refresh_from_db()
    assert (declined.moderation_state, declined.decline_reason) == (State.SUBMITTED, "")
    assert declined.narrative == "With sources now."


def test_a_published_assessment_is_final(voices, clients):
    published = assessment(voices, State.PUBLISHED)

    response = clients["contributor"].post(
        f"/workspace/assessments/{published.pk}/edit/", {**FORM, "narrative": "Rewritten"}
    )

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.narrative == "Nothing has changed in practice."


def test_publishing_an_assessment_changes_neither_the_official_status_nor_the_measure(
    voices, clients
):
    recommendations = voices.published.recommendations.all()
    before = measure(recommendations)
    waiting = assessment(voices, status=Status.IMPLEMENTED)

    clients["coordinator"].post(
        f"/workspace/moderation/assessments/{waiting.pk}/", {"decision": "publish"}
    )

    official = with_current_status(recommendations).get(pk=voices.recommendation.pk)
    assert official.current_status == Status.IN_PROGRESS
    assert measure(recommendations) == before


def test_the_dashboard_shows_where_published_assessments_disagree(voices, clients):
    assessment(voices, State.PUBLISHED)

    page = clients["anonymous"].get("/").content.decode()

    assert "Where independent assessments disagree with the official status" in page
    assert "Human Rights Watchers" in page


def test_the_dashboard_names_no_disagreement_that_is_not_published(voices, clients):
    assessment(voices, State.SUBMITTED)

    page = clients["coordinator"].get("/").content.decode()

    assert "Where independent assessments disagree" not in page


def test_the_api_lists_published_assessments_under_their_own_endpoint(voices, api_clients):
    published = assessment(voices, State.PUBLISHED)
    assessment(voices, State.SUBMITTED, narrative="waiting")

    response = api_clients["partner"].get("/api/v1/independent-assessments/")

    assert response.status_code == 200
    results = response.json()["results"]
    assert [row["id"] for row in results] == [published.pk]
    assert results[0]["organisation_name"] == "Human Rights Watchers"
    assert results[0]["status"] == "not_started"


def test_the_api_root_lists_independent_assessments(voices, api_clients):
    root = api_clients["adviser"].get("/api/v1/").json()

    assert "independent-assessments" in root


def test_a_contributor_reads_its_own_waiting_assessments_through_the_api(voices, api_clients):
    waiting = assessment(voices, State.SUBMITTED)

    mine = api_clients["contributor"].get("/api/v1/independent-assessments/").json()
    others = api_clients["adviser"].get("/api/v1/independent-assessments/").json()

    assert [row["id"] for row in mine["results"]] == [waiting.pk]
    assert others["results"] == []


def test_the_api_takes_no_assessment(voices, api_clients):
    response = api_clients["contributor"].post(
        "/api/v1/independent-assessments/",
        {**FORM, "recommendation": voices.recommendation.pk},
        format="json",
    )

    assert response.status_code == 405
    assert not IndependentAssessment.objects.exists()
