"""``/recommendations/<id>/``: everything about one recommendation on one page."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from web.access import readable_page

from .. import rules
from ..models import ACTION_CATEGORIES, ImplementationAction, Recommendation, Responsibility
from ..selectors import with_current_status, with_status_is_demo
from .engagements import engagement_model


@readable_page
def recommendation_detail(request, pk: int):
    """The text, position, responsibilities, the status history the reader may see
    (``rules.visible_updates``), the actions, the engagements and the repeats."""
    recommendation = get_object_or_404(
        with_status_is_demo(with_current_status(Recommendation.objects.all()))
        .select_related(
            "review__state_under_review",
            "review__mechanism",
            "repeats__review__state_under_review",
            "repeats__review__mechanism",
        )
        .prefetch_related(
            "recommending_states",
            "themes",
            "affected_groups",
            "sdg_goals",
            "sdg_targets",
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("institution").order_by(
                    "role", "institution__name"
                ),
            ),
            Prefetch(
                "repeated_by",
                queryset=Recommendation.objects.select_related(
                    "review__state_under_review", "review__mechanism"
                ),
            ),
            Prefetch(
                "actions",
                queryset=ImplementationAction.objects.select_related(
                    "institution", "source"
                ).order_by("-start_date", "title"),
            ),
            Prefetch(
                "engagements",
                queryset=engagement_model().objects.order_by("-start_date", "title"),
            ),
        ),
        pk=pk,
    )
    history = (
        rules.visible_updates(request.user, recommendation.progress_updates.all())
        .select_related("institution", "author", "reviewed_by")
        .order_by("-assessed_on", "-reviewed_at", "-id")
    )
    responsibilities = list(recommendation.responsibilities.all())
    return render(
        request,
        "recommendations/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "review": recommendation.review,
            "leads": [r for r in responsibilities if r.role == Responsibility.Role.LEAD],
            "supporting": [r for r in responsibilities if r.role != Responsibility.Role.LEAD],
            "history": history,
            "show_authors": request.user.is_authenticated,
            "may_report": rules.may_report_on(request.user, recommendation),
            "action_categories": ACTION_CATEGORIES,
        },
    )
