"""``/recommendations/<id>/``: everything about one recommendation on one page."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from web.access import readable_page

from .. import rules
from ..models import (
    ACTION_CATEGORIES,
    ImplementationAction,
    IndependentAssessment,
    PublicComment,
    Responsibility,
)
from ..selectors import with_current_status, with_status_is_demo, with_tags
from .engagements import engagement_model

APPROVED = PublicComment.ModerationState.APPROVED


@readable_page
def recommendation_detail(request, pk: int):
    """The text, position, responsibilities, the status history the reader may see
    (``rules.visible_updates``), the published independent assessments beside it, the
    actions, the engagements, the repeats and the approved public comments; for the
    public face (``rules.sees_public_face_only``) only what is published."""
    user = request.user
    readable = rules.visible_recommendations(user)
    recommendation = get_object_or_404(
        with_tags(
            with_status_is_demo(with_current_status(readable)).select_related(
                "review__state_under_review",
                "review__mechanism",
                "repeats__review__state_under_review",
                "repeats__review__mechanism",
            ),
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("institution").order_by(
                    "role", "institution__name"
                ),
            ),
            Prefetch(
                "repeated_by",
                queryset=readable.select_related("review__state_under_review", "review__mechanism"),
            ),
            Prefetch(
                "actions",
                queryset=ImplementationAction.objects.select_related(
                    "institution", "source"
                ).order_by("-start_date", "title"),
            ),
            Prefetch(
                "engagements",
                queryset=rules.visible_engagements(
                    user, engagement_model().objects.order_by("-start_date", "title")
                ),
            ),
        ),
        pk=pk,
    )
    history = list(
        rules.visible_updates(user, recommendation.progress_updates.all())
        .select_related("institution", "author", "reviewed_by")
        .order_by("-assessed_on", "-reviewed_at", "-id")
    )
    actions = list(recommendation.actions.all())
    # Each record with the rules' answer: is its evidence shown to this reader?
    for record in history + actions:
        record.evidence_shown = rules.may_see_evidence(user, record)
    published = IndependentAssessment.ModerationState.PUBLISHED
    assessments = list(
        rules.visible_assessments(user, recommendation.independent_assessments.all())
        .filter(moderation_state=published)
        .select_related("organisation")
        .order_by("-assessed_on", "-id")
    )
    responsibilities = list(recommendation.responsibilities.all())
    earlier = recommendation.repeats
    return render(
        request,
        "recommendations/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "review": recommendation.review,
            "leads": [r for r in responsibilities if r.role == Responsibility.Role.LEAD],
            "supporting": [r for r in responsibilities if r.role != Responsibility.Role.LEAD],
            "history": history,
            "actions": actions,
            "repeats": earlier if earlier and rules.may_see_recommendation(user, earlier) else None,
            "show_authors": user.is_authenticated,
            "show_internal_comments": rules.may_see_internal_comments(user),
            "may_report": rules.may_report_on(user, recommendation),
            "action_categories": ACTION_CATEGORIES,
            "assessments": assessments,
            "latest_assessments": _each_organisations_latest(assessments),
            "may_assess": rules.may_assess(user, recommendation),
            "comments": rules.visible_comments(
                user, recommendation.public_comments.filter(moderation_state=APPROVED)
            ),
            "may_comment": rules.may_comment(user, recommendation),
        },
    )


def _each_organisations_latest(assessments: list) -> list:
    """Beside the official status: each organisation's latest assessment (they come
    newest first)."""
    latest: dict[int, IndependentAssessment] = {}
    for assessment in assessments:
        latest.setdefault(assessment.organisation_id, assessment)
    return list(latest.values())
