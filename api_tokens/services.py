"""Creating, checking and revoking API tokens.

A token reads ``upr_<key id>_<secret>``: the key id (12 hex digits) finds the
row, and the SHA-256 of the whole token must equal the stored hash. The secret
has 256 random bits, so a plain (fast) hash cannot be reversed; a slow password
hash would only slow every API request down.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from recommendations import rules

from .models import ApiToken

PREFIX = "upr"
# Recording every use would turn each read into a write; once a minute is enough
# to tell which tokens are still in use.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user, name: str = "", read_only: bool = False) -> tuple[ApiToken, str]:
    """Create a token for ``user`` and return it with its secret text.

    The text is shown once and never stored. The token is read-only when asked, and
    always for a user who may not write (``rules.api_token_is_read_only``: partners,
    advisers), whatever ``read_only`` says.
    """
    key_id = secrets.token_hex(6)
    while ApiToken.objects.filter(key_id=key_id).exists():
        key_id = secrets.token_hex(6)
    text = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_id=key_id,
        secret_hash=_hash(text),
        read_only=rules.api_token_is_read_only(user, asked=read_only),
    )
    return token, text


def api_token_authenticate(text: str) -> ApiToken | None:
    """The live token ``text`` names, with its user; None if it is unknown, wrong,
    revoked, or its user is inactive. Records when the token was last used."""
    parts = text.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    token = (
        ApiToken.objects.select_related("user__profile")
        .filter(key_id=parts[1], revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(text)):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token for good (a revoked token stays listed, with when)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
