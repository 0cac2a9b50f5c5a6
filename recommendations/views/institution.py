"""``/institutions/<id>/``: what one institution is responsible for and how far it got."""

from django.conf import settings
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from web.access import readable_page
from web.replicas import reads_from_replica

from .. import caching, rules
from ..models import Institution, Responsibility
from ..selectors import (
    GroupMeasure,
    Measure,
    measure,
    measure_and_groups,
    overdue_recommendations,
    with_text_in,
)
from .engagements import engagements_of
from .querysets import first_and_count, longest_overdue_first, with_lead

OVERDUE_SHOWN = 20
ACTIONS_SHOWN = 30


@readable_page
@reads_from_replica
def institution_detail(request, pk: int):
    """The measure of the recommendations it leads or supports (and of those it leads),
    per review; its overdue recommendations, its actions and its engagements."""
    institution = get_object_or_404(Institution.objects.select_related("country"), pk=pk)
    user = request.user
    readable = rules.visible_recommendations(user)
    responsible = readable.filter(responsibilities__institution=institution)
    leading = readable.filter(
        responsibilities__institution=institution,
        responsibilities__role=Responsibility.Role.LEAD,
    )
    list_url = f"{reverse('recommendation-list')}?institution={institution.pk}"
    everything, per_review, per_review_table = caching.kept(_per_review, responsible, list_url)
    overdue = longest_overdue_first(overdue_recommendations(responsible)).select_related(
        "review__state_under_review", "review__mechanism"
    )
    # Kept with the figures: the query names the day from which a recommendation is overdue.
    overdue_shown, overdue_count = caching.kept(
        first_and_count, with_lead(with_text_in(overdue)), OVERDUE_SHOWN
    )
    own_actions = rules.visible_actions(user, institution.actions.all())
    # The recommendations each serves that the user reads (the public face: published).
    served = (
        Count("recommendations", filter=Q(recommendations__in=readable))
        if rules.sees_public_face_only(user)
        else Count("recommendations")
    )
    actions = own_actions.annotate(served=served).order_by("-start_date", "title")
    return render(
        request,
        "recommendations/institution_detail.html",
        {
            "institution": institution,
            "measure": everything,
            "leading": caching.kept(measure, leading),
            "per_review": per_review,
            "per_review_table": per_review_table,
            "list_url": list_url,
            "overdue_count": overdue_count,
            "overdue_months": settings.UPR_OVERDUE_MONTHS,
            "overdue": overdue_shown,
            "actions": actions[:ACTIONS_SHOWN],
            "action_count": own_actions.count(),
            "engagements": engagements_of(user, institution),
        },
    )


def _per_review(responsible, list_url: str) -> tuple[Measure, list[GroupMeasure], SafeString]:
    """The measure of what the institution is responsible for, its measure per review
    and their table rendered (hundreds of rows for an institution named in every
    review): kept with the figures (``caching.kept``), in each language."""
    everything, per_review = measure_and_groups(responsible, "review")
    table = render_to_string(
        "recommendations/institution_parts/per_review.html",
        {
            "per_review": per_review,
            "per_review_includes_demo": any(g.measure.includes_demo for g in per_review),
            "list_url": list_url,
        },
    )
    return everything, per_review, mark_safe(table)  # rendered by the engine, escaped there
