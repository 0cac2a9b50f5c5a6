"""Who may change a progress update is one rule (``rules.may_change_update``), and
the workspace, its templates and the admin all ask it: content changes only while
the update is a draft or returned, by its institution or a coordinator; a
validated update is never rewritten (a correction is a new update)."""

import pytest
from django.utils import timezone

from recommendations.models import ProgressUpdate, Status

from .conftest import update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState
ADMIN_UPDATES = "/admin/recommendations/progressupdate/"

REPORT = {
    "status": Status.PARTIALLY_IMPLEMENTED,
    "assessed_on": "2024-02-01",
    "narrative": "Corrected as asked",
    "source": "government",
    "evidence_url": "",
    "intent": "submit",
}


@pytest.fixture
def returned(world):
    return update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Which court?",
        reviewed_at=timezone.now(),
        assessed_on=timezone.now().date().replace(day=1),
    )


def test_a_coordinator_may_not_open_a_validated_update_for_editing_in_the_workspace(world):
    response = world.client("coordinator").get(
        f"/workspace/updates/{world.justice_validated.pk}/edit/"
    )

    assert response.status_code == 403
    assert "a validated update is corrected by a new update" in response.content.decode()


def test_the_workspace_offers_to_correct_only_what_the_rule_allows(world, returned):
    html = (
        world.client("coordinator")
        .get(f"/workspace/recommendations/{world.justice_recommendation.pk}/")
        .content.decode()
    )

    assert f'href="/workspace/updates/{returned.pk}/edit/"' in html
    assert f'href="/workspace/updates/{world.justice_draft.pk}/edit/"' in html
    assert f'href="/workspace/updates/{world.justice_validated.pk}/edit/"' not in html


def test_the_institution_still_corrects_and_resubmits_a_returned_update(world, returned):
    response = world.client("justice").post(f"/workspace/updates/{returned.pk}/edit/", REPORT)

    assert response.status_code == 302
    returned.refresh_from_db()
    assert returned.narrative == "Corrected as asked"
    assert returned.workflow_state == State.SUBMITTED


def test_the_admin_shows_a_validated_update_read_only_to_a_coordinator(world):
    response = world.client("coordinator").get(
        f"{ADMIN_UPDATES}{world.justice_validated.pk}/change/"
    )

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert 'name="_save"' not in response.content.decode()


def test_the_admin_refuses_a_coordinators_post_to_a_validated_update(world):
    before = ProgressUpdate.objects.values().get(pk=world.justice_validated.pk)

    response = world.client("coordinator").post(
        f"{ADMIN_UPDATES}{world.justice_validated.pk}/change/",
        {
            "recommendation": world.justice_recommendation.pk,
            "institution": world.justice_ministry.pk,
            "status": Status.NOT_IMPLEMENTED,
            "assessed_on": "2012-05-01",
            "narrative": "Rewritten in the admin",
            "source": "government",
            "_save": "Save",
        },
    )

    assert response.status_code == 403
    assert ProgressUpdate.objects.values().get(pk=world.justice_validated.pk) == before


def test_the_admin_still_lets_a_coordinator_correct_a_draft(world):
    draft = world.justice_draft

    response = world.client("coordinator").post(
        f"{ADMIN_UPDATES}{draft.pk}/change/",
        {
            "recommendation": world.justice_recommendation.pk,
            "institution": world.justice_ministry.pk,
            "status": Status.IN_PROGRESS,
            "assessed_on": "2024-03-01",
            "narrative": "Tidied up by the coordinator",
            "source": "government",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.narrative == "Tidied up by the coordinator"
    assert draft.workflow_state == State.DRAFT
    assert draft.history.latest().history_user == world.users["coordinator"]


def test_the_recommendation_form_shows_a_validated_update_but_cannot_change_it(world):
    response = world.client("coordinator").get(
        f"/admin/recommendations/recommendation/{world.justice_recommendation.pk}/change/"
    )

    inline = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.opts.model is ProgressUpdate
    )
    forms = {form.instance.pk: form for form in inline.formset.forms}
    validated, draft = forms[world.justice_validated.pk], forms[world.justice_draft.pk]
    shown = ["assessed_on", "status", "source", "institution", "is_demo", "DELETE"]
    assert all(validated.fields[name].disabled for name in shown[:-1])
    assert not validated.fields["DELETE"].disabled  # a coordinator may delete any update
    assert not any(draft.fields[name].disabled for name in shown)


def test_a_coordinator_may_still_delete_a_validated_update_which_the_history_keeps(world):
    url = f"{ADMIN_UPDATES}{world.justice_validated.pk}/delete/"

    response = world.client("coordinator").post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not ProgressUpdate.objects.filter(pk=world.justice_validated.pk).exists()
    assert world.justice_validated.history.latest().history_type == "-"


def test_posting_the_recommendation_form_rewrites_no_validated_update(world):
    recommendation, validated = world.justice_recommendation, world.justice_validated
    before = ProgressUpdate.objects.values().get(pk=validated.pk)
    rows = {
        "progress_updates-TOTAL_FORMS": "1",
        "progress_updates-INITIAL_FORMS": "1",
        "progress_updates-0-id": validated.pk,
        "progress_updates-0-recommendation": recommendation.pk,
        "progress_updates-0-assessed_on": "2012-05-01",
        "progress_updates-0-status": Status.NOT_IMPLEMENTED,
        "progress_updates-0-source": "government",
        "progress_updates-0-institution": world.interior_ministry.pk,
    }
    for prefix in ("translations", "responsibilities", "ImplementationAction_recommendations"):
        rows |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}

    response = world.client("coordinator").post(
        f"/admin/recommendations/recommendation/{recommendation.pk}/change/",
        {
            "review": recommendation.review_id,
            "reference": recommendation.reference,
            "text": recommendation.text,
            "position": recommendation.position,
            "position_at_review": recommendation.position_at_review,
            "_save": "Save",
            **rows,
        },
    )

    assert response.status_code == 302
    assert ProgressUpdate.objects.values().get(pk=validated.pk) == before
