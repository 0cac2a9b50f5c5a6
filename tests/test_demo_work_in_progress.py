"""The demo's work in progress (the validation queue, the returned update, the draft)
makes sense for its recommendations: each narrative speaks of what its recommendation
is about, and each proposes a status other than the one the recommendation has."""

import re

import pytest

from demo.belarus import DEMO_NOTE
from recommendations.models import ProgressUpdate, Recommendation
from recommendations.selectors import with_current_status

pytestmark = pytest.mark.django_db


def unvalidated():
    return ProgressUpdate.objects.exclude(
        workflow_state=ProgressUpdate.WorkflowState.VALIDATED
    ).select_related("recommendation")


def words(text: str) -> set[str]:
    """The words of six letters or more: what a text is about, not how it is said."""
    return {word for word in re.findall(r"[a-z]+", text.lower()) if len(word) >= 6}


def test_there_is_one_item_for_each_step_of_the_workflow(demo):
    assert sorted(unvalidated().values_list("workflow_state", flat=True)) == [
        "draft",
        "returned",
        "submitted",
    ]


def test_each_narrative_speaks_of_its_recommendations_subject(demo):
    for update in unvalidated().prefetch_related("recommendation__themes"):
        recommendation = update.recommendation
        subject = recommendation.text + " " + " ".join(t.name for t in recommendation.themes.all())
        narrative = update.narrative.replace(DEMO_NOTE, "")

        assert words(narrative) & words(subject), (recommendation.reference, narrative)


def test_each_proposes_a_status_other_than_the_current_one(demo):
    current = dict(
        with_current_status(Recommendation.objects.all()).values_list("pk", "current_status")
    )

    for update in unvalidated():
        assert update.status != current[update.recommendation_id], update.recommendation.reference
