"""The dashboard's breakdown tables: ``measure_by`` per grouping, each row linked to
the recommendation list filtered to exactly that row's recommendations."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Recommendation, Status
from ..selectors import GroupMeasure, Measure, measure_by

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

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
    title: "_StrOrPromise"
    column: "_StrOrPromise"
    rows: list[Row]
    group_count: int  # groups in all; the table shows the largest ROWS_SHOWN
    query: str = ""  # the dashboard's selection, for the links to the whole table
    includes_demo: bool = False  # whether a row shown counts a demo assessment

    @property
    def is_cut(self) -> bool:
        return self.group_count > len(self.rows)

    @property
    def has_overdue(self) -> bool:
        return self.grouping == "institution"


# grouping -> (title, first column, the list filter's parameter)
GROUPINGS = {
    "mechanism": (_("By mechanism"), _("Mechanism"), "mechanism"),
    "theme": (_("By theme"), _("Theme"), "theme"),
    "institution": (_("By responsible institution"), _("Institution"), "institution"),
    "recommending_state": (
        _("By recommending state"),
        _("Recommending state"),
        "recommending_state",
    ),
    "sdg": (_("By SDG goal"), _("SDG goal"), "sdg"),
    "sdg_target": (_("By SDG target"), _("SDG target"), "sdg_target"),
    "affected_group": (_("By affected group"), _("Affected group"), "affected_group"),
    "cluster": (_("By cluster"), _("Cluster"), "cluster"),
}
NONE_RECORDED = {
    "mechanism": _("No mechanism"),  # every review has one: never shown
    "theme": _("No theme recorded"),
    "institution": _("No institution assigned"),
    "recommending_state": _("No recommending state recorded"),
    "sdg": _("No SDG goal recorded"),
    "sdg_target": _("No SDG target recorded"),
    "affected_group": _("No affected group recorded"),
    "cluster": _("In no cluster"),
}


def breakdown(
    recommendations: QuerySet[Recommendation],
    grouping: str,
    base_query: QueryDict,
    *,
    overdue: dict | None = None,
    as_of=None,
    limit: int | None = ROWS_SHOWN,
    query: str = "",
    groups: list[GroupMeasure] | None = None,
) -> Breakdown:
    """One breakdown table (one query: the measure, whose keys are the filters' values):
    its ``limit`` largest groups (None: all of them).

    ``overdue`` ({key: count}) adds an overdue column; the institution table is
    then a league table: highest share implemented first. ``as_of``: the measure of
    that day. ``groups``: the measure of ``recommendations`` by ``grouping`` as of that
    day when already taken (``measure_by_each`` for several tables at once).
    """
    title, column, parameter = GROUPINGS[grouping]
    if groups is None:
        groups = measure_by(recommendations, grouping, as_of=as_of)
    if grouping == "institution":
        groups.sort(
            key=lambda g: (
                g.key is None,
                -(g.measure.percent_implemented or -1),
                -g.measure.total,
                g.label,
            )
        )
    shown = groups[:limit]
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
        title=str(title),
        column=str(column),
        rows=rows,
        group_count=len(groups),
        query=query,
        includes_demo=any(row.measure.includes_demo for row in rows),
    )


STATUS_COLUMNS = [
    (Status.IMPLEMENTED, _("Implemented")),
    (Status.PARTIALLY_IMPLEMENTED, _("Partially implemented")),
    (Status.IN_PROGRESS, _("In progress")),
    (Status.NOT_STARTED, _("Not started")),
    (Status.NOT_IMPLEMENTED, _("Not implemented")),
]


def table_header(table: Breakdown) -> list[str]:
    """The columns of a breakdown's download: the group, the measure's figures, and the
    overdue count for institutions."""
    header = [table.column, _("Recommendations"), _("Supported")]
    header += [label for _status, label in STATUS_COLUMNS]
    # xgettext:no-python-format
    header += [_("% implemented"), _("% at least partially implemented")]
    header += [_("Overdue")] if table.has_overdue else []
    return [str(name) for name in header]


def table_rows(table: Breakdown) -> list[list]:
    """One line of cells per group, in ``table_header``'s order."""
    lines = []
    for row in table.rows:
        figures = row.measure
        line = [row.label, figures.total, figures.supported]
        line += [figures.by_status[status] for status, _label in STATUS_COLUMNS]
        line += [_number(figures.percent_implemented), _number(figures.percent_at_least_partially)]
        lines.append(line + ([row.overdue] if table.has_overdue else []))
    return lines


def _number(percent) -> float | str:
    return gettext("no data") if percent is None else float(percent)


def _label(grouping, group) -> str:
    if group.key is None:
        return str(NONE_RECORDED[grouping])
    if grouping == "sdg":
        return gettext("SDG %(number)s: %(name)s") % {"number": group.key, "name": group.label}
    if grouping == "sdg_target" and group.label != group.key:
        return f"{group.key}: {group.label}"
    if grouping == "mechanism" and group.label != group.key:
        return f"{group.label} ({group.key})"
    return str(group.label)


def _list_url(base_query: QueryDict, parameter: str, value) -> str:
    query = base_query.copy()
    query[parameter] = str(value)
    return f"{reverse('recommendation-list')}?{query.urlencode()}"
