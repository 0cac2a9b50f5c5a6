"""``/breakdowns/<grouping>/``: a dashboard breakdown whole, not only its largest
groups, for the dashboard's selection and filters; and its download."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext

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

from ..selectors import overdue_count_by_institution
from .breakdowns import GROUPINGS, breakdown, table_header, table_rows
from .selection import select

PAGE_SIZE = 50


def _whole_table(request, grouping: str):
    """The selection and every group of its breakdown by ``grouping`` (404 for a
    grouping the dashboard does not have)."""
    if grouping not in GROUPINGS:
        raise Http404(gettext("No such breakdown."))
    selection = select(request.GET, request.user)
    recommendations, as_of = selection.recommendations(), selection.as_of
    overdue = (
        overdue_count_by_institution(recommendations, as_of=as_of)
        if grouping == "institution"
        else None
    )
    table = breakdown(
        recommendations, grouping, selection.list_query(), overdue=overdue, as_of=as_of, limit=None
    )
    return selection, table


@readable_page
def breakdown_table(request, grouping: str):
    """Every group of one breakdown with its measure, 50 to a page, each row linked to
    the list filtered to it."""
    selection, table = _whole_table(request, grouping)
    page_obj = Paginator(table.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recommendations/breakdown_table.html",
        {
            "selection": selection,
            "table": table,
            "page_obj": page_obj,
            "rows": page_obj.object_list,
            "query": query.urlencode(),
        },
    )


@readable_page
@in_english
def breakdown_export(request, grouping: str):
    """The whole breakdown as ``?format=csv`` (default) or ``xlsx``, named for the
    table, the selection and the day."""
    selection, table = _whole_table(request, grouping)
    kind = request.GET.get("format", "csv")
    if kind not in FORMATS or not selection.filters.is_valid():
        return bad_download(selection.filters, kind)
    described = [selection.state.name if selection.state else "", str(selection.mechanism or "")]
    described += [f"cycle {selection.cycle}"] if selection.cycle else []
    name = download_name(
        table.title, described + described_filters(selection.filters), extension=kind
    )
    header, rows = table_header(table), table_rows(table)
    if kind == "csv":
        return csv_response(name, header, rows)
    return xlsx_response(name, [(table.title, header, rows)])
