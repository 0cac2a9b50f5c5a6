"""A recommendation's official text in other languages than its original.

``Recommendation.text`` is the text as the UN's report gives it, in English
(:data:`ORIGINAL_LANGUAGE`: the language the tracker's imports read); the UN also publishes
its reports in Russian and the other official languages, and a :class:`RecommendationText`
keeps one of those versions. Pages, the status report and the API show the reader's
language's text where one is recorded, and say so when they fall back to the original
(:func:`text_in`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The language of every recommendation's ``text``.
ORIGINAL_LANGUAGE = "en"


def translation_languages() -> list[tuple[str, str]]:
    """The languages a recommendation's text may be recorded in besides the original."""
    return [(code, name) for code, name in settings.LANGUAGES if code != ORIGINAL_LANGUAGE]


class RecommendationText(models.Model):
    """The official text of one recommendation in one language other than the original."""

    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("recommendation"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("text in another language")
        verbose_name_plural = _("texts in other languages")
        ordering = ["recommendation", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "language"], name="one_text_per_language"
            ),
            models.CheckConstraint(
                condition=~models.Q(text=""), name="recommendation_text_in_language_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.recommendation.reference} ({self.language})"

    def clean(self):
        if self.language == ORIGINAL_LANGUAGE:
            raise ValidationError(
                {"language": _("The original text is the recommendation's own text.")}
            )


@dataclass(frozen=True)
class ShownText:
    """The text a reader is shown: in ``language``; ``is_translation`` when it is not the
    original; ``is_fallback`` when the reader's language has no text and the original is
    shown instead."""

    text: str
    language: str
    is_translation: bool = False
    is_fallback: bool = False


def text_in(recommendation, language: str | None) -> ShownText:
    """``recommendation``'s text in ``language`` (e.g. the active one), else its original.

    Reads the ``text_in_language`` annotation of a list's queryset when it was made for
    that language (``selectors.with_text_in``: no query), else the prefetched
    ``translations``, else asks the database (one query)."""
    language = (language or ORIGINAL_LANGUAGE).split("-")[0]
    if language == ORIGINAL_LANGUAGE:
        return ShownText(recommendation.text, ORIGINAL_LANGUAGE)
    text = _recorded(recommendation, language)
    if text:
        return ShownText(text, language, is_translation=True)
    return ShownText(recommendation.text, ORIGINAL_LANGUAGE, is_fallback=True)


def _recorded(recommendation, language: str) -> str | None:
    if getattr(recommendation, "text_in_language_code", None) == language:
        return recommendation.text_in_language
    prefetched = getattr(recommendation, "_prefetched_objects_cache", {}).get("translations")
    if prefetched is not None:
        return next((t.text for t in prefetched if t.language == language), None)
    if recommendation.pk is None:
        return None
    return (
        RecommendationText.objects.filter(recommendation=recommendation, language=language)
        .values_list("text", flat=True)
        .first()
    )
