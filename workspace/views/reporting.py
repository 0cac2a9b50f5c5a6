"""Adding and editing implementation actions and progress updates.

Every write goes through ``recommendations.services``; a form with errors is
shown again with what was typed (a chosen file must be chosen again: browsers
never resend one).
"""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import services
from recommendations.models import ProgressUpdate

from ..forms import ActionForm, ProgressUpdateForm
from .access import action_to_change, recommendation_to_report_on, update_to_change
from .saving import draft_form_page, form_page, submit_page


def _recommendation_page(recommendation_id) -> str:
    return reverse("workspace:recommendation", kwargs={"pk": recommendation_id})


@login_required
def action_create(request, pk):
    recommendation = recommendation_to_report_on(request, pk)
    return form_page(
        request,
        ActionForm(request.POST or None, request.FILES or None),
        "workspace/action_form.html",
        {"recommendation": recommendation, "action": None},
        save=lambda form: services.implementation_action_create(
            user=request.user, recommendations=[recommendation], **form.service_fields()
        ),
        saved_message=lambda action: (
            _("The action “%(title)s” was recorded.") % {"title": action.title}
        ),
        next_page=lambda action: _recommendation_page(recommendation.pk),
    )


@login_required
def action_edit(request, pk, action_pk):
    recommendation = recommendation_to_report_on(request, pk)
    action = action_to_change(request, recommendation, action_pk)
    return form_page(
        request,
        ActionForm(request.POST or None, request.FILES or None, instance=action),
        "workspace/action_form.html",
        {"recommendation": recommendation, "action": action},
        save=lambda form: services.implementation_action_edit(
            user=request.user, action=action, **form.service_fields()
        ),
        saved_message=lambda _saved: (
            _("The action “%(title)s” was saved.") % {"title": action.title}
        ),
        next_page=lambda _saved: _recommendation_page(recommendation.pk),
    )


@login_required
def update_create(request, pk):
    """A new progress update, saved as a draft or submitted at once."""
    recommendation = recommendation_to_report_on(request, pk)
    form = ProgressUpdateForm(request.POST or None, request.FILES or None)
    return _update_form(
        request,
        form,
        recommendation,
        None,
        save=lambda fields: services.progress_update_create(
            user=request.user, recommendation=recommendation, **fields
        ),
    )


@login_required
def update_edit(request, pk):
    """Correct a draft or a returned update; save it again or (re)submit it."""
    update = update_to_change(request, pk)
    recommendation = recommendation_to_report_on(request, update.recommendation_id)
    form = ProgressUpdateForm(request.POST or None, request.FILES or None, instance=update)
    return _update_form(
        request,
        form,
        recommendation,
        update,
        save=lambda fields: services.progress_update_edit(
            user=request.user, update=update, **fields
        ),
    )


def _update_form(request, form, recommendation, update, *, save):
    """Show the progress-update form; on a valid POST, ``save(fields)`` the update and,
    when the officer chose so, submit it, both or neither (one transaction)."""
    return draft_form_page(
        request,
        form,
        "workspace/update_form.html",
        {"recommendation": recommendation, "update": update},
        save=save,
        submit=lambda saved: services.progress_update_submit(user=request.user, update=saved),
        saved_message=_saved_message,
        next_page=lambda _saved: _recommendation_page(recommendation.pk),
    )


@login_required
@require_POST
def update_submit(request, pk):
    """Submit a draft (or resubmit a returned update) as it stands."""
    update = update_to_change(request, pk)
    return submit_page(
        request,
        update,
        submit=lambda: services.progress_update_submit(user=request.user, update=update),
        saved_message=_saved_message,
        next_page=_recommendation_page(update.recommendation_id),
    )


def _saved_message(update: ProgressUpdate) -> str:
    if update.workflow_state == ProgressUpdate.WorkflowState.SUBMITTED:
        return _("The progress update was submitted to the coordinators for validation.")
    if update.workflow_state == ProgressUpdate.WorkflowState.RETURNED:
        return _("Your corrections were saved; resubmit the update when it is ready.")
    return _("The progress update was saved as a draft; submit it when it is ready.")
