"""API tokens: what a partner system sends in ``Authorization: Token …``.

Only a SHA-256 hash of each token is stored, so a copy of the database does not
give anyone a usable token. The short ``key_id`` in the token is not secret: it
finds the row, and the hash is then compared in constant time.
"""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        max_length=100, blank=True, help_text="What the token is for, e.g. 'UNDP reporting'."
    )
    key_id = models.CharField(
        "prefix",
        max_length=16,
        unique=True,
        editable=False,
        help_text="The token's non-secret beginning, to tell tokens apart.",
    )
    secret_hash = models.CharField(max_length=64, editable=False)
    read_only = models.BooleanField(
        default=False,
        help_text="A read-only token never changes anything, whatever its user may do. "
        "A partner's token is always read-only.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name or 'token'} ({self.prefix}…) of {self.user}"

    @property
    def prefix(self) -> str:
        return f"upr_{self.key_id}"
