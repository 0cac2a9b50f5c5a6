"""What the tracker itself records for the audit: downloads. Logins are django-axes'
records, changes the history tables' and the admin's log (``audit.events`` reads them
all)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Download(models.Model):
    """A file someone took away — an export, the status report (page or document), an
    API list as CSV, an evidence file: who, when, from which address, which path with
    which filters, in which format. Recorded by ``audit.middleware`` for every answered
    download, whichever view produced it."""

    at = models.DateTimeField(default=timezone.now, db_index=True, verbose_name=_("at"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    # Kept as it was then: the record outlives a renamed or deleted account. Empty for an
    # anonymous visitor (a public dashboard).
    username = models.CharField(max_length=150, blank=True, verbose_name=_("username"))
    path = models.CharField(max_length=2000, verbose_name=_("path"))
    query = models.TextField(_("filters"), blank=True, help_text=_("The query string as sent."))
    filename = models.CharField(max_length=255, blank=True, verbose_name=_("filename"))
    format = models.CharField(max_length=16, blank=True, verbose_name=_("format"))
    address = models.GenericIPAddressField(null=True, blank=True, verbose_name=_("address"))
    api_token = models.CharField(
        _("API token"),
        max_length=32,
        blank=True,
        help_text=_("The prefix of the token used, if any."),
    )

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["username", "at"], name="download_person_time")]

    def __str__(self):
        return gettext("%(who)s downloaded %(what)s") % {
            "who": self.username or gettext("anonymous"),
            "what": self.filename or self.path,
        }
