"""A contributor's pages: their organisation's independent assessments, and the form
that submits one (or corrects one not yet published). ``rules`` decide who may."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from recommendations import rules, voices
from recommendations.models import IndependentAssessment
from recommendations.selectors import with_current_status

from ..forms import IndependentAssessmentForm
from .reporting import add_service_errors


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
    form = IndependentAssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            voices.independent_assessment_submit(
                user=request.user, recommendation=recommendation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Submitted: a coordinator will publish or decline it."))
            return redirect("workspace:assessments")
    return render(
        request,
        "workspace/assessment_form.html",
        {"form": form, "recommendation": recommendation, "assessment": None},
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
    form = IndependentAssessmentForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            voices.independent_assessment_edit(
                user=request.user, assessment=assessment, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Submitted again: a coordinator will decide on it."))
            return redirect("workspace:assessments")
    recommendation = with_current_status(
        rules.visible_recommendations(request.user).filter(pk=assessment.recommendation_id)
    ).first()
    return render(
        request,
        "workspace/assessment_form.html",
        {"form": form, "recommendation": recommendation, "assessment": assessment},
    )
