"""``/recommendations/``: the filtered, searchable, sorted list and its measure."""

from datetime import date
from typing import TYPE_CHECKING, NamedTuple, cast

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from web.access import readable_page
from web.replicas import reads_from_replica

from .. import caching, rules
from ..charts import STATUS_ORDER
from ..models import ORIGINAL_LANGUAGE, Position
from ..selectors import measure, with_current_status, with_status_is_demo, with_text_in
from ..selectors.measure import validated_updates
from .list_filters import active_filters, recommendation_filter
from .querysets import in_order, with_lead

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

PAGE_SIZE = 50
DEEP = 1000  # rows before a page from which only ids are sorted to find it


def _rank(field: str, values) -> Case:
    """Order by the vocabulary's own order (supported before noted), not alphabetically."""
    return Case(
        *(When(**{field: value}, then=Value(index)) for index, value in enumerate(values)),
        default=Value(len(values)),
        output_field=IntegerField(),
    )


# sort parameter -> (label, ordering); the reference order is the review's, then the paragraph's.
SORTS: dict[str, tuple["_StrOrPromise", list[str | Combinable]]] = {
    "reference": (_("Reference"), ["review", "sort_key"]),
    "-reference": (_("Reference, last first"), ["-review", "-sort_key"]),
    "position": (_("Position"), [_rank("position", Position.values), "review", "sort_key"]),
    "status": (
        _("Implementation status"),
        [_rank("current_status", [s.value for s in STATUS_ORDER]), "review", "sort_key"],
    ),
    "-updated": (
        _("Last validated update, newest first"),
        [F("last_update_on").desc(nulls_last=True), "review", "sort_key"],
    ),
}
DEFAULT_SORT = "reference"


def last_update_expression(as_of=None):
    """The assessment date of a recommendation's latest validated update (None if none),
    as of a day if given: today the maintained (indexed) ``status_on``."""
    if as_of is None:
        return F("status_on")
    return Subquery(
        validated_updates(as_of)
        .filter(recommendation=OuterRef("pk"))
        .order_by("-assessed_on")
        .values("assessed_on")[:1]
    )


def _page_number(asked, paginator) -> int:
    """The page asked for, as ``Paginator.get_page`` reads it: the first when it is not a
    number, the last when there is no such page."""
    try:
        number = int(asked)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= paginator.num_pages else paginator.num_pages


@readable_page
@reads_from_replica
def recommendation_list(request):
    """Recommendations through the shared filter, the measure of all of them on top,
    one page of rows below (a fixed number of queries whatever the page or data)."""
    user = request.user
    filterset = recommendation_filter(request.GET, rules.visible_recommendations(user), user)
    filtered, as_of = filterset.qs, filterset.as_of_day
    figures = caching.kept(measure, filtered, as_of=as_of)

    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT
    rows = (
        with_status_is_demo(with_current_status(filtered, as_of=as_of), as_of=as_of)
        .annotate(last_update_on=last_update_expression(as_of))
        .select_related("review__state_under_review", "review__mechanism")
        .prefetch_related("recommending_states")
        .order_by(*SORTS[sort][1])
    )
    rows = with_lead(with_text_in(rows))
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = figures.total  # the measure has counted them already
    number = paginator.validate_number(_page_number(request.GET.get("page"), paginator))
    # The rows are made above from the filtered ones, the day, the order and the
    # language alone: those name them (the filtered ones' SQL is named for the measure
    # already), not the rows' own longer SQL.
    shown, texts_fall_back, table_rows = caching.cached(
        "list-rows",
        lambda: _page(paginator, number),
        filtered,
        as_of,
        sort,
        number,
        figures.total,
        get_language(),
        timeout=caching.ROWS_TIMEOUT,
    )
    page_obj = Page(shown, number, paginator)

    # The export takes the same filters (not the page or the sort), then its format.
    export = request.GET.copy()
    for name in ("page", "sort", "format"):
        export.pop(name, None)
    export_query = export.urlencode() + "&" if export else ""

    clear = request.GET.copy()
    for name in list(clear):
        if name != "sort":
            clear.pop(name)
    return render(
        request,
        "recommendations/recommendation_list.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "measure": figures,
            "page_obj": page_obj,
            "recommendations": shown,
            "table_rows": table_rows,
            # Rows shown in the original's language are noted once above the table.
            "texts_fall_back": texts_fall_back,
            "original_language": ORIGINAL_LANGUAGE,
            "chips": active_filters(filterset, request.GET),
            "clear_url": "?" + clear.urlencode(),
            "export_query": export_query,
            "sort": sort,
            "sorts": [(value, label) for value, (label, _ordering) in SORTS.items()],
            "may_save_view": rules.may_save_views(user),
        },
    )


class Listed(NamedTuple):
    """A row of the page as kept with its rendered table, in plain values: what it shows
    for whoever reads the rows without their markup (the pager counts them; tests and the
    benchmark's check read them), not the instance with its relations (unpickled on every
    page, most of the time the cache took)."""

    pk: int
    reference: str
    current_status: str
    last_update_on: date | None
    recommending_states: tuple[str, ...]
    lead_institution: str | None

    @classmethod
    def of(cls, row) -> "Listed":
        """A recommendation of the list's rows (``recommendation_list``'s queryset)."""
        return cls(
            row.pk,
            row.reference,
            row.current_status,
            row.last_update_on,
            tuple(state.name for state in row.recommending_states.all()),
            next((lead.institution.name for lead in row.lead_responsibilities), None),
        )


def _page(paginator: Paginator, number: int) -> tuple[list[Listed], bool, SafeString]:
    """The recommendations of page ``number`` of ``paginator`` (its rows counted by the
    measure), whether any is shown in its original's language for want of a text in the
    active one, and their table's rows rendered: kept with the figures
    (``caching.cached``), in each language; what they show is the same for every reader
    of the same rows."""
    if (number - 1) * PAGE_SIZE >= DEEP:
        # Far into the list, sort ids alone, not every row before it with its text.
        rows = cast(QuerySet, paginator.object_list)  # the view paginates a queryset
        ids = Paginator(rows.values_list("pk", flat=True), PAGE_SIZE)
        ids.count = paginator.count
        shown = in_order(rows, list(ids.page(number).object_list))
    else:
        shown = list(paginator.page(number).object_list)
    language = get_language()
    table_rows = render_to_string(
        "recommendations/list_parts/rows.html",
        {"recommendations": shown, "LANGUAGE_CODE": language},
    )
    return (
        [Listed.of(row) for row in shown],
        any(row.text_in(language).is_fallback for row in shown),
        mark_safe(table_rows),  # rendered by the engine, escaped there
    )
