"""Reads of the independent voices: where published assessments disagree with the
official status. The official status is the measure's (``with_current_status``): an
assessment never enters the measure, it is only compared with it."""

from dataclasses import dataclass

from django.db.models import QuerySet

from ..models import IndependentAssessment, Recommendation, Status
from .measure import with_current_status

PUBLISHED = IndependentAssessment.ModerationState.PUBLISHED


@dataclass(frozen=True)
class Disagreement:
    recommendation: Recommendation
    official_status: str
    assessment: IndependentAssessment

    @property
    def official_label(self) -> str:
        return str(Status(self.official_status).label)


def latest_published_assessments(
    assessments: QuerySet[IndependentAssessment],
) -> list[IndependentAssessment]:
    """Of ``assessments``, the published ones, and of those each organisation's latest
    on each recommendation (by the day assessed, then the last recorded): one query."""
    latest: dict[tuple[int, int], IndependentAssessment] = {}
    ordered = (
        assessments.filter(moderation_state=PUBLISHED)
        .select_related("organisation", "recommendation__review__state_under_review")
        .select_related("recommendation__review__mechanism")
        .order_by("recommendation__review", "recommendation__sort_key", "-assessed_on", "-id")
    )
    for assessment in ordered:
        latest.setdefault((assessment.recommendation_id, assessment.organisation_id), assessment)
    return list(latest.values())


def disagreements(
    recommendations: QuerySet[Recommendation], assessments: QuerySet[IndependentAssessment]
) -> list[Disagreement]:
    """Where an organisation's latest published assessment of one of ``recommendations``
    (among ``assessments``: those the reader may see) gives another status than the
    official one, in the recommendations' order: two queries, whatever their number."""
    latest = latest_published_assessments(assessments.filter(recommendation__in=recommendations))
    official = dict(
        with_current_status(
            Recommendation.objects.filter(pk__in={a.recommendation_id for a in latest})
        ).values_list("pk", "current_status")
    )
    return [
        Disagreement(assessment.recommendation, official[assessment.recommendation_id], assessment)
        for assessment in latest
        if assessment.status != official[assessment.recommendation_id]
    ]
