"""API tokens: what a partner system sends in ``Authorization: Token …``.

Only a SHA-256 hash of each token is stored, so a copy of the database does not
give anyone a usable token. The short ``key_id`` in the token is not secret: it
finds the row, and the hash is then compared in constant time.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("What the token is for, e.g. 'UNDP reporting'."),
        verbose_name=_("name"),
    )
    key_id = models.CharField(
        _("prefix"),
        max_length=16,
        unique=True,
        editable=False,
        help_text=_("The token's non-secret beginning, to tell tokens apart."),
    )
    secret_hash = models.CharField(max_length=64, editable=False, verbose_name=_("secret hash"))
    read_only = models.BooleanField(
        default=False,
        help_text=_(
            "A read-only token never changes anything, whatever its user may do. "
            "A partner's token is always read-only."
        ),
        verbose_name=_("read only"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    last_used_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("last used at")
    )
    revoked_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("revoked at")
    )

    class Meta:
        verbose_name_plural = _("API tokens")
        verbose_name = _("API token")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("%(name)s (%(prefix)s…) of %(user)s") % {
            "name": self.name or gettext("token"),
            "prefix": self.prefix,
            "user": self.user,
        }

    @property
    def prefix(self) -> str:
        return f"upr_{self.key_id}"
