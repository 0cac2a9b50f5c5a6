"""What `migrate` installs on every database, demo or not: the admin groups of the roles.

The test database is a fresh one, migrated and never given the demo.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from recommendations.roles import install_role_groups

pytestmark = pytest.mark.django_db

DOMAIN_APPS = {"recommendations", "missions"}
# Coordinators see every user's tokens and revoke them (a change); nobody adds or deletes one.
TOKENS = {("api_tokens", "view_apitoken"), ("api_tokens", "change_apitoken")}


def domain_models_in_the_admin():
    """(app label, model name) of every model the admin shows on the domain, except the
    user profiles, which administrators manage."""
    return {
        (model._meta.app_label, model._meta.model_name)
        for model in admin.site._registry
        if model._meta.app_label in DOMAIN_APPS and model._meta.model_name != "userprofile"
    }


def permissions_of(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def snapshot():
    return sorted(
        (group.pk, group.name, sorted(group.permissions.values_list("pk", flat=True)))
        for group in Group.objects.all()
    )


def test_migrate_gives_coordinators_every_right_on_every_domain_model_of_the_admin():
    expected = {
        (app, f"{action}_{model}")
        for app, model in domain_models_in_the_admin()
        for action in ("add", "change", "delete", "view")
    }

    assert ("recommendations", "add_recommendation") in expected
    assert ("missions", "add_engagement") in expected
    assert permissions_of("Coordinators") >= expected
    # Responsible institutions and texts in other languages have no admin page: they are
    # edited inline on the recommendation. Beyond the domain, coordinators see and revoke
    # every user's API tokens.
    assert (
        permissions_of("Coordinators") - expected
        == {
            ("recommendations", f"{action}_{model}")
            for action in ("add", "change", "delete", "view")
            for model in ("responsibility", "recommendationtext")
        }
        | TOKENS
    )


def test_migrate_gives_advisers_the_view_right_only_on_the_same_models():
    coordinators = permissions_of("Coordinators")
    advisers = permissions_of("Advisers")

    assert advisers == {
        (app, code) for app, code in coordinators - TOKENS if code.startswith("view_")
    }
    assert ("recommendations", "view_progressupdate") in advisers


@pytest.mark.parametrize("group_name", ["Coordinators", "Advisers"])
def test_no_role_group_may_touch_users_profiles_or_history_tables(group_name):
    permissions = permissions_of(group_name) - TOKENS  # coordinators' (above), advisers' none

    assert not {app for app, _ in permissions} - DOMAIN_APPS
    assert not [code for _, code in permissions if code.endswith("userprofile")]
    assert not [code for _, code in permissions if "_historical" in code]


def test_installing_the_role_groups_again_changes_nothing():
    before = snapshot()

    install_role_groups()
    install_role_groups()

    assert snapshot() == before


def test_migrate_puts_a_group_changed_by_hand_back_to_its_roles_definition():
    before = snapshot()
    advisers = Group.objects.get(name="Advisers")
    advisers.permissions.add(Permission.objects.get(codename="delete_recommendation"))
    coordinators = Group.objects.get(name="Coordinators")
    coordinators.permissions.remove(Permission.objects.get(codename="add_engagement"))

    call_command("migrate", verbosity=0, interactive=False)

    assert snapshot() == before


def test_migrate_leaves_the_administrators_own_groups_alone():
    auditors = Group.objects.create(name="Auditors")
    auditors.permissions.add(Permission.objects.get(codename="view_recommendation"))

    call_command("migrate", verbosity=0, interactive=False)

    assert permissions_of("Auditors") == {("recommendations", "view_recommendation")}
