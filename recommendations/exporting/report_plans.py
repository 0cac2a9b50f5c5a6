"""The plans' part of the mid-term status report: each listed action's indicators with
their latest validated value against the target, and what is overdue on the day the
report is made.

"Latest validated value" is ``selectors.with_latest_value`` (drafts, submitted and
returned values never count); "overdue" is ``selectors.due`` (an open action past its
planned end, an indicator past its next report date), asked for the report's day. The
page and the Word document write the same lines (``indicator_line``, ``overdue_line``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from recommendations.models import ImplementationAction, Indicator
from recommendations.selectors import DueItem, due_items, indicator_is_overdue, with_latest_value


@dataclass
class ReportIndicator:
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    latest_value: Decimal | None
    latest_value_on: date | None
    next_report_date: date | None
    is_overdue: bool


@dataclass
class OverdueLine:
    kind: str  # "action" or "indicator"
    text: str
    institution: str
    due_on: date


def indicators_prefetch(lookup: str = "indicators") -> Prefetch:
    """The actions' indicators with their latest validated value, in one query."""
    indicators = with_latest_value(
        Indicator.objects.select_related("action").order_by("name", "pk")
    )
    return Prefetch(lookup, queryset=indicators)


def report_indicator(indicator, today: date) -> ReportIndicator:
    """An indicator of ``indicators_prefetch`` as the report shows it on ``today``."""
    return ReportIndicator(
        name=indicator.name,
        unit=indicator.unit,
        baseline=indicator.baseline,
        target=indicator.target,
        latest_value=indicator.latest_value,
        latest_value_on=indicator.latest_value_on,
        next_report_date=indicator.next_report_date,
        is_overdue=indicator_is_overdue(indicator, today),
    )


def overdue_lines(actions: QuerySet[ImplementationAction], today: date) -> list[OverdueLine]:
    """What of ``actions`` (and their indicators) is overdue on ``today``, earliest first,
    whatever the actions' state (a planned action past its end is overdue too)."""
    return [_overdue(item) for item in due_items(until=today - timedelta(days=1), actions=actions)]


def indicator_line(indicator: ReportIndicator) -> str:
    """ "Convictions: 9 persons (1 Jun 2012) against a target of 100 persons (baseline 0)"."""
    if indicator.latest_value is None:
        latest = _("no validated value yet")
    else:
        latest = _("%(value)s (%(day)s)") % {
            "value": _amount(indicator.latest_value, indicator.unit),
            "day": date_format(indicator.latest_value_on) if indicator.latest_value_on else "",
        }
    line = _("%(name)s: %(latest)s") % {"name": indicator.name, "latest": latest}
    if indicator.target is not None:
        line += " " + _("against a target of %(target)s") % {
            "target": _amount(indicator.target, indicator.unit)
        }
    if indicator.baseline is not None:
        line += " " + _("(baseline %(baseline)s)") % {
            "baseline": _amount(indicator.baseline, indicator.unit)
        }
    if indicator.is_overdue and indicator.next_report_date:
        line += "; " + _("report overdue since %(day)s") % {
            "day": date_format(indicator.next_report_date)
        }
    return line


def overdue_line(line: OverdueLine) -> str:
    return _("%(what)s (%(institution)s): due on %(day)s") % {
        "what": line.text,
        "institution": line.institution,
        "day": date_format(line.due_on),
    }


def _overdue(item: DueItem) -> OverdueLine:
    if isinstance(item.obj, Indicator):
        text = _("Report on the indicator “%(indicator)s” of “%(action)s”") % {
            "indicator": item.obj.name,
            "action": item.obj.action.title,
        }
    else:
        text = _("End of the action “%(action)s”") % {"action": item.obj.title}
    return OverdueLine(item.kind, text, item.institution.name, item.due_on)


def _amount(number: Decimal, unit: str) -> str:
    # 9.00 → "9", 100.50 → "100.5": the stored places are not the value's precision.
    written = f"{number.normalize():f}"
    return f"{written} {unit}" if unit else written
