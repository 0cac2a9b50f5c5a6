"""Searching recommendations by their reference and text.

PostgreSQL: full-text search on ``Recommendation.search_vector`` (kept up to date by a
trigger and GIN-indexed: migration 0012), in web-search syntax (words, "quoted phrases",
-excluded), or the reference itself whatever its case. Other databases: every word must
appear in the reference or the text (``icontains``).
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q, QuerySet

# The text search configuration of the vector and of the queries: the two must agree, and
# the trigger that fills the vector names it too (a change is a migration, see 0012).
SEARCH_CONFIG = "english"


def search_recommendations(recommendations: QuerySet, text: str) -> QuerySet:
    """Recommendations whose reference or text match ``text`` (see the module)."""
    text = text.strip()
    if not text:
        return recommendations
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return recommendations.filter(Q(search_vector=query) | Q(reference__iexact=text))
    for word in text.split():
        word = word.strip('"')
        if word:
            recommendations = recommendations.filter(
                Q(text__icontains=word) | Q(reference__icontains=word)
            )
    return recommendations
