"""Adding and editing implementation actions and progress updates.

Every write goes through ``recommendations.services``; a form with errors is
shown again with what was typed (a chosen file must be chosen again: browsers
never resend one).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import services
from recommendations.models import ProgressUpdate

from ..forms import ActionForm, ProgressUpdateForm
from .access import action_to_change, recommendation_to_report_on, update_to_change

SUBMIT = "submit"


def add_service_errors(form, error: ValidationError):
    """Errors the services find after the form's own checks, shown on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def action_create(request, pk):
    recommendation = recommendation_to_report_on(request, pk)
    form = ActionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.implementation_action_create(
                user=request.user, recommendations=[recommendation], **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The action “%(title)s” was recorded.") % {"title": action.title}
            )
            return redirect("workspace:recommendation", pk=recommendation.pk)
    return render(
        request,
        "workspace/action_form.html",
        {"form": form, "recommendation": recommendation, "action": None},
    )


@login_required
def action_edit(request, pk, action_pk):
    recommendation = recommendation_to_report_on(request, pk)
    action = action_to_change(request, recommendation, action_pk)
    form = ActionForm(request.POST or None, request.FILES or None, instance=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.implementation_action_edit(
                user=request.user, action=action, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The action “%(title)s” was saved.") % {"title": action.title}
            )
            return redirect("workspace:recommendation", pk=recommendation.pk)
    return render(
        request,
        "workspace/action_form.html",
        {"form": form, "recommendation": recommendation, "action": action},
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
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("intent") == SUBMIT
        try:
            with transaction.atomic():
                saved = save(form.service_fields())
                if submit:
                    services.progress_update_submit(user=request.user, update=saved)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _saved_message(saved))
            return redirect("workspace:recommendation", pk=recommendation.pk)
    return render(
        request,
        "workspace/update_form.html",
        {"form": form, "recommendation": recommendation, "update": update},
    )


@login_required
@require_POST
def update_submit(request, pk):
    """Submit a draft (or resubmit a returned update) as it stands."""
    update = update_to_change(request, pk)
    try:
        services.progress_update_submit(user=request.user, update=update)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _saved_message(update))
    return redirect("workspace:recommendation", pk=update.recommendation_id)


def _saved_message(update: ProgressUpdate) -> str:
    if update.workflow_state == ProgressUpdate.WorkflowState.SUBMITTED:
        return _("The progress update was submitted to the coordinators for validation.")
    if update.workflow_state == ProgressUpdate.WorkflowState.RETURNED:
        return _("Your corrections were saved; resubmit the update when it is ready.")
    return _("The progress update was saved as a draft; submit it when it is ready.")
