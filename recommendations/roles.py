"""The roles and what each may do in the Django admin: the one definition.

The pages, the API and the admin's own checks ask ``recommendations.rules``, which reads a
user's role from their profile. The Django admin also asks Django's model permissions (may
this user open the list, the add form, the delete button?). Those come from here: each role
says whether its users enter the admin (``is_staff``), whether they are superusers, and the
group that holds the role's model permissions. ``install_role_groups`` writes the groups, on
every database, after every ``migrate`` (see ``apps.py``); ``recommendations.people`` puts a
user in the group of their profile's role. Change a role here, never in the admin: the next
``migrate`` puts the groups back to this definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, router
from django.db.models import Q

from .models.people import Role

EVERY_ACTION = ("add", "change", "delete", "view")
READ_ONLY = ("view",)

# The domain as the admin shows it, by app: reviews, recommendations and who answers for them,
# actions and progress, independent assessments and public comments, the vocabularies, and the
# engagements. User profiles are not in it:
# administrators manage users.
DOMAIN_MODELS = {
    "recommendations": (
        "state",
        "mechanism",
        "theme",
        "affectedgroup",
        "sdggoal",
        "sdgtarget",
        "institution",
        "reviewcycle",
        "recommendation",
        "recommendationtext",
        "responsibility",
        "implementationaction",
        "progressupdate",
        "source",
        "indicator",
        "indicatorvalue",
        "cluster",
        "independentassessment",
        "publiccomment",
    ),
    "missions": ("engagement",),
}


def _on_the_domain(actions: tuple[str, ...]) -> dict[str, dict[str, tuple[str, ...]]]:
    return {app: dict.fromkeys(models, actions) for app, models in DOMAIN_MODELS.items()}


@dataclass(frozen=True)
class RoleAccess:
    """What a role's users may do in the Django admin."""

    staff: bool  # may log in to the admin
    superuser: bool = False  # every permission, users and settings included
    group: str = ""  # the group holding ``permissions`` ("" for none)
    # app label -> model name -> actions ("add", "change", "delete", "view")
    permissions: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)


ROLE_ACCESS: dict[str, RoleAccess] = {  # by the profile's role
    # Import and curate recommendations, assign institutions, validate, record engagements.
    # And see and revoke every user's API tokens (tokens are made by their users).
    Role.COORDINATOR: RoleAccess(
        staff=True,
        group="Coordinators",
        permissions={
            **_on_the_domain(EVERY_ACTION),
            "api_tokens": {"apitoken": ("view", "change")},
        },
    ),
    # Read everything the rules let them see, change nothing.
    Role.ADVISER: RoleAccess(staff=True, group="Advisers", permissions=_on_the_domain(READ_ONLY)),
    # Ministry staff work in the workspace; partners read through the API.
    Role.MINISTRY: RoleAccess(staff=False),
    Role.PARTNER: RoleAccess(staff=False),
    # Contributors (an NHRI or NGO) submit their assessments on their own pages.
    Role.CONTRIBUTOR: RoleAccess(staff=False),
    # Users, institutions, settings: everything.
    Role.ADMINISTRATOR: RoleAccess(staff=True, superuser=True),
}

ROLE_GROUPS = {access.group for access in ROLE_ACCESS.values() if access.group}
# Every app whose permissions some role's group holds.
PERMISSION_APPS = sorted({app for access in ROLE_ACCESS.values() for app in access.permissions})


def group_permissions(access: RoleAccess) -> set[tuple[str, str]]:
    """The (app label, codename) pairs of the permissions ``access``'s group holds."""
    return {
        (app, f"{action}_{model}")
        for app, models in access.permissions.items()
        for model, actions in models.items()
        for action in actions
    }


def install_role_groups(*, using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> None:
    """Create the role groups that are missing and give each exactly its role's permissions.

    Idempotent: a second run changes nothing. Groups that are no role's (an administrator's
    own) are left alone, and so are the users in each group. ``apps`` is the app registry the
    models are taken from: the migration state in a ``post_migrate`` handler.
    """
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # auth is not migrated (yet) on this database
        return
    if not router.allow_migrate_model(using, Group):
        return
    for access in ROLE_ACCESS.values():
        if not access.group:
            continue
        group, _ = Group.objects.using(using).get_or_create(name=access.group)
        wanted = Q(pk__in=[])
        for app, codename in group_permissions(access):
            wanted |= Q(content_type__app_label=app, codename=codename)
        group.permissions.set(Permission.objects.using(using).filter(wanted))
