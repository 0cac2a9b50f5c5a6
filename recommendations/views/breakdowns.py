"""The dashboard's breakdown tables: ``measure_by`` per grouping, each row linked to
the recommendation list filtered to exactly that row's recommendations."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from ..models import Recommendation
from ..selectors import Measure, measure_by

ROWS_SHOWN = 15


@dataclass(frozen=True)
class Row:
    label: str
    measure: Measure
    list_url: str | None  # None for the "none recorded" group: no filter selects it
    key: object = None
    overdue: int | None = None


@dataclass(frozen=True)
class Breakdown:
    grouping: str
    title: str
    column: str
    rows: list[Row]
    group_count: int  # groups in all; the table shows the largest ROWS_SHOWN
    includes_demo: bool = False  # whether a row shown counts a demo assessment

    @property
    def is_cut(self) -> bool:
        return self.group_count > len(self.rows)


# grouping -> (title, first column, the list filter's parameter)
GROUPINGS = {
    "theme": ("By theme", "Theme", "theme"),
    "institution": ("By responsible institution", "Institution", "institution"),
    "recommending_state": ("By recommending state", "Recommending state", "recommending_state"),
    "sdg": ("By SDG goal", "SDG goal", "sdg"),
    "affected_group": ("By affected group", "Affected group", "affected_group"),
}
NONE_RECORDED = {
    "theme": "No theme recorded",
    "institution": "No institution assigned",
    "recommending_state": "No recommending state recorded",
    "sdg": "No SDG goal recorded",
    "affected_group": "No affected group recorded",
}


def breakdown(
    recommendations: QuerySet[Recommendation],
    grouping: str,
    base_query: QueryDict,
    *,
    overdue: dict | None = None,
) -> Breakdown:
    """One breakdown table (one query: the measure, whose keys are the filters' values).

    ``overdue`` ({key: count}) adds an overdue column; the institution table is
    then a league table: highest share implemented first.
    """
    title, column, parameter = GROUPINGS[grouping]
    groups = measure_by(recommendations, grouping)
    if grouping == "institution":
        groups.sort(
            key=lambda g: (
                g.key is None,
                -(g.measure.percent_implemented or -1),
                -g.measure.total,
                g.label,
            )
        )
    shown = groups[:ROWS_SHOWN]
    rows = [
        Row(
            label=_label(grouping, group),
            measure=group.measure,
            list_url=None if group.key is None else _list_url(base_query, parameter, group.key),
            key=group.key,
            overdue=None if overdue is None else overdue.get(group.key, 0),
        )
        for group in shown
    ]
    return Breakdown(
        grouping=grouping,
        title=title,
        column=column,
        rows=rows,
        group_count=len(groups),
        includes_demo=any(row.measure.includes_demo for row in rows),
    )


def _label(grouping, group) -> str:
    if group.key is None:
        return NONE_RECORDED[grouping]
    if grouping == "sdg":
        return f"SDG {group.key}: {group.label}"
    return str(group.label)


def _list_url(base_query: QueryDict, parameter: str, value) -> str:
    query = base_query.copy()
    query[parameter] = str(value)
    return f"{reverse('recommendation-list')}?{query.urlencode()}"
