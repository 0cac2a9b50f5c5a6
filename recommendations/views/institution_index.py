"""``/institutions/``: every institution with the measure of the recommendations it
leads or supports and how many of them are overdue."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from web.access import readable_page
from web.collation import collation_key, sort_choices

from .. import caching, rules
from ..models import Institution
from ..selectors import Measure, measure_by, overdue_count_by_institution, overdue_threshold

PAGE_SIZE = 50
RESPONSIBLE, ALL = "responsible", "all"


@dataclass(frozen=True)
class Row:
    institution: Institution
    measure: Measure | None  # None: responsible for no recommendation
    overdue: int


def _percent(row: Row) -> float:
    value = row.measure.percent_implemented if row.measure else None
    return -1.0 if value is None else float(value)  # "no data" after every figure


# sort parameter -> (label, key); names in the language's collation, figures largest first.
SORTS = {  # the default first: the form shows it when none is chosen
    "-recommendations": (
        _("Most recommendations"),
        lambda row: (
            -(row.measure.total if row.measure else 0),
            collation_key(row.institution.name),
        ),
    ),
    "name": (_("Name"), lambda row: collation_key(row.institution.name)),
    "-implemented": (
        _("Highest share implemented"),
        lambda row: (-_percent(row), collation_key(row.institution.name)),
    ),
    "-overdue": (
        _("Most overdue"),
        lambda row: (-row.overdue, collation_key(row.institution.name)),
    ),
}
DEFAULT_SORT = "-recommendations"


class InstitutionFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (RESPONSIBLE, _("Responsible for recommendations")),
            (ALL, _("All institutions")),
        ],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any")), *Institution.Kind.choices]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(value, label) for value, (label, _key) in SORTS.items()],
    )


@readable_page
def institution_list(request):
    """Institutions (those responsible for recommendations unless ``show=all``; of one
    ``kind`` if given) with their measure and overdue count: three queries whatever
    their number, sorted by ``sort`` and paginated."""
    form = InstitutionFilterForm(request.GET)
    sort_choices(form.fields["kind"])
    form.is_valid()  # an unknown value falls back to its default
    chosen = form.cleaned_data
    show, kind = chosen.get("show") or RESPONSIBLE, chosen.get("kind")
    sort = chosen.get("sort") or DEFAULT_SORT

    every = rules.visible_recommendations(request.user)
    groups = caching.kept(measure_by, every, "institution")
    measures = {group.key: group.measure for group in groups}
    # Kept with the figures under the day from which a recommendation is overdue (it moves
    # at midnight, and with the setting of how many months).
    overdue = caching.cached(
        "overdue-by-institution",
        lambda: overdue_count_by_institution(every),
        every,
        overdue_threshold(),
    )
    institutions = Institution.objects.order_by()
    if kind:
        institutions = institutions.filter(kind=kind)
    rows = [
        Row(institution, measures.get(institution.pk), overdue.get(institution.pk, 0))
        for institution in institutions
        if show == ALL or institution.pk in measures
    ]
    rows.sort(key=SORTS[sort][1])
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "recommendations/institution_list.html",
        {
            "form": form,
            "rows": page_obj.object_list,
            "page_obj": page_obj,
            "count": len(rows),
            "show_all": show == ALL,
            "sort": sort,
            "overdue_months": settings.UPR_OVERDUE_MONTHS,
        },
    )
