"""The coordinators' moderation queue: independent assessments to publish or decline
(with a reason), public comments to approve or reject. Each decision goes through
``recommendations.voices``; nothing reaches the public pages before it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import rules, voices
from recommendations.models import IndependentAssessment, PublicComment, Recommendation
from recommendations.selectors import with_current_status

from ..forms import DeclineForm

WAITING_ASSESSMENT = IndependentAssessment.ModerationState.SUBMITTED
WAITING_COMMENT = PublicComment.ModerationState.PENDING


def _require_moderator(request):
    if not rules.may_moderate(request.user):
        raise PermissionDenied(_("Only coordinators moderate assessments and comments."))


@login_required
def moderation(request):
    """What waits: assessments beside the official status, oldest first; comments."""
    _require_moderator(request)
    waiting = list(
        IndependentAssessment.objects.filter(moderation_state=WAITING_ASSESSMENT)
        .select_related(
            "organisation",
            "author",
            "recommendation__review__state_under_review",
            "recommendation__review__mechanism",
        )
        .order_by("submitted_at", "id")
    )
    official = dict(
        with_current_status(
            Recommendation.objects.filter(pk__in={a.recommendation_id for a in waiting})
        ).values_list("pk", "current_status")
    )
    comments = (
        PublicComment.objects.filter(moderation_state=WAITING_COMMENT)
        .select_related("recommendation__review__state_under_review")
        .select_related("recommendation__review__mechanism")
        .order_by("submitted_at", "id")
    )
    return render(
        request,
        "workspace/moderation.html",
        {
            "assessments": [(a, official.get(a.recommendation_id)) for a in waiting],
            "comments": comments,
            "decline_form": DeclineForm(),
        },
    )


@login_required
@require_POST
def assessment_decide(request, pk):
    """Publish (``decision=publish``) or decline (``decision=decline`` with a ``reason``)."""
    _require_moderator(request)
    with transaction.atomic():
        assessment = get_object_or_404(
            IndependentAssessment.objects.select_for_update().select_related("recommendation"),
            pk=pk,
        )
        reference = assessment.recommendation.reference
        try:
            if request.POST.get("decision") == "publish":
                voices.independent_assessment_publish(user=request.user, assessment=assessment)
                messages.success(request, _("Published: the assessment of %s.") % reference)
            elif request.POST.get("decision") == "decline":
                voices.independent_assessment_decline(
                    user=request.user, assessment=assessment, reason=request.POST.get("reason")
                )
                messages.success(request, _("Declined: the assessment of %s.") % reference)
            else:
                messages.error(request, _("Choose to publish or to decline."))
        except ValidationError as error:
            messages.error(request, f"{reference}: {' '.join(error.messages)}")
    return redirect("workspace:moderation")


@login_required
@require_POST
def comment_decide(request, pk):
    """Approve (``decision=approve``) or reject (``decision=reject``) a waiting comment."""
    _require_moderator(request)
    steps = {"approve": voices.public_comment_approve, "reject": voices.public_comment_reject}
    step = steps.get(request.POST.get("decision"))
    with transaction.atomic():
        comment = get_object_or_404(PublicComment.objects.select_for_update(), pk=pk)
        if step is None:
            messages.error(request, _("Choose to approve or to reject."))
        else:
            try:
                step(user=request.user, comment=comment)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Comment by %s: done.") % comment.name)
    return redirect("workspace:moderation")
