"""Downloads and the printable status report: who may read the tracker may take its data out.

``rules.may_read`` decides (logged-in users; everyone where the public dashboard is on); the
lists are filtered with the same filters as the pages and the API.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from missions.filters import EngagementFilter
from missions.models import Engagement
from recommendations import rules
from recommendations.filters import RecommendationFilter
from recommendations.importing.tracker_format import COLUMN_NAMES
from recommendations.models import Recommendation, ReviewCycle

from . import engagements as engagement_list
from . import recommendation_list
from .spreadsheets import csv_response, xlsx_response
from .status_report import status_report as build_status_report
from .status_report import summary_lines
from .word_document import DOCX_TYPE, status_report_docx

FORMATS = ("csv", "xlsx")


def recommendation_export(request):
    """The filtered recommendation list as ``?format=csv`` (default) or ``xlsx``."""
    if not rules.may_read(request.user):
        return redirect_to_login(request.get_full_path())
    filters = RecommendationFilter(request.GET, queryset=Recommendation.objects.all())
    kind = request.GET.get("format", "csv")
    if kind not in FORMATS or not filters.is_valid():
        return _bad_request(filters, kind)
    recommendations, as_of = filters.qs, filters.as_of_day
    if kind == "csv":
        return csv_response(
            "recommendations.csv", COLUMN_NAMES, recommendation_list.rows(recommendations, as_of)
        )
    return xlsx_response(
        "recommendations.xlsx",
        [
            ("Recommendations", COLUMN_NAMES, recommendation_list.rows(recommendations, as_of)),
            (
                "Summary",
                ["Figure", "Value"],
                recommendation_list.summary_rows(recommendations, as_of),
            ),
        ],
    )


def engagement_export(request):
    """The engagements as ``?format=csv`` (default) or ``xlsx``, with the timeline's
    filters (kind, year, organisation, mechanism, state concerned)."""
    if not rules.may_read(request.user):
        return redirect_to_login(request.get_full_path())
    # The timeline's own filters, so that its download link gives the same list.
    filters = EngagementFilter(request.GET, queryset=Engagement.objects.all())
    kind = request.GET.get("format", "csv")
    if kind not in FORMATS or not filters.is_valid():
        return _bad_request(filters, kind)
    rows = engagement_list.rows(filters.qs)
    if kind == "csv":
        return csv_response("engagements.csv", engagement_list.COLUMNS, rows)
    return xlsx_response("engagements.xlsx", [("Engagements", engagement_list.COLUMNS, rows)])


def status_report(request, pk: int):
    """The review's mid-term status report as a printable page."""
    if not rules.may_read(request.user):
        return redirect_to_login(request.get_full_path())
    review = get_object_or_404(_reviews(), pk=pk)
    report = build_status_report(review)
    context = {"report": report, "summary": summary_lines(report)}
    return render(request, "recommendations/status_report.html", context)


def status_report_document(request, pk: int):
    """The review's mid-term status report as a Word document."""
    if not rules.may_read(request.user):
        return redirect_to_login(request.get_full_path())
    review = get_object_or_404(_reviews(), pk=pk)
    response = HttpResponse(status_report_docx(build_status_report(review)), DOCX_TYPE)
    name = slugify(f"status report {review}")
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response


def _reviews():
    return ReviewCycle.objects.select_related("state_under_review", "mechanism")


def _bad_request(filters, kind: str):
    errors = {} if filters.is_valid() else dict(filters.errors)
    if kind not in FORMATS:
        errors["format"] = [f"choose one of {', '.join(FORMATS)}"]
    return JsonResponse({"errors": errors}, status=400)
