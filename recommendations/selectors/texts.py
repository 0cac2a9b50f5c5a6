"""The recommendations' texts in the reader's language, for lists (no query per row)."""

from typing import Any, TypeVar

from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.utils.translation import get_language

from ..models import ORIGINAL_LANGUAGE, RecommendationText

# Any queryset of recommendations, its other annotations kept.
Recommendations = TypeVar("Recommendations", bound=QuerySet[Any])


def with_text_in(recommendations: Recommendations, language: str | None = None) -> Recommendations:
    """``recommendations`` annotated with their text in ``language`` (default: the active
    one) where one is recorded (``text_in_language``, else None), read by
    ``Recommendation.text_in`` without a query of its own. Nothing is added for the
    original's language."""
    language = (language or get_language() or ORIGINAL_LANGUAGE).split("-")[0]
    if language == ORIGINAL_LANGUAGE:
        return recommendations
    recorded = RecommendationText.objects.filter(
        recommendation=OuterRef("pk"), language=language
    ).values("text")[:1]
    return recommendations.annotate(
        text_in_language=Subquery(recorded), text_in_language_code=Value(language)
    )
