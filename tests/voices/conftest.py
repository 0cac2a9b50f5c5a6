"""A small world for the independent voices and the public face: a published first
cycle and an unpublished second one, each with a Justice recommendation validated as
"in progress", a draft and a returned update, and an NGO's contributor (tests/world.py's
standing users)."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import timezone

from recommendations.models import IndependentAssessment, Recommendation, ReviewCycle
from tests.factories import ReviewCycleFactory
from tests.world import DRAFT, RETURNED, VALIDATED, ministry_recommendation, publish, update


@dataclass
class Voices:
    published: ReviewCycle
    unpublished: ReviewCycle
    recommendation: Recommendation  # of the published review, officially "in progress"
    hidden: Recommendation  # of the unpublished review
    users: dict
    ngo: object


@pytest.fixture
def voices(db, justice, users, ngo):
    published = ReviewCycleFactory(cycle=1, review_date=date(2010, 5, 12))
    unpublished = ReviewCycleFactory(
        state_under_review=published.state_under_review,
        mechanism=published.mechanism,
        cycle=2,
        review_date=date(2015, 5, 4),
    )
    publish(published)
    recommendation = ministry_recommendation(
        published, justice, "97.1", text="Abolish the death penalty"
    )
    hidden = ministry_recommendation(
        unpublished, justice, "110.1", text="UNPUBLISHED-TEXT ratify the second protocol"
    )
    update(recommendation, justice, VALIDATED, narrative="Moratorium discussed")
    update(recommendation, justice, DRAFT, narrative="DRAFT-NARRATIVE not yet sent")
    update(
        recommendation,
        justice,
        RETURNED,
        narrative="RETURNED-NARRATIVE",
        reviewer_comment="INTERNAL-COMMENT ask the ministry again",
    )
    return Voices(published, unpublished, recommendation, hidden, users, ngo)


def assessment(voices, state=IndependentAssessment.ModerationState.SUBMITTED, **fields):
    """The NGO's assessment of the published recommendation: "not started" (the official
    status is "in progress"), in moderation ``state``."""
    values = {
        "recommendation": voices.recommendation,
        "organisation": voices.ngo,
        "author": voices.users["contributor"],
        "status": "not_started",
        "assessed_on": date(2024, 6, 1),
        "narrative": "Nothing has changed in practice.",
        "sources": "https://example.org/report-2024\nShadow report, 2024",
        "moderation_state": state,
    }
    values.update(fields)
    if state == IndependentAssessment.ModerationState.PUBLISHED:
        values.setdefault("decided_at", timezone.now())
    if state == IndependentAssessment.ModerationState.DECLINED:
        values.setdefault("decline_reason", "Sources missing")
    return IndependentAssessment.objects.create(**values)
