"""Where people land after logging in, My recommendations, and one recommendation's
workspace page."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect, render
from django.utils import timezone

from recommendations import rules
from recommendations.models import IndicatorValue, ProgressUpdate, Responsibility
from recommendations.selectors import due_lists, with_overdue_flag, with_text_in

from .access import recommendation_to_report_on, require_ministry_staff
from .due import due_tables

WorkflowState = ProgressUpdate.WorkflowState


@login_required
def landing(request):
    """After login: coordinators to the validation queue, ministry staff to their
    recommendations, contributors to their assessments, everyone else to the dashboard."""
    if rules.may_validate(request.user):
        return redirect("workspace:queue")
    if rules.institution_of(request.user) is not None:
        return redirect("workspace:home")
    if rules.organisation_of(request.user) is not None:
        return redirect("workspace:assessments")
    return redirect("dashboard")


@login_required
def my_recommendations(request):
    """The recommendations the officer's institution leads or supports, by review,
    with their status, the last update and what is overdue; above them the
    institution's updates and indicator values that wait for someone (returned,
    drafts, submitted), and its due dates: overdue and due this month."""
    institution = require_ministry_staff(request)
    user = request.user
    latest_visible = rules.visible_updates(user).filter(recommendation=OuterRef("pk"))
    latest_visible = latest_visible.order_by("-updated_at", "-id")
    recommendations = (
        with_text_in(with_overdue_flag(rules.responsible_recommendations(user)))
        .select_related("review__state_under_review", "review__mechanism")
        .annotate(
            our_role=Subquery(
                Responsibility.objects.filter(
                    recommendation=OuterRef("pk"), institution=institution
                ).values("role")[:1]
            ),
            last_update_on=Subquery(latest_visible.values("assessed_on")[:1]),
            last_update_state=Subquery(latest_visible.values("workflow_state")[:1]),
        )
        .order_by("review__review_date", "review_id", "sort_key")
    )
    only_overdue = request.GET.get("show") == "overdue"
    if only_overdue:
        recommendations = recommendations.filter(is_overdue=True)
    shown = list(recommendations)
    pending = (
        ProgressUpdate.objects.filter(
            institution=institution,
            workflow_state__in=[
                WorkflowState.RETURNED,
                WorkflowState.DRAFT,
                WorkflowState.SUBMITTED,
            ],
        )
        .select_related("recommendation__review", "reviewed_by")
        .order_by("-updated_at")
    )
    waiting: dict[str, list[ProgressUpdate]] = {
        state: []
        for state in (WorkflowState.RETURNED, WorkflowState.DRAFT, WorkflowState.SUBMITTED)
    }
    for update in pending:
        waiting[update.workflow_state].append(update)
    # The institution's indicator values that wait for it: returned ones and drafts.
    values = (
        IndicatorValue.objects.filter(
            institution=institution,
            workflow_state__in=[WorkflowState.RETURNED, WorkflowState.DRAFT],
        )
        .select_related("indicator", "reviewed_by")
        .order_by("-workflow_state", "-updated_at")
    )
    due = due_lists(today=timezone.localdate(), institution=institution)
    return render(
        request,
        "workspace/my_recommendations.html",
        {
            "institution": institution,
            "recommendations": shown,
            "overdue_count": sum(r.is_overdue for r in shown),
            "only_overdue": only_overdue,
            "returned": waiting[WorkflowState.RETURNED],
            "drafts": waiting[WorkflowState.DRAFT],
            "submitted": waiting[WorkflowState.SUBMITTED],
            "overdue_months": settings.UPR_OVERDUE_MONTHS,
            "values_waiting": list(values),
            "due_tables": due_tables(due),
            "due_count": len(due.overdue) + len(due.this_month),
        },
    )


@login_required
def recommendation_page(request, pk):
    """One recommendation as its institution works on it: the text, who answers for
    it, its status, the updates (with the coordinator's comments) and the actions."""
    recommendation = recommendation_to_report_on(request, pk)
    user = request.user
    updates = rules.visible_updates(user, recommendation.progress_updates.all())
    updates = updates.select_related("institution", "author", "reviewed_by").order_by(
        "-assessed_on", "-id"
    )
    actions = recommendation.actions.select_related("institution").order_by("-start_date", "title")
    return render(
        request,
        "workspace/recommendation.html",
        {
            "recommendation": recommendation,
            "responsibilities": recommendation.responsibilities.select_related("institution"),
            # Each row with the rules' answers: may one change it, read its history?
            "updates": [
                (u, rules.may_change_update(user, u), rules.may_see_history(user, u))
                for u in updates
            ],
            "actions": [
                (
                    a,
                    rules.may_change_action(user, a),
                    rules.may_see_history(user, a),
                    rules.may_work_on_action(user, a),
                )
                for a in actions
            ],
            "may_see_history": rules.may_see_history(user, recommendation),
        },
    )
