"""Downloads and the printable status report, through the same plumbing as the pages:
``readable_page`` decides who may read (``rules.may_read``: logged-in users; everyone
once a review is published, and then the published reviews only), and the list's
download reads its parameters with the list page's own ``recommendation_filter``, so a
download link built from the page's address gives the page's rows ("Any" left empty
included)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from jobs.models import Job
from recommendations import rules
from recommendations.selectors import demo_assessments_exist
from recommendations.views.list_filters import recommendation_filter
from web.access import readable_page
from web.page_filters import described_filters
from web.spreadsheets import (
    FORMATS,
    bad_download,
    csv_response,
    download_name,
    in_english,
    xlsx_response,
)

from . import recommendation_list
from .report_documents import document_job, file_name
from .status_report import status_report as build_status_report
from .status_report import summary_lines
from .word_document import DOCX_TYPE


@readable_page
@in_english
def recommendation_export(request):
    """The filtered recommendation list as ``?format=csv`` (default) or ``xlsx``."""
    user = request.user
    filters = recommendation_filter(request.GET, rules.visible_recommendations(user), user)
    kind = request.GET.get("format", "csv")
    if kind not in FORMATS or not filters.is_valid():
        return bad_download(filters, kind)
    recommendations, as_of = filters.qs, filters.as_of_day
    name = download_name("recommendations", described_filters(filters), extension=kind)
    with_demo = demo_assessments_exist()
    columns = recommendation_list.header(with_demo)
    listed = recommendation_list.rows(recommendations, as_of, with_demo=with_demo)
    if kind == "csv":
        return csv_response(name, columns, listed)
    return xlsx_response(
        name,
        [
            ("Recommendations", columns, listed),
            (
                "Summary",
                ["Figure", "Value"],
                recommendation_list.summary_rows(recommendations, as_of),
            ),
        ],
    )


@readable_page
def status_report(request, pk: int):
    """The review's mid-term status report as a printable page."""
    review = get_object_or_404(_reviews(request.user), pk=pk)
    report = build_status_report(review)
    context = {"report": report, "summary": summary_lines(report)}
    response = render(request, "recommendations/status_report.html", context)
    # Shown as a page; saved under a name that says what it is. The header also makes
    # the report a download in the audit, like its Word document.
    response["Content-Disposition"] = f'inline; filename="{file_name(review)}.html"'
    return response


@readable_page
def status_report_document(request, pk: int):
    """The review's mid-term status report as a Word document: the kept one when it is
    current, else the page of the job that writes it (``report_documents``)."""
    review = get_object_or_404(_reviews(request.user), pk=pk)
    job = document_job(review, request.user)
    if not job.succeeded:
        return redirect("review-status-report-job", pk=review.pk, job_id=job.pk)
    with job.result_file.open("rb") as kept:
        response = HttpResponse(kept.read(), DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name(review)}.docx"'
    return response


@readable_page
@never_cache
def status_report_document_job(request, pk: int, job_id):
    """The progress of the job writing the review's document (the page renews itself),
    then a link to it, or why it failed. Whoever may read the review may see it: the
    document is the same for every reader."""
    review = get_object_or_404(_reviews(request.user), pk=pk)
    job = get_object_or_404(
        Job, pk=job_id, kind=Job.Kind.STATUS_REPORT, arguments__review=review.pk
    )
    context = {"review": review, "job": job, "progress": job.progress()}
    return render(request, "recommendations/status_report_job.html", context)


def _reviews(user):
    return rules.visible_reviews(user).select_related("state_under_review", "mechanism")
