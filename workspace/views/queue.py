"""The coordinators' validation queue: submitted progress updates and indicator values,
validated or returned in bulk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext

from recommendations import plans, services
from recommendations.models import Indicator, IndicatorValue, ProgressUpdate, Recommendation
from recommendations.selectors import with_current_status, with_latest_value

from ..forms import ReviewDecisionForm
from .access import require_coordinator

WorkflowState = ProgressUpdate.WorkflowState
RECENTLY_RETURNED = 20


@login_required
def queue(request):
    """Each submitted update beside the recommendation's current status, and each
    submitted indicator value beside the indicator's latest validated value and target;
    tick some, then validate them or return them with a comment."""
    require_coordinator(request)
    submitted = (
        ProgressUpdate.objects.filter(workflow_state=WorkflowState.SUBMITTED)
        .select_related(
            "recommendation__review__state_under_review",
            "recommendation__review__mechanism",
            "institution",
            "author",
        )
        .prefetch_related("recommendation__translations")
        .order_by("submitted_at", "id")
    )
    submitted_values = (
        IndicatorValue.objects.filter(workflow_state=WorkflowState.SUBMITTED)
        .select_related("indicator__action", "institution", "author")
        .order_by("submitted_at", "id")
    )
    form = ReviewDecisionForm(request.POST or None, queryset=submitted, values=submitted_values)
    if request.method == "POST" and form.is_valid():
        _decide(request, form)
        return redirect("workspace:queue")
    updates = list(submitted)
    current = with_current_status(
        Recommendation.objects.filter(pk__in={u.recommendation_id for u in updates})
    ).values_list("pk", "current_status")
    current_status = dict(current)
    returned = (
        ProgressUpdate.objects.filter(workflow_state=WorkflowState.RETURNED)
        .select_related("recommendation", "institution", "reviewed_by")
        .order_by("-reviewed_at")[:RECENTLY_RETURNED]
    )
    ticked = {str(value) for value in request.POST.getlist("updates")}
    ticked_values = {str(value) for value in request.POST.getlist("values")}
    values = list(submitted_values)
    latest = with_latest_value(
        Indicator.objects.filter(pk__in={value.indicator_id for value in values})
    ).values_list("pk", "latest_value", "latest_value_on")
    latest_by_indicator = {pk: (value, day) for pk, value, day in latest}
    return render(
        request,
        "workspace/queue.html",
        {
            "form": form,
            "rows": [
                (update, current_status.get(update.recommendation_id), str(update.pk) in ticked)
                for update in updates
            ],
            "value_rows": [
                (
                    value,
                    latest_by_indicator.get(value.indicator_id, (None, None)),
                    str(value.pk) in ticked_values,
                )
                for value in values
            ],
            "returned": returned,
        },
    )


def _decide(request, form):
    decision = form.cleaned_data["decision"]
    comment = form.cleaned_data["comment"]
    validating = decision == ReviewDecisionForm.VALIDATE
    done, refused = [], []
    for update in form.cleaned_data["updates"]:
        try:
            with transaction.atomic():
                # Locked, so that two coordinators cannot decide on one update at once.
                locked = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
                if validating:
                    services.progress_update_validate(user=request.user, update=locked)
                else:
                    services.progress_update_return(
                        user=request.user, update=locked, comment=comment
                    )
        except ValidationError as error:
            refused.append(f"{update.recommendation.reference}: {' '.join(error.messages)}")
        else:
            done.append(update.recommendation.reference)
    if done:
        if validating:
            done_message = ngettext(
                "%(count)s update validated: %(references)s.",
                "%(count)s updates validated: %(references)s.",
                len(done),
            )
        else:
            done_message = ngettext(
                "%(count)s update returned: %(references)s.",
                "%(count)s updates returned: %(references)s.",
                len(done),
            )
        messages.success(
            request, done_message % {"count": len(done), "references": ", ".join(done)}
        )
    for problem in refused:
        refused_message = (
            gettext("Not validated: %(problem)s")
            if validating
            else gettext("Not returned: %(problem)s")
        )
        messages.error(request, refused_message % {"problem": problem})
    _decide_values(request, form.cleaned_data["values"], validating, comment)


def _decide_values(request, values, validating: bool, comment: str):
    done, refused = [], []
    for value in values:
        try:
            with transaction.atomic():
                locked = IndicatorValue.objects.select_for_update().get(pk=value.pk)
                if validating:
                    plans.indicator_value_validate(user=request.user, indicator_value=locked)
                else:
                    plans.indicator_value_return(
                        user=request.user, indicator_value=locked, comment=comment
                    )
        except ValidationError as error:
            refused.append(f"{value.indicator}: {' '.join(error.messages)}")
        else:
            done.append(str(value.indicator))
    if done:
        message = (
            ngettext(
                "%(count)d indicator value validated: %(names)s.",
                "%(count)d indicator values validated: %(names)s.",
                len(done),
            )
            if validating
            else ngettext(
                "%(count)d indicator value returned: %(names)s.",
                "%(count)d indicator values returned: %(names)s.",
                len(done),
            )
        )
        messages.success(request, message % {"count": len(done), "names": "; ".join(done)})
    for problem in refused:
        not_done = (
            gettext("Not validated: %(problem)s")
            if validating
            else gettext("Not returned: %(problem)s")
        )
        messages.error(request, not_done % {"problem": problem})
