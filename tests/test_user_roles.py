"""A user's access follows their profile's role, wherever the role is set: the admin's user
profile form, the `create_user` command, the demo (recommendations.people)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from recommendations.models import Role, UserProfile
from recommendations.people import user_create

from .factories import InstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILES = "admin:recommendations_userprofile"


def access(user):
    user.refresh_from_db()
    return user.is_staff, user.is_superuser, sorted(user.groups.values_list("name", flat=True))


@pytest.fixture
def administrator(client):
    client.force_login(user_create(username="root", role=Role.ADMINISTRATOR))
    return client


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.COORDINATOR, (True, False, ["Coordinators"])),
        (Role.ADVISER, (True, False, ["Advisers"])),
        (Role.MINISTRY, (False, False, [])),
        (Role.PARTNER, (False, False, [])),
        (Role.ADMINISTRATOR, (True, True, [])),
    ],
)
def test_a_user_made_with_a_role_gets_that_roles_access(role, expected):
    user = user_create(username="someone", role=role, institution=InstitutionFactory())

    assert access(user) == expected
    assert user.profile.role == role
    assert not user.has_usable_password()


def test_a_profile_added_in_the_admin_gives_the_user_the_roles_access(administrator):
    user = UserFactory(username="newcomer")

    response = administrator.post(
        reverse(f"{PROFILES}_add"), {"user": user.pk, "role": Role.COORDINATOR, "institution": ""}
    )

    assert response.status_code == 302
    assert access(user) == (True, False, ["Coordinators"])


def test_changing_a_role_in_the_admin_moves_the_user_to_the_new_roles_group(administrator):
    user = user_create(username="officer", role=Role.COORDINATOR)
    url = reverse(f"{PROFILES}_change", args=[user.profile.pk])

    administrator.post(url, {"user": user.pk, "role": Role.ADVISER, "institution": ""})
    as_adviser = access(user)
    ministry = InstitutionFactory(name="Ministry of Justice")
    administrator.post(url, {"user": user.pk, "role": Role.MINISTRY, "institution": ministry.pk})

    assert as_adviser == (True, False, ["Advisers"])
    assert access(user) == (False, False, [])
    assert user.profile.institution == ministry


def test_an_administrator_demoted_to_coordinator_is_no_longer_a_superuser(administrator):
    user = user_create(username="former", role=Role.ADMINISTRATOR)
    url = reverse(f"{PROFILES}_change", args=[user.profile.pk])

    administrator.post(url, {"user": user.pk, "role": Role.COORDINATOR, "institution": ""})

    assert access(user) == (True, False, ["Coordinators"])


def test_deleting_a_profile_in_the_admin_takes_the_roles_access_away(administrator):
    user = user_create(username="leaving", role=Role.COORDINATOR)
    url = reverse(f"{PROFILES}_delete", args=[user.profile.pk])

    administrator.post(url, {"post": "yes"})

    assert not UserProfile.objects.filter(user=user).exists()
    assert access(user) == (False, False, [])


def test_a_role_change_keeps_the_groups_an_administrator_made(administrator):
    user = user_create(username="auditor", role=Role.COORDINATOR)
    user.groups.add(Group.objects.create(name="Auditors"))
    url = reverse(f"{PROFILES}_change", args=[user.profile.pk])

    administrator.post(url, {"user": user.pk, "role": Role.ADVISER, "institution": ""})

    assert access(user) == (True, False, ["Advisers", "Auditors"])


def test_the_admin_refuses_ministry_staff_without_an_institution_and_changes_nothing(
    administrator,
):
    user = user_create(username="officer", role=Role.ADVISER)
    url = reverse(f"{PROFILES}_change", args=[user.profile.pk])

    page = administrator.post(url, {"user": user.pk, "role": Role.MINISTRY, "institution": ""})

    assert page.status_code == 200
    assert "Ministry staff belong to an institution" in page.content.decode()
    assert access(user) == (True, False, ["Advisers"])
    assert UserProfile.objects.get(user=user).role == Role.ADVISER


def test_the_service_refuses_ministry_staff_without_an_institution_and_writes_nothing():
    with pytest.raises(ValidationError, match="Ministry staff belong to an institution"):
        user_create(username="officer", role=Role.MINISTRY)

    assert not get_user_model().objects.filter(username="officer").exists()


def test_create_user_makes_a_user_with_a_role_at_an_institution(capsys):
    InstitutionFactory(name="Ministry of Justice", abbreviation="MoJ")

    call_command(
        "create_user", "officer", "--role", "ministry", "--institution", "moj", "--email", "o@x.org"
    )

    user = get_user_model().objects.get(username="officer")
    assert user.email == "o@x.org"
    assert (user.profile.role, user.profile.institution.name) == (
        Role.MINISTRY,
        "Ministry of Justice",
    )
    assert access(user) == (False, False, [])
    assert "changepassword officer" in capsys.readouterr().out


def test_create_user_gives_a_coordinator_the_coordinators_group():
    call_command("create_user", "coordinator", "--role", "coordinator")

    assert access(get_user_model().objects.get(username="coordinator")) == (
        True,
        False,
        ["Coordinators"],
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--role", "ministry", "--institution", "Nowhere"], "No institution is named 'Nowhere'"),
        (["--role", "ministry"], "Ministry staff belong to an institution"),
        (["--role", "king"], "invalid choice"),
    ],
)
def test_create_user_refuses_what_cannot_work_and_creates_nobody(arguments, message):
    InstitutionFactory(name="Ministry of Justice", abbreviation="MoJ")

    with pytest.raises(CommandError, match=message):
        call_command("create_user", "officer", *arguments)

    assert not get_user_model().objects.filter(username="officer").exists()


def test_create_user_does_not_touch_an_existing_user():
    existing = UserFactory(username="officer", email="before@x.org")

    with pytest.raises(CommandError, match="already exists"):
        call_command("create_user", "officer", "--role", "coordinator", "--email", "after@x.org")

    assert access(existing) == (False, False, [])
    assert get_user_model().objects.get(username="officer").email == "before@x.org"
