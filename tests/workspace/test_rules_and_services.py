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
    ("role", "allowed"),
    [("coordinator", True), ("justice", True), ("interior", False), ("adviser", False)],
)
def test_the_history_of_justices_things_is_for_justice_and_coordinators(world, role, allowed):
    user = world.users[role]

    answers = {
        rules.may_see_history(user, obj)
        for obj in (world.justice_recommendation, world.justice_action, world.justice_draft)
    }

    assert answers == {allowed}
