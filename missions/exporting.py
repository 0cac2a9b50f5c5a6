"""Engagements (missions, visits, reports, trainings …) as rows for partners' own reporting."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from .models import Engagement
from .selectors import with_everything_shown

COLUMNS = (
    "Kind",
    "Title",
    "Start date",
    "End date",
    "Dates",
    "Place",
    "Country",
    "State concerned",
    "Organisers",
    "Funders",
    "Participants",
    "Participants note",
    "Summary",
    "Outcomes",
    "Mechanisms",
    "Themes",
    "Affected groups",
    "Recommendations",
    "Thematic pillars",
    "Budget amount",
    "Budget currency",
    "Budget period",
    "Source",
)
CHUNK = 500


def rows(engagements: QuerySet[Engagement], recommendations: QuerySet) -> Iterator[list]:
    """One list of cells per engagement, in :data:`COLUMNS` order; of its linked
    recommendations, those among ``recommendations`` (those the reader may see)."""
    engagements = with_everything_shown(engagements, recommendations)
    for engagement in engagements.order_by("start_date", "title").iterator(chunk_size=CHUNK):
        yield [
            engagement.get_kind_display(),
            engagement.title,
            engagement.start_date,
            engagement.end_date,
            engagement.when,
            engagement.place,
            engagement.country.name if engagement.country else "",
            engagement.state_concerned.name if engagement.state_concerned else "",
            _names(engagement.organisers.all()),
            _names(engagement.funders.all()),
            _names(engagement.participants.all()),
            engagement.participants_note,
            engagement.summary,
            engagement.outcomes,
            "; ".join(m.code for m in engagement.mechanisms.all()),
            _names(engagement.themes.all()),
            _names(engagement.affected_groups.all()),
            "; ".join(r.reference for r in engagement.recommendations.all()),
            "; ".join(engagement.pillars),
            engagement.budget_amount,
            engagement.budget_currency,
            engagement.budget_period,
            engagement.source.citation if engagement.source else "",
        ]


def _names(items) -> str:
    return "; ".join(item.name for item in items)
