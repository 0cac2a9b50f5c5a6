"""Every workspace page tried by every role, including by guessing URLs.

The rule the pages follow: 404 for what one may not even know exists (another
institution's draft, submitted or returned update), 403 for what exists in the
open (recommendations, actions, validated updates) but is not one's to change
or to read here; anonymous visitors are sent to the login page."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from api_tokens.services import api_token_create
from recommendations.exporting.report_documents import document_job
from recommendations.models import (
    ImplementationAction,
    IndependentAssessment,
    ProgressUpdate,
    PublicComment,
    Role,
    UserProfile,
)
from recommendations.people import user_profile_save
from tests.factories import ClusterFactory, UserFactory

from . import conftest

# The workspace's roles, and the contributor (an NGO's; no review of this world is
# published, so the contributor reads no recommendation of it).
ROLES = [*conftest.ROLES, "contributor"]

pytestmark = pytest.mark.django_db

LOGIN = "login"


def expect(anonymous, partner, adviser, justice, interior, coordinator, contributor):
    answers = [anonymous, partner, adviser, justice, interior, coordinator, contributor]
    return dict(zip(ROLES, answers, strict=True))


PAGES = {
    "my recommendations": ("/workspace/", expect(LOGIN, 403, 403, 200, 200, 403, 403)),
    "validation queue": ("/workspace/queue/", expect(LOGIN, 403, 403, 403, 403, 200, 403)),
    "password change": ("/workspace/password/", expect(LOGIN, 200, 200, 200, 200, 200, 200)),
    "API tokens": ("/workspace/tokens/", expect(LOGIN, 200, 200, 200, 200, 200, 200)),
    # Revoking takes a POST: a GET is refused whoever asks (after the login check).
    "revoke a token": (
        "/workspace/tokens/{w.partner_token.pk}/revoke/",
        expect(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "justice recommendation": (
        "/workspace/recommendations/{w.justice_recommendation.pk}/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "new update on justice recommendation": (
        "/workspace/recommendations/{w.justice_recommendation.pk}/updates/new/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "new action on justice recommendation": (
        "/workspace/recommendations/{w.justice_recommendation.pk}/actions/new/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "edit justice action": (
        "/workspace/recommendations/{w.justice_recommendation.pk}/actions/{w.justice_action.pk}/edit/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "edit justice action through the shared recommendation": (
        "/workspace/recommendations/{w.shared_recommendation.pk}/actions/{w.justice_action.pk}/edit/",
        expect(LOGIN, 403, 403, 404, 404, 404, 403),
    ),
    "edit justice draft": (
        "/workspace/updates/{w.justice_draft.pk}/edit/",
        expect(LOGIN, 404, 404, 200, 404, 200, 404),
    ),
    "edit justice validated update": (
        "/workspace/updates/{w.justice_validated.pk}/edit/",
        # A validated update is the record: a correction is a new update, even for a coordinator.
        expect(LOGIN, 403, 403, 403, 403, 403, 404),
    ),
    "history of justice draft": (
        "/workspace/history/update/{w.justice_draft.pk}/",
        expect(LOGIN, 404, 404, 200, 404, 200, 404),
    ),
    # The contributor reads the published reviews only: this one is not, so 404.
    "history of justice validated update": (
        "/workspace/history/update/{w.justice_validated.pk}/",
        expect(LOGIN, 403, 403, 200, 403, 200, 404),
    ),
    # Advisers read the history of what is public (recommendations, actions), not of updates.
    "history of justice recommendation": (
        "/workspace/history/recommendation/{w.justice_recommendation.pk}/",
        expect(LOGIN, 403, 200, 200, 403, 200, 403),
    ),
    "history of justice action": (
        "/workspace/history/action/{w.justice_action.pk}/",
        expect(LOGIN, 403, 200, 200, 403, 200, 403),
    ),
    "evidence of justice draft": (
        "/workspace/evidence/update/{w.justice_draft.pk}/",
        expect(LOGIN, 404, 404, 200, 404, 200, 404),
    ),
    "evidence of justice validated update": (
        "/workspace/evidence/update/{w.justice_validated.pk}/",
        expect(LOGIN, 200, 200, 200, 200, 200, 404),
    ),
    "evidence of justice action": (
        "/workspace/evidence/action/{w.justice_action.pk}/",
        expect(LOGIN, 200, 200, 200, 200, 200, 404),
    ),
    "a recommendation that does not exist": (
        "/workspace/recommendations/999999/",
        expect(LOGIN, 404, 404, 404, 404, 404, 404),
    ),
    "history of an update that never existed": (
        "/workspace/history/update/999999/",
        expect(LOGIN, 404, 404, 404, 404, 404, 404),
    ),
    # Independent voices: the contributor's pages, the coordinators' moderation,
    # publication and contributors' accounts; everyone's saved views.
    "our assessments": (
        "/workspace/assessments/",
        expect(LOGIN, 403, 403, 403, 403, 403, 200),
    ),
    "new assessment of justice recommendation (review not published)": (
        "/workspace/recommendations/{w.justice_recommendation.pk}/assessments/new/",
        expect(LOGIN, 403, 403, 403, 403, 403, 404),
    ),
    "edit the NGO's waiting assessment": (
        "/workspace/assessments/{w.assessment.pk}/edit/",
        expect(LOGIN, 403, 403, 403, 403, 403, 200),
    ),
    "moderation": ("/workspace/moderation/", expect(LOGIN, 403, 403, 403, 403, 200, 403)),
    # Deciding takes a POST.
    "decide on the NGO's assessment": (
        "/workspace/moderation/assessments/{w.assessment.pk}/",
        expect(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "decide on a public comment": (
        "/workspace/moderation/comments/{w.comment.pk}/",
        expect(LOGIN, 405, 405, 405, 405, 405, 405),
    ),
    "publication": ("/workspace/publication/", expect(LOGIN, 403, 403, 403, 403, 200, 403)),
    "contributors": ("/workspace/contributors/", expect(LOGIN, 403, 403, 403, 403, 200, 403)),
    "saved views": ("/workspace/views/", expect(LOGIN, 200, 200, 200, 200, 200, 200)),
    # Saving a view takes a POST.
    "save a view": ("/workspace/views/new/", expect(LOGIN, 405, 405, 405, 405, 405, 405)),
    # Who logged in, downloaded and changed what: administrators only (below).
    # The job writing a review's status report document: the review's readers' (the
    # contributor reads published reviews only). Import jobs: tests/jobs/test_who_sees_a_job.py.
    "status report document job": (
        "/reviews/{w.justice_recommendation.review_id}/status-report/document/{w.report_job.pk}/",
        expect(LOGIN, 200, 200, 200, 200, 200, 404),
    ),
    "audit": ("/audit/", expect(LOGIN, 403, 403, 403, 403, 403, 403)),
    "audit download": ("/audit/export/", expect(LOGIN, 403, 403, 403, 403, 403, 403)),
}


# An action's plan (the ``plan`` fixture: an indicator of Justice's action, reported by
# Justice, with a draft and a validated value). The plan is worked on by its institutions
# and the coordinators; readers see validated values through the pages and the API;
# contributors (the public face) none of it in the workspace.
PLAN_PAGES = {
    "due dates": ("/workspace/due/", expect(LOGIN, 403, 403, 200, 200, 200, 403)),
    "justice action's plan": (
        "/workspace/actions/{w.justice_action.pk}/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "new indicator of justice action": (
        "/workspace/actions/{w.justice_action.pk}/indicators/new/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "justice indicator": (
        "/workspace/indicators/{p.indicator.pk}/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "edit justice indicator": (
        "/workspace/indicators/{p.indicator.pk}/edit/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "new value of justice indicator": (
        "/workspace/indicators/{p.indicator.pk}/values/new/",
        expect(LOGIN, 403, 403, 200, 403, 200, 403),
    ),
    "edit justice draft value": (
        "/workspace/values/{p.draft.pk}/edit/",
        expect(LOGIN, 404, 404, 200, 404, 200, 404),
    ),
    "edit justice validated value": (
        "/workspace/values/{p.validated.pk}/edit/",
        expect(LOGIN, 403, 403, 403, 403, 403, 404),
    ),
    "history of justice indicator": (
        "/workspace/history/indicator/{p.indicator.pk}/",
        expect(LOGIN, 403, 200, 200, 403, 200, 403),
    ),
    "history of justice draft value": (
        "/workspace/history/value/{p.draft.pk}/",
        expect(LOGIN, 404, 404, 200, 404, 200, 404),
    ),
    "history of justice validated value": (
        "/workspace/history/value/{p.validated.pk}/",
        expect(LOGIN, 403, 403, 200, 403, 200, 404),
    ),
    "evidence of justice draft value": (
        "/workspace/evidence/value/{p.draft.pk}/",
        expect(LOGIN, 404, 404, 200, 404, 200, 404),
    ),
    "evidence of justice validated value": (
        "/workspace/evidence/value/{p.validated.pk}/",
        expect(LOGIN, 200, 200, 200, 200, 200, 404),
    ),
    "history of a cluster": (
        "/workspace/history/cluster/{c.pk}/",
        expect(LOGIN, 403, 200, 403, 403, 200, 403),
    ),
}


@pytest.fixture
def world_with_files(world):
    for obj in (world.justice_draft, world.justice_validated, world.justice_action):
        obj.evidence_file.save("evidence.pdf", ContentFile(b"%PDF-1.4 evidence"), save=True)
    world.partner_token, _ = api_token_create(user=world.users["partner"], name="reporting")
    world.report_job = document_job(world.justice_recommendation.review, world.users["partner"])
    world.assessment = IndependentAssessment.objects.create(
        recommendation=world.justice_recommendation,
        organisation=world.users["contributor"].profile.institution,
        status="not_started",
        assessed_on="2024-06-01",
        narrative="The NGO's assessment, waiting",
        sources="https://example.org/report",
    )
    world.comment = PublicComment.objects.create(
        recommendation=world.justice_recommendation,
        name="A reader",
        email="reader@example.org",
        comment="Waiting for moderation",
    )
    return world


@pytest.mark.parametrize(
    ("role", "expected"),
    [("partner", 302), ("justice", 404), ("interior", 404), ("adviser", 404), ("coordinator", 302)],
)
def test_a_partners_token_is_revoked_by_the_partner_or_a_coordinator_only(world, role, expected):
    token, _ = api_token_create(user=world.users["partner"], name="reporting")

    response = world.client(role).post(f"/workspace/tokens/{token.pk}/revoke/")

    assert response.status_code == expected
    token.refresh_from_db()
    assert (token.revoked_at is not None) == (expected == 302)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_each_page_answers_each_role_as_its_rights_say(world_with_files, page, role):
    template, expected = PAGES[page]
    url = template.format(w=world_with_files)

    response = world_with_files.client(role).get(url)

    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    else:
        assert response.status_code == expected[role], (page, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PLAN_PAGES, ids=str)
def test_each_page_of_a_plan_answers_each_role_as_its_rights_say(world, plan, page, role):
    for value in (plan.draft, plan.validated):
        value.evidence_file.save("evidence.pdf", ContentFile(b"%PDF-1.4 evidence"), save=True)
    cluster = ClusterFactory()
    template, expected = PLAN_PAGES[page]
    url = template.format(w=world, p=plan, c=cluster)

    response = world.client(role).get(url)

    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    else:
        assert response.status_code == expected[role], (page, role)


@pytest.mark.parametrize("page", ["audit", "audit download"])
def test_an_administrator_reads_the_audit(world, page):
    administrator = UserFactory(username="admin")
    user_profile_save(profile=UserProfile(user=administrator, role=Role.ADMINISTRATOR))
    client = Client()
    client.force_login(administrator)

    assert client.get(PAGES[page][0]).status_code == 200


def test_interior_cannot_change_a_justice_draft_by_posting_to_its_url(world):
    interior = world.client("interior")

    edit = interior.post(
        f"/workspace/updates/{world.justice_draft.pk}/edit/",
        {"status": "implemented", "assessed_on": "2024-01-01", "narrative": "Overwritten"},
    )
    submit = interior.post(f"/workspace/updates/{world.justice_draft.pk}/submit/")

    assert (edit.status_code, submit.status_code) == (404, 404)
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.narrative == "Justice's draft: bill prepared"
    assert world.justice_draft.workflow_state == ProgressUpdate.WorkflowState.DRAFT


def test_interior_cannot_change_a_justice_action_by_posting_to_its_url(world):
    response = world.client("interior").post(
        f"/workspace/recommendations/{world.justice_recommendation.pk}"
        f"/actions/{world.justice_action.pk}/edit/",
        {"title": "Renamed by Interior", "status": "completed"},
    )

    assert response.status_code == 403
    world.justice_action.refresh_from_db()
    assert world.justice_action.title == "Draft law on the moratorium"


@pytest.mark.parametrize("role", ["interior", "adviser", "partner"])
def test_others_cannot_report_on_a_justice_recommendation(world, role):
    client = world.client(role)
    base = f"/workspace/recommendations/{world.justice_recommendation.pk}"

    new_update = client.post(
        f"{base}/updates/new/",
        {
            "status": "implemented",
            "assessed_on": "2024-01-01",
            "narrative": "x",
            "intent": "submit",
        },
    )
    new_action = client.post(f"{base}/actions/new/", {"title": "Sneaked in", "status": "planned"})

    assert (new_update.status_code, new_action.status_code) == (403, 403)
    assert world.justice_recommendation.progress_updates.count() == 2
    assert not ImplementationAction.objects.filter(title="Sneaked in").exists()


def test_a_ministry_officer_cannot_decide_in_the_validation_queue(world):
    submitted = world.justice_draft
    submitted.workflow_state = ProgressUpdate.WorkflowState.SUBMITTED
    submitted.save()

    response = world.client("justice").post(
        "/workspace/queue/", {"updates": [submitted.pk], "decision": "validate"}
    )

    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.workflow_state == ProgressUpdate.WorkflowState.SUBMITTED


def test_submitting_needs_a_post(world):
    response = world.client("justice").get(f"/workspace/updates/{world.justice_draft.pk}/submit/")

    assert response.status_code == 405
    world.justice_draft.refresh_from_db()
    assert world.justice_draft.workflow_state == ProgressUpdate.WorkflowState.DRAFT
