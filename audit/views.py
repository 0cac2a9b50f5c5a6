"""``/audit/``: every kind of event for administrators, filtered, paged, and as CSV."""

from dataclasses import replace
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from recommendations import rules
from web.spreadsheets import csv_response, in_english

from .events import COLUMNS
from .forms import AuditFilterForm
from .selectors import all_events, audit_page

PAGING = ("before", "after", "page_size")


def _administrators_only(view):
    @require_safe
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rules.may_read_audit(request.user):
            raise PermissionDenied(gettext("The audit is for administrators."))
        return view(request, *args, **kwargs)

    return checked


@_administrators_only
def audit_log(request):
    """The events of the filters, newest first, a page at a time (older / newer links)."""
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "events": [], "filters": _filters(request)}
        return render(request, "audit/audit_log.html", context, status=400)
    page = audit_page(
        form.selection(),
        before=form.cleaned_data["before"],
        after=form.cleaned_data["after"],
        size=form.size(),
    )
    context = {
        "form": form,
        "events": page.events,
        "filters": _filters(request),
        "older_url": _page_url(request, before=page.older),
        "newer_url": _page_url(request, after=page.newer),
        "newest_url": _page_url(request) if page.newer else None,
    }
    return render(request, "audit/audit_log.html", context)


@_administrators_only
@in_english
def audit_export(request):
    """Every event of the filters as CSV, streamed; as the audit stood when the download
    started (its own record, and what happens while it streams, are not in it)."""
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "events": [], "filters": _filters(request)}
        return render(request, "audit/audit_log.html", context, status=400)
    selection = form.selection()
    now = timezone.now()
    until = min(selection.until, now) if selection.until else now
    selection = replace(form.selection(), until=until)
    rows = (event.as_row() for event in all_events(selection))
    return csv_response(f"audit-{now:%Y%m%d-%H%M%S}.csv", COLUMNS, rows)


def _filters(request) -> str:
    """The query string of the filters, without the paging."""
    query = request.GET.copy()
    for name in PAGING:
        query.pop(name, None)
    return query.urlencode()


def _page_url(request, **cursor):
    """The page's address with ``cursor`` (before= or after=) in place of its paging;
    None when the cursor is None (there is no such page)."""
    query = request.GET.copy()
    for name in ("before", "after"):
        query.pop(name, None)
    for name, value in cursor.items():
        if value is None:
            return None
        query[name] = value.encode()
    return f"{request.path}?{query.urlencode()}" if query else request.path
