"""``/engagements/``: the timeline of missions, visits, reports, trainings, dialogues,
invitations and programmes, its download, and one page per engagement."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from recommendations import rules
from recommendations.selectors import with_current_status, with_text_in
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

from . import exporting
from .filters import engagement_filter
from .models import Engagement
from .selectors import with_everything_shown

PAGE_SIZE = 100


@readable_page
def engagement_list(request):
    """Engagements newest first, grouped by the year they started, through the filters."""
    readable = rules.visible_engagements(request.user, Engagement.objects.all())
    filterset = engagement_filter(request.GET, readable)
    engagements = filterset.qs.prefetch_related("organisers", "funders", "mechanisms").order_by(
        "-start_date", "title"
    )
    page_obj = Paginator(engagements, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "missions/engagement_list.html",
        {
            "form": filterset.form,
            "page_obj": page_obj,
            "engagements": page_obj.object_list,
            "filtered": any(filterset.form.cleaned_data.values()),
        },
    )


@readable_page
@in_english
def engagement_export(request):
    """The timeline's engagements (every page of it) as ``?format=csv`` (default) or
    ``xlsx``, read through the timeline's own filters."""
    filters = engagement_filter(
        request.GET, rules.visible_engagements(request.user, Engagement.objects.all())
    )
    kind = request.GET.get("format", "csv")
    if kind not in FORMATS or not filters.is_valid():
        return bad_download(filters, kind)
    rows = exporting.rows(filters.qs, rules.visible_recommendations(request.user))
    name = download_name("engagements", described_filters(filters), extension=kind)
    if kind == "csv":
        return csv_response(name, exporting.COLUMNS, rows)
    return xlsx_response(name, [("Engagements", exporting.COLUMNS, rows)])


@readable_page
def engagement_detail(request, pk: int):
    """Organisers, funders, participants, summary, outcomes, budget and the linked
    recommendations with their current status."""
    user = request.user
    engagement = get_object_or_404(
        with_everything_shown(
            rules.visible_engagements(user, Engagement.objects.all()),
            with_text_in(with_current_status(rules.visible_recommendations(user))).select_related(
                "review__state_under_review", "review__mechanism"
            ),
        ),
        pk=pk,
    )
    return render(request, "missions/engagement_detail.html", {"engagement": engagement})
