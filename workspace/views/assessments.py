"""A contributor's pages: their organisation's independent assessments, and the form
that submits one (or corrects one not yet published). ``rules`` decide who may."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from recommendations import rules, voices
from recommendations.models import IndependentAssessment
from recommendations.selectors import with_current_status

from ..forms import IndependentAssessmentForm
from .saving import form_page


def _require_contributor(request):
    organisation = rules.organisation_of(request.user)
    if organisation is None:
        raise PermissionDenied(_("This page is for contributors of an NHRI or an NGO."))
    return organisation


@login_required
def assessments(request):
    """The organisation's assessments, newest first, each with its moderation state (and
    a declined one's reason)."""
    organisation = _require_contributor(request)
    listed = (
        IndependentAssessment.objects.filter(organisation=organisation)
        .select_related("recommendation__review__state_under_review", "decided_by")
        .select_related("recommendation__review__mechanism")
        .order_by("-updated_at", "-id")
    )
    return render(
        request,
        "workspace/assessments.html",
        {
            "organisation": organisation,
            "assessments": [(a, rules.may_change_assessment(request.user, a)) for a in listed],
        },
    )


@login_required
def assessment_create(request, pk):
    """A new assessment of recommendation ``pk`` (of a published review)."""
    _require_contributor(request)
    readable = with_current_status(rules.visible_recommendations(request.user))
    recommendation = get_object_or_404(
        readable.select_related("review__state_under_review", "review__mechanism"), pk=pk
    )
    if not rules.may_assess(request.user, recommendation):
        raise PermissionDenied(_("Only the recommendations of published reviews are assessed."))
    return form_page(
        request,
        IndependentAssessmentForm(request.POST or None),
        "workspace/assessment_form.html",
        {"recommendation": recommendation, "assessment": None},
        save=lambda form: voices.independent_assessment_submit(
            user=request.user, recommendation=recommendation, **form.cleaned_data
        ),
        saved_message=lambda _saved: _("Submitted: a coordinator will publish or decline it."),
        next_page=lambda _saved: reverse("workspace:assessments"),
    )


@login_required
def assessment_edit(request, pk):
    """Correct an assessment not yet published; a declined one is submitted again."""
    _require_contributor(request)
    assessment = get_object_or_404(
        rules.visible_assessments(request.user).select_related(
            "recommendation__review__state_under_review", "recommendation__review__mechanism"
        ),
        pk=pk,
    )
    if not rules.may_change_assessment(request.user, assessment):
        raise PermissionDenied(_("A published assessment is final: submit a newer one."))
    # The recommendation as it stands is read only when the form is shown.
    return form_page(
        request,
        IndependentAssessmentForm(request.POST or None, instance=assessment),
        "workspace/assessment_form.html",
        lambda: {
            "recommendation": with_current_status(
                rules.visible_recommendations(request.user).filter(pk=assessment.recommendation_id)
            ).first(),
            "assessment": assessment,
        },
        save=lambda form: voices.independent_assessment_edit(
            user=request.user, assessment=assessment, **form.cleaned_data
        ),
        saved_message=lambda _saved: _("Submitted again: a coordinator will decide on it."),
        next_page=lambda _saved: reverse("workspace:assessments"),
    )
