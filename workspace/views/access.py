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
from recommendations.models import (
    ImplementationAction,
    Indicator,
    IndicatorValue,
    ProgressUpdate,
    Recommendation,
)
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
    return _record_to_change(
        request,
        ProgressUpdate.objects.select_related("recommendation__review", "institution"),
        pk,
        may_see=rules.may_see_update,
        may_change=rules.may_change_update,
        not_found=lambda: _("No such progress update."),
        refused=lambda: _(
            "This update is %(state)s. Only a draft or a returned update can be changed or "
            "submitted, by its institution or a coordinator; a validated update is "
            "corrected by a new update."
        ),
    )


def _record_to_change(request, records, pk, *, may_see, may_change, not_found, refused):
    """A reported record the user may see (else 404: ``not_found()``) and change (else
    403: ``refused()``, told the record's workflow state)."""
    record = get_object_or_404(records, pk=pk)
    if not may_see(request.user, record):
        raise Http404(not_found())
    if not may_change(request.user, record):
        raise PermissionDenied(refused() % {"state": record.get_workflow_state_display().lower()})
    return record


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


def action_to_work_on(request, pk) -> ImplementationAction:
    """An action whose plan the user works on (``rules.may_work_on_action``)."""
    action = get_object_or_404(ImplementationAction.objects.select_related("institution"), pk=pk)
    if not rules.may_work_on_action(request.user, action):
        raise PermissionDenied(
            _(
                "This action's plan is for its institution, the institutions responsible for "
                "its indicators and the coordinators."
            )
        )
    return action


def indicator_to_report_on(request, pk) -> Indicator:
    """An indicator the user may report values of (``rules.may_report_on_indicator``)."""
    indicator = get_object_or_404(
        Indicator.objects.select_related(
            "action__institution", "institution", "responsible_person"
        ),
        pk=pk,
    )
    if not rules.may_report_on_indicator(request.user, indicator):
        raise PermissionDenied(
            _(
                "The values of this indicator are reported by the institution responsible for "
                "it, the action's institution and the coordinators."
            )
        )
    return indicator


def indicator_to_change(request, pk) -> Indicator:
    """An indicator the user may change (``rules.may_change_indicator``)."""
    indicator = indicator_to_report_on(request, pk)
    if not rules.may_change_indicator(request.user, indicator):
        raise PermissionDenied(_("Only the action's institution or a coordinator may change it."))
    return indicator


def value_to_change(request, pk) -> IndicatorValue:
    """An indicator value the user may see and change (as ``update_to_change``)."""
    return _record_to_change(
        request,
        IndicatorValue.objects.select_related("indicator__action", "institution"),
        pk,
        may_see=rules.may_see_indicator_value,
        may_change=rules.may_change_indicator_value,
        not_found=lambda: _("No such indicator value."),
        refused=lambda: _(
            "This value is %(state)s. Only a draft or a returned value can be changed or "
            "submitted, by its institution or a coordinator; a validated value is corrected "
            "by a new value."
        ),
    )


def require_ministry_staff_or_coordinator(request):
    """The institution of ministry staff; None for coordinators (every institution)."""
    if rules.is_coordinator(request.user):
        return None
    return require_ministry_staff(request)
