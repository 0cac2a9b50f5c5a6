"""An action's plan in the workspace: its indicators, their values and the forms to
define the one and report the other.

Every write goes through ``recommendations.plans``; what a user may open is decided by
the fetching helpers of ``access`` (each asks ``rules``), and what each row offers by the
rules too, computed here and passed to the templates.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import plans, rules
from recommendations.models import Indicator, IndicatorValue
from recommendations.selectors import action_is_overdue, indicator_is_overdue, with_latest_value

from ..forms import IndicatorForm, IndicatorValueForm
from .access import action_to_work_on, indicator_to_change, indicator_to_report_on, value_to_change
from .saving import draft_form_page, form_page, submit_page


@login_required
def action_page(request, pk):
    """One action as its institution plans it: what it is, the recommendations it
    serves, its indicators with their latest validated value and next report date."""
    action = action_to_work_on(request, pk)
    user = request.user
    today = timezone.localdate()
    indicators = with_latest_value(action.indicators.select_related("institution", "action"))
    recommendations = action.recommendations.select_related("review").order_by(
        "review_id", "sort_key"
    )
    return render(
        request,
        "workspace/action.html",
        {
            "action": action,
            "recommendations": [(r, rules.may_report_on(user, r)) for r in recommendations],
            "indicators": [
                (i, rules.may_report_on_indicator(user, i), indicator_is_overdue(i, today))
                for i in indicators
            ],
            "overdue": action_is_overdue(action, today),
            "may_add_indicator": rules.may_add_indicator(user, action),
            "may_see_history": rules.may_see_history(user, action),
        },
    )


@login_required
def indicator_create(request, pk):
    action = action_to_work_on(request, pk)
    if not rules.may_add_indicator(request.user, action):
        raise PermissionDenied(
            _("Indicators are added by the action's institution or a coordinator.")
        )
    return form_page(
        request,
        IndicatorForm(request.POST or None, initial={"institution": action.institution}),
        "workspace/indicator_form.html",
        {"action": action, "indicator": None},
        save=lambda form: plans.indicator_create(
            user=request.user, action=action, **form.cleaned_data
        ),
        saved_message=lambda indicator: _("The indicator “%s” was added.") % indicator.name,
        next_page=lambda indicator: _indicator_page(indicator.pk),
    )


@login_required
def indicator_edit(request, pk):
    indicator = indicator_to_change(request, pk)
    return form_page(
        request,
        IndicatorForm(request.POST or None, instance=indicator),
        "workspace/indicator_form.html",
        {"action": indicator.action, "indicator": indicator},
        save=lambda form: plans.indicator_edit(
            user=request.user, indicator=indicator, **form.cleaned_data
        ),
        saved_message=lambda _saved: _("The indicator “%s” was saved.") % indicator.name,
        next_page=lambda _saved: _indicator_page(indicator.pk),
    )


def _indicator_page(indicator_id) -> str:
    return reverse("workspace:indicator", kwargs={"pk": indicator_id})


@login_required
def indicator_page(request, pk):
    """An indicator, its latest validated value against its target, and its values (the
    user's institution's drafts and returned ones too) with what each row allows."""
    indicator = indicator_to_report_on(request, pk)
    user = request.user
    latest = with_latest_value(Indicator.objects.filter(pk=indicator.pk)).values_list(
        "latest_value", "latest_value_on"
    )
    values = rules.visible_indicator_values(user, indicator.values.all()).select_related(
        "institution", "author", "reviewed_by"
    )
    return render(
        request,
        "workspace/indicator.html",
        {
            "indicator": indicator,
            "latest": latest.get(),
            "values": [
                (
                    value,
                    rules.may_change_indicator_value(user, value),
                    rules.may_see_history(user, value),
                )
                for value in values.order_by("-measured_on", "-id")
            ],
            "may_change": rules.may_change_indicator(user, indicator),
            "may_see_history": rules.may_see_history(user, indicator),
            "overdue": indicator_is_overdue(indicator, timezone.localdate()),
        },
    )


@login_required
def value_create(request, pk):
    """A new value of the indicator, saved as a draft or submitted at once."""
    indicator = indicator_to_report_on(request, pk)
    form = IndicatorValueForm(request.POST or None, request.FILES or None)
    return _value_form(
        request,
        form,
        indicator,
        None,
        save=lambda fields: plans.indicator_value_create(
            user=request.user, indicator=indicator, **fields
        ),
    )


@login_required
def value_edit(request, pk):
    """Correct a draft or a returned value; save it again or (re)submit it."""
    value = value_to_change(request, pk)
    indicator = indicator_to_report_on(request, value.indicator_id)
    form = IndicatorValueForm(request.POST or None, request.FILES or None, instance=value)
    return _value_form(
        request,
        form,
        indicator,
        value,
        save=lambda fields: plans.indicator_value_edit(
            user=request.user, indicator_value=value, **fields
        ),
    )


def _value_form(request, form, indicator, value, *, save):
    return draft_form_page(
        request,
        form,
        "workspace/value_form.html",
        {"indicator": indicator, "value": value},
        save=save,
        submit=lambda saved: plans.indicator_value_submit(user=request.user, indicator_value=saved),
        saved_message=_saved_message,
        next_page=lambda _saved: _indicator_page(indicator.pk),
    )


@login_required
@require_POST
def value_submit(request, pk):
    """Submit a draft (or resubmit a returned value) as it stands."""
    value = value_to_change(request, pk)
    return submit_page(
        request,
        value,
        submit=lambda: plans.indicator_value_submit(user=request.user, indicator_value=value),
        saved_message=_saved_message,
        next_page=_indicator_page(value.indicator_id),
    )


def _saved_message(value: IndicatorValue) -> str:
    if value.workflow_state == IndicatorValue.WorkflowState.SUBMITTED:
        return _("The value was submitted to the coordinators for validation.")
    if value.workflow_state == IndicatorValue.WorkflowState.RETURNED:
        return _("Your corrections were saved; resubmit the value when it is ready.")
    return _("The value was saved as a draft; submit it when it is ready.")
