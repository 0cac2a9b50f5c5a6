"""The API refuses what the workspace forms refuse, with the same message beside the
same field: the rules live on the models (``recommendations/models/progress.py``),
which every door asks. Nothing is written."""

from datetime import timedelta

import pytest
from django.utils import timezone

from recommendations.models import ImplementationAction, ProgressUpdate

pytestmark = pytest.mark.django_db


def tomorrow() -> str:
    return (timezone.localdate() + timedelta(days=1)).isoformat()


UPDATE = {"status": "in_progress", "assessed_on": "2013-01-01", "narrative": "Bill drafted."}
UPDATE_REFUSED = [
    ({"assessed_on": tomorrow()}, "assessed_on", "The assessment date cannot be in the future."),
    # The workspace form says "This field is required." for the same input.
    ({"narrative": ""}, "narrative", "This field may not be blank."),
    ({"narrative": "   "}, "narrative", "This field may not be blank."),
]


@pytest.mark.parametrize(("changes", "field", "message"), UPDATE_REFUSED)
def test_a_new_update_is_refused_for_what_the_form_refuses(api_as, world, changes, field, message):
    before = ProgressUpdate.objects.count()

    response = api_as("justice").post(
        "/api/v1/progress-updates/",
        {"recommendation": world.justice_recommendation.pk, **UPDATE, **changes},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert ProgressUpdate.objects.count() == before


@pytest.mark.parametrize(("changes", "field", "message"), UPDATE_REFUSED)
def test_a_draft_cannot_be_changed_into_what_the_form_refuses(
    api_as, world, changes, field, message
):
    draft = world.justice_draft
    before = (draft.assessed_on, draft.narrative)

    response = api_as("justice").patch(
        f"/api/v1/progress-updates/{draft.pk}/", changes, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    draft.refresh_from_db()
    assert (draft.assessed_on, draft.narrative) == before


def test_the_workspace_form_gives_the_same_message_for_a_future_assessment(world, client):
    client.force_login(world.users["justice"])

    response = client.post(
        f"/workspace/recommendations/{world.justice_recommendation.pk}/updates/new/",
        {**UPDATE, "assessed_on": tomorrow(), "action": "draft"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["assessed_on"] == [
        "The assessment date cannot be in the future."
    ]


CURRENCY = "A currency is three letters in capitals (ISO 4217), e.g. USD, EUR or BYN."
ACTION_REFUSED = [
    (
        {"start_date": "2014-01-01", "end_date": "2013-01-01"},
        "end_date",
        "The end date cannot be before the start date.",
    ),
    (
        {"budget_amount": "-5", "budget_currency": "USD"},
        "budget_amount",
        "A budget cannot be negative.",
    ),
    (
        {"budget_amount": "100", "budget_currency": ""},
        "budget_currency",
        "Say in which currency the budget is.",
    ),
    ({"budget_currency": "USD"}, "budget_amount", "Give the amount, or leave the currency empty."),
    ({"budget_amount": "100", "budget_currency": "U$D"}, "budget_currency", CURRENCY),
    ({"budget_amount": "100", "budget_currency": "usd"}, "budget_currency", CURRENCY),
]


@pytest.mark.parametrize(("changes", "field", "message"), ACTION_REFUSED)
def test_a_new_action_is_refused_for_what_the_form_refuses(api_as, world, changes, field, message):
    before = ImplementationAction.objects.count()

    response = api_as("justice").post(
        "/api/v1/actions/",
        {
            "title": "Training of judges",
            "institution": world.justice_ministry.pk,
            "recommendations": [world.justice_recommendation.pk],
            **changes,
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert ImplementationAction.objects.count() == before


@pytest.mark.parametrize(("changes", "field", "message"), ACTION_REFUSED)
def test_an_action_cannot_be_changed_into_what_the_form_refuses(
    api_as, world, changes, field, message
):
    action = world.justice_action
    fields = ["start_date", "end_date", "budget_amount", "budget_currency"]
    before = [getattr(action, name) for name in fields]

    response = api_as("justice").patch(f"/api/v1/actions/{action.pk}/", changes, format="json")

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    action.refresh_from_db()
    assert [getattr(action, name) for name in fields] == before
