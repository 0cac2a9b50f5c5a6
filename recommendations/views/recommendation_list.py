"""``/recommendations/``: the filtered, searchable, sorted list and its measure."""

from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.expressions import Combinable
from django.shortcuts import render

from web.access import readable_page

from .. import rules
from ..charts import STATUS_ORDER
from ..models import Position
from ..selectors import measure, with_current_status, with_status_is_demo
from ..selectors.measure import validated_updates
from .list_filters import active_filters, recommendation_filter
from .querysets import with_lead

PAGE_SIZE = 50


def _rank(field: str, values) -> Case:
    """Order by the vocabulary's own order (supported before noted), not alphabetically."""
    return Case(
        *(When(**{field: value}, then=Value(index)) for index, value in enumerate(values)),
        default=Value(len(values)),
        output_field=IntegerField(),
    )


# sort parameter -> (label, ordering); the reference order is the review's, then the paragraph's.
SORTS: dict[str, tuple[str, list[str | Combinable]]] = {
    "reference": ("Reference", ["review", "sort_key"]),
    "-reference": ("Reference, last first", ["-review", "-sort_key"]),
    "position": ("Position", [_rank("position", Position.values), "review", "sort_key"]),
    "status": (
        "Implementation status",
        [_rank("current_status", [s.value for s in STATUS_ORDER]), "review", "sort_key"],
    ),
    "-updated": (
        "Last validated update, newest first",
        [F("last_update_on").desc(nulls_last=True), "review", "sort_key"],
    ),
}
DEFAULT_SORT = "reference"


def last_update_expression(as_of=None):
    """The assessment date of a recommendation's latest validated update (None if none),
    as of a day if given."""
    return Subquery(
        validated_updates(as_of)
        .filter(recommendation=OuterRef("pk"))
        .order_by("-assessed_on")
        .values("assessed_on")[:1]
    )


@readable_page
def recommendation_list(request):
    """Recommendations through the shared filter, the measure of all of them on top,
    one page of rows below (a fixed number of queries whatever the page or data)."""
    user = request.user
    filterset = recommendation_filter(request.GET, rules.visible_recommendations(user), user)
    filtered, as_of = filterset.qs, filterset.as_of_day
    figures = measure(filtered, as_of=as_of)

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
    rows = with_lead(rows)
    paginator = Paginator(rows, PAGE_SIZE)
    paginator.count = figures.total  # the measure has counted them already
    page_obj = paginator.get_page(request.GET.get("page"))

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
            "recommendations": page_obj.object_list,
            "chips": active_filters(filterset, request.GET),
            "clear_url": "?" + clear.urlencode(),
            "export_query": export_query,
            "sort": sort,
            "sorts": [(value, label) for value, (label, _ordering) in SORTS.items()],
            "may_save_view": rules.may_save_views(user),
        },
    )
