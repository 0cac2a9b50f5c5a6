"""The documents records are drawn from, cited as what they are."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Source(models.Model):
    """A document a record cites: a report, a press release, a web page.

    Its parts are kept apart (title, author or publisher, date, document symbol, public
    address) so that every page and download cites it the same way (``citation``).
    """

    title = models.CharField(
        max_length=300,
        help_text=_(
            "As the document titles itself; a description in [square brackets] "
            "for a document without a title."
        ),
        verbose_name=_("title"),
    )
    publisher = models.CharField(
        _("author or publisher"),
        max_length=250,
        blank=True,
        help_text=_("Who wrote or published it, e.g. 'OSCE Office in Minsk'."),
    )
    published = models.CharField(
        _("date"),
        max_length=60,
        blank=True,
        help_text=_(
            "As precisely as the document gives it: '16 December 2015', '2009', "
            "'last reviewed November 2020'."
        ),
    )
    document_symbol = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("A UN document symbol, e.g. A/HRC/15/16."),
        verbose_name=_("document symbol"),
    )
    url = models.URLField(_("public address"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["publisher", "title"]
        constraints = [
            models.UniqueConstraint(fields=["title", "publisher"], name="source_unique_title")
        ]

    def __str__(self):
        return self.citation

    @property
    def citation(self) -> str:
        """'OSCE Office in Minsk, “Human dimension activities”, 2009, https://…'."""
        title = self.title if self.title.startswith("[") else f"“{self.title}”"
        parts = [self.publisher, title, self.published, self.document_symbol, self.url]
        return ", ".join(part for part in parts if part)
