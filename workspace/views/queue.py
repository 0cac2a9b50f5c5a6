"""The coordinators' validation queue: submitted updates, validated or returned in bulk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from recommendations import services
from recommendations.models import ProgressUpdate, Recommendation
from recommendations.selectors import with_current_status

from ..forms import ReviewDecisionForm
from .access import require_coordinator

WorkflowState = ProgressUpdate.WorkflowState
RECENTLY_RETURNED = 20


@login_required
def queue(request):
    """Each submitted update beside the recommendation's current status; tick some,
    then validate them or return them with a comment."""
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
    form = ReviewDecisionForm(request.POST or None, queryset=submitted)
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
    return render(
        request,
        "workspace/queue.html",
        {
            "form": form,
            "rows": [
                (update, current_status.get(update.recommendation_id), str(update.pk) in ticked)
                for update in updates
            ],
            "returned": returned,
        },
    )


def _decide(request, form):
    decision = form.cleaned_data["decision"]
    comment = form.cleaned_data["comment"]
    done, refused = [], []
    for update in form.cleaned_data["updates"]:
        try:
            with transaction.atomic():
                # Locked, so that two coordinators cannot decide on one update at once.
                locked = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
                if decision == ReviewDecisionForm.VALIDATE:
                    services.progress_update_validate(user=request.user, update=locked)
                else:
                    services.progress_update_return(
                        user=request.user, update=locked, comment=comment
                    )
        except ValidationError as error:
            refused.append(f"{update.recommendation.reference}: {' '.join(error.messages)}")
        else:
            done.append(update.recommendation.reference)
    validated = decision == ReviewDecisionForm.VALIDATE
    if done:
        if validated:
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
            _("Not validated: %(problem)s") if validated else _("Not returned: %(problem)s")
        )
        messages.error(request, refused_message % {"problem": problem})
