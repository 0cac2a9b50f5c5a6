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
    user = request.user

    def decide_update(update):
        if validating:
            services.progress_update_validate(user=user, update=update)
        else:
            services.progress_update_return(user=user, update=update, comment=comment)

    def updates_done(done: list[str]) -> str:
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
        return done_message % {"count": len(done), "references": ", ".join(done)}

    def decide_value(value):
        if validating:
            plans.indicator_value_validate(user=user, indicator_value=value)
        else:
            plans.indicator_value_return(user=user, indicator_value=value, comment=comment)

    def values_done(done: list[str]) -> str:
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
        return message % {"count": len(done), "names": "; ".join(done)}

    _decide_each(
        request,
        form.cleaned_data["updates"],
        decide_update,
        label=lambda update: update.recommendation.reference,
        done_message=updates_done,
        validating=validating,
    )
    _decide_each(
        request,
        form.cleaned_data["values"],
        decide_value,
        label=lambda value: str(value.indicator),
        done_message=values_done,
        validating=validating,
    )


def _decide_each(request, records, decide, *, label, done_message, validating: bool):
    """``decide(record)`` for each record, locked in its own transaction; what was done
    is said by ``done_message(labels)``, each refusal with its reason."""
    done, refused = [], []
    for record in records:
        try:
            with transaction.atomic():
                # Locked, so that two coordinators cannot decide on one record at once.
                decide(type(record).objects.select_for_update().get(pk=record.pk))
        except ValidationError as error:
            refused.append(f"{label(record)}: {' '.join(error.messages)}")
        else:
            done.append(label(record))
    if done:
        messages.success(request, done_message(done))
    for problem in refused:
        not_done = (
            gettext("Not validated: %(problem)s")
            if validating
            else gettext("Not returned: %(problem)s")
        )
        messages.error(request, not_done % {"problem": problem})
