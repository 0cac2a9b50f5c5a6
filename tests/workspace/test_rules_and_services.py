"""The rules and services the workspace adds, checked on their own."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from recommendations import rules, services
from recommendations.models import ImplementationAction, ProgressUpdate

from .conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_may_see_update_agrees_with_visible_updates(world, role):
    user = AnonymousUser() if role == "anonymous" else world.users[role]

    visible = set(rules.visible_updates(user))

    assert visible == {u for u in ProgressUpdate.objects.all() if rules.may_see_update(user, u)}


def test_an_officer_cannot_record_an_action_for_another_ministrys_recommendation(world):
    with pytest.raises(PermissionDenied):
        services.implementation_action_create(
            user=world.users["interior"],
            recommendations=[world.justice_recommendation],
            title="Not ours",
        )

    assert not ImplementationAction.objects.filter(title="Not ours").exists()


def test_an_action_is_checked_before_it_is_saved(world):
    with pytest.raises(ValidationError) as error:
        services.implementation_action_create(
            user=world.users["justice"],
            recommendations=[world.justice_recommendation],
            title="Budget without currency",
            budget_amount=10,
        )

    assert error.value.message_dict == {"budget_currency": ["Say in which currency the budget is."]}
    assert not ImplementationAction.objects.filter(title="Budget without currency").exists()


def test_an_officer_cannot_edit_another_ministrys_action(world):
    with pytest.raises(PermissionDenied):
        services.implementation_action_edit(
            user=world.users["interior"], action=world.justice_action, title="Renamed"
        )

    world.justice_action.refresh_from_db()
    assert world.justice_action.title == "Draft law on the moratorium"


@pytest.mark.parametrize(
    ("role", "recommendation", "action", "update"),
    [
        ("coordinator", True, True, True),
        ("justice", True, True, True),
        ("interior", False, False, False),
        # Advisers read what is public, never an update's history (drafts, return comments).
        ("adviser", True, True, False),
        ("partner", False, False, False),
    ],
)
def test_who_may_read_the_history_of_justices_things(world, role, recommendation, action, update):
    user = world.users[role]

    answers = [
        rules.may_see_history(user, obj)
        for obj in (world.justice_recommendation, world.justice_action, world.justice_validated)
    ]

    assert answers == [recommendation, action, update]


def test_editing_an_update_never_moves_its_workflow(world):
    draft = world.justice_draft

    with pytest.raises(ValidationError) as refused:
        services.progress_update_edit(
            user=world.users["justice"], update=draft, workflow_state="validated", narrative="x"
        )

    assert "workflow_state" in refused.value.message_dict
    draft.refresh_from_db()
    assert (draft.workflow_state, draft.narrative) == (
        ProgressUpdate.WorkflowState.DRAFT,
        "Justice's draft: bill prepared",
    )


@pytest.mark.parametrize(
    ("role", "draft", "validated"),
    [
        ("coordinator", True, True),  # the history keeps it, and it can be restored
        ("justice", True, False),
        ("interior", False, False),
        ("adviser", False, False),
    ],
)
def test_who_may_delete_an_update(world, role, draft, validated):
    user = world.users[role]

    answers = [
        rules.may_delete_update(user, world.justice_draft),
        rules.may_delete_update(user, world.justice_validated),
    ]

    assert answers == [draft, validated]
