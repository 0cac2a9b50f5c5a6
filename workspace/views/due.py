"""Due dates: what is overdue and what falls due this month, for ministry staff their
institution's, for coordinators every institution's (``selectors.due_lists``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.selectors import DueLists, due_lists

from .access import require_ministry_staff_or_coordinator


@login_required
def due_dates(request):
    institution = require_ministry_staff_or_coordinator(request)
    today = timezone.localdate()
    return render(
        request,
        "workspace/due.html",
        {
            "institution": institution,
            "due_tables": due_tables(due_lists(today=today, institution=institution)),
            "show_institution": institution is None,
            "today": today,
        },
    )


def due_tables(due: DueLists) -> list[tuple]:
    """(title, items, kind) of each list, as ``workspace/_due_lists.html`` shows them."""
    return [(_("Overdue"), due.overdue, "overdue"), (_("Due this month"), due.this_month, "month")]
