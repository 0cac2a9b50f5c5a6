"""Fetch an object together with the right to use it, so no view can forget the check.

The answer for an object one may not use is consistent across the workspace:
404 when one may not even know it exists (another institution's draft, submitted
or returned update), 403 when its existence is public (recommendations, actions,
validated updates) but the change is not one's to make.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from recommendations import rules
from recommendations.models import ProgressUpdate, Recommendation
from recommendations.selectors import with_current_status


def recommendation_to_report_on(request, pk) -> Recommendation:
    """A recommendation (with ``current_status``) the user may add actions and updates to."""
    recommendations = with_current_status(
        Recommendation.objects.select_related("review__state_under_review", "review__mechanism")
    )
    recommendation = get_object_or_404(recommendations, pk=pk)
    if not rules.may_report_on(request.user, recommendation):
        raise PermissionDenied(_("Your institution does not answer for this recommendation."))
    return recommendation


def update_to_change(request, pk) -> ProgressUpdate:
    """A progress update the user may see and change."""
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("recommendation__review", "institution"), pk=pk
    )
    if not rules.may_see_update(request.user, update):
        raise Http404(_("No such progress update."))
    if not rules.may_change_update(request.user, update):
        raise PermissionDenied(
            _(
                "This update is %(state)s. Only a draft or a returned update can be changed or "
                "submitted, by its institution or a coordinator; a validated update is "
                "corrected by a new update."
            )
            % {"state": update.get_workflow_state_display().lower()}
        )
    return update


def action_to_change(request, recommendation: Recommendation, pk):
    """An action serving the recommendation that the user may change."""
    action = get_object_or_404(recommendation.actions.select_related("institution"), pk=pk)
    if not rules.may_change_action(request.user, action):
        raise PermissionDenied(_("Only its institution or a coordinator may change this action."))
    return action


def require_ministry_staff(request):
    institution = rules.institution_of(request.user)
    if institution is None:
        raise PermissionDenied(
            _("This page lists the recommendations of a ministry officer's institution.")
        )
    return institution


def require_coordinator(request):
    if not rules.may_validate(request.user):
        raise PermissionDenied(_("Only coordinators validate progress updates."))
