"""The demo's public face and independent voices, so that a newcomer meets them at once:
the first cycle published (the second not), an assessment by La Strada Belarus (an NGO the
seed documents name) published beside the official status of a trafficking
recommendation and disagreeing with it, one waiting for the coordinator, and a saved view
the coordinator shares with everyone. Everything goes through the services, as the pages
do; run again, it adds nothing twice."""

from datetime import date

from django.contrib.auth import get_user_model

from recommendations import publication, voices
from recommendations.models import (
    SUPPORTED_POSITIONS,
    IndependentAssessment,
    Recommendation,
    ReviewCycle,
    Status,
)
from recommendations.selectors import with_current_status
from workspace.models import SavedView
from workspace.saved_views import saved_view_save, saved_view_share

from .belarus import DEMO_NOTE

# The day the demo's first cycle is public from: the day its outcome was adopted.
FIRST_CYCLE_PUBLIC_FROM = date(2010, 9, 20)
CONTRIBUTOR = "ngo"
# (what the NGO writes, the status it gives, published?) on trafficking recommendations.
ASSESSMENTS = (
    (
        "Victims identified by NGOs are still rarely referred to assistance by the police; "
        "the referral mechanism exists on paper.",
        Status.PARTIALLY_IMPLEMENTED,
        True,
    ),
    (
        "Shelters run by NGOs still carry most of the assistance to victims.",
        Status.IN_PROGRESS,
        False,
    ),
)
SOURCES = "https://www.lastrada.by/\nLa Strada Belarus, annual report (demo citation)"
SAVED_VIEW = ("Supported recommendations on trafficking", "position=supported&theme=trafficking")


def load_voices(first: ReviewCycle, second: ReviewCycle) -> None:
    """Publish the first cycle (not the second), La Strada's assessments, a shared view."""
    User = get_user_model()
    coordinator = User.objects.get(username="coordinator")
    if first.published_from is None:
        publication.review_publish(
            user=coordinator, review=first, published_from=FIRST_CYCLE_PUBLIC_FROM
        )
    contributor = User.objects.get(username=CONTRIBUTOR)
    if not IndependentAssessment.objects.filter(author=contributor).exists():
        _assessments(first, coordinator, contributor)
    if not SavedView.objects.filter(owner=coordinator, name=SAVED_VIEW[0]).exists():
        view = saved_view_save(
            user=coordinator, name=SAVED_VIEW[0], page="recommendation-list", query=SAVED_VIEW[1]
        )
        saved_view_share(user=coordinator, view=view, shared=True)


def _assessments(first: ReviewCycle, coordinator, contributor) -> None:
    trafficking = list(
        with_current_status(
            Recommendation.objects.filter(
                review=first, position__in=SUPPORTED_POSITIONS, themes__name="Trafficking"
            )
        ).order_by("sort_key")
    )
    for recommendation, (narrative, status, published) in zip(
        trafficking, ASSESSMENTS, strict=False
    ):
        if published and recommendation.current_status == status:
            status = Status.NOT_STARTED  # the demo shows a disagreement: keep one
        assessment = voices.independent_assessment_submit(
            user=contributor,
            recommendation=recommendation,
            status=status,
            assessed_on=date(2014, 11, 1),
            narrative=f"{DEMO_NOTE} {narrative}",
            sources=SOURCES,
        )
        if published:
            voices.independent_assessment_publish(user=coordinator, assessment=assessment)
