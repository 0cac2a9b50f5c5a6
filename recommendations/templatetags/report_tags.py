"""The status report's plan lines, written once for its page and its Word document."""

from django import template

from recommendations.exporting import report_plans

register = template.Library()


@register.filter
def indicator_line(indicator: report_plans.ReportIndicator) -> str:
    return report_plans.indicator_line(indicator)


@register.filter
def overdue_line(line: report_plans.OverdueLine) -> str:
    return report_plans.overdue_line(line)
