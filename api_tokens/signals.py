"""API tokens die with the credentials that stood behind them: when their owner's
password changes or the account is deactivated, every live token of the owner
is revoked.

This is a signal on the user model, against the habit of keeping rules out of
signals, because a password changes through many doors that are not ours:
the workspace's and the admin's password forms, the admin's user form
(deactivation), password reset, ``manage.py changepassword``, a shell. All of
them save the user; only a queryset ``update()`` would slip past, and no door of
the tracker uses one. A password is "changed" when ``set_password`` (or
``set_unusable_password``) was called before the save: Django re-hashing the
same password on login (a stronger hasher) is not a change and revokes nothing.
"""

from django.conf import settings
from django.contrib.auth.hashers import is_password_usable
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import ApiToken

WATCHED_FIELDS = {"password", "is_active"}


def _credentials_changed(user, before: dict) -> bool:
    password_set = getattr(user, "_password", None) is not None or (
        before["password"] != user.password and not is_password_usable(user.password)
    )
    deactivated = before["is_active"] and not user.is_active
    return password_set or deactivated


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="api_tokens_note_credentials")
def note_credential_changes(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not WATCHED_FIELDS & set(update_fields):
        return  # e.g. last_login on every login: no query
    before = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    instance._revoke_api_tokens = before is not None and _credentials_changed(instance, before)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="api_tokens_revoke")
def revoke_tokens_after_credential_changes(sender, instance, **kwargs):
    # After the save, in its transaction: a save that fails revokes nothing.
    if getattr(instance, "_revoke_api_tokens", False):
        instance._revoke_api_tokens = False
        ApiToken.objects.filter(user=instance, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
