"""Users and their roles: the one place a user's admin access follows their profile's role.

The admin's user profile form, the ``create_user`` command and the demo call these
functions. A role's access (may the user enter the admin, is the user a superuser, which
group holds the role's admin permissions) is defined in :mod:`recommendations.roles`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .models import Institution, UserProfile
from .roles import ROLE_ACCESS, ROLE_GROUPS, install_role_groups


@transaction.atomic
def user_profile_save(*, profile: UserProfile) -> UserProfile:
    """Validate and save ``profile`` (new or changed), then give its user exactly the
    access of its role: ``is_staff``, ``is_superuser`` and membership of the role's group,
    leaving the user's other groups alone.

    Raises ``ValidationError`` (e.g. ministry staff without an institution), and then
    nothing is saved.
    """
    profile.full_clean()
    profile.save()
    _give_access(profile.user, profile.role)
    return profile


@transaction.atomic
def user_profile_delete(*, profile: UserProfile) -> None:
    """Delete ``profile``; its user keeps their account but loses every role's access."""
    user = profile.user
    profile.delete()
    _give_access(user, None)


@transaction.atomic
def user_create(
    *,
    username: str,
    role: str,
    institution: Institution | None = None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
):
    """Create a user with a profile of ``role`` (at ``institution``) and that role's access.

    Without ``password`` the user has none that works until one is set (``manage.py
    changepassword``). Raises ``ValidationError`` for a taken username or a profile the
    role does not allow, and then nothing is created.
    """
    user = get_user_model()(
        username=username, email=email, first_name=first_name, last_name=last_name
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.full_clean()
    user.save()
    user_profile_save(profile=UserProfile(user=user, role=role, institution=institution))
    return user


def _give_access(user, role: str | None) -> None:
    access = ROLE_ACCESS.get(role) if role else None
    user.is_staff = bool(access and access.staff)
    user.is_superuser = bool(access and access.superuser)
    user.save(update_fields=["is_staff", "is_superuser"])
    wanted = access.group if access else ""
    user.groups.remove(*Group.objects.filter(name__in=ROLE_GROUPS - {wanted}))
    if wanted:
        group = Group.objects.filter(name=wanted).first()
        if group is None:  # deleted by hand since the last migrate: put it back, whole
            install_role_groups()
            group = Group.objects.get(name=wanted)
        user.groups.add(group)


def user_language_set(*, user, language: str, only_if_unset: bool = False) -> bool:
    """Remember ``language`` (a code of ``settings.LANGUAGES``) as ``user``'s: their pages
    and the e-mails they receive use it. With ``only_if_unset``, a language already chosen
    is kept. Users without a profile have nowhere to keep it: nothing is saved. True when
    the profile changed; an unknown language raises ``ValueError``."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"{language!r} is none of the tracker's languages")
    profile = getattr(user, "profile", None)
    if profile is None or profile.language == language or (only_if_unset and profile.language):
        return False
    profile.language = language
    profile.save(update_fields=["language"])
    return True


def language_of(user) -> str:
    """The language ``user`` reads the tracker in: their profile's, else the default."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return (profile.language if profile else "") or settings.LANGUAGE_CODE
