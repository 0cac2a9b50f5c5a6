"""Charts drawn on the server as inline SVG: the pages need no JavaScript and print.

Every chart is an ``<svg role="img">`` with an ``aria-label`` that says what it
shows; the pages put the same numbers in a table or text beside it. Colours
come from the stylesheet through classes (``fill-<status>``, ``series-<n>``),
so one palette serves the screen and print.
"""

from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from .models import Status
from .selectors import Measure
from .selectors.over_time import OverTime

# Left to right in a status bar: the furthest along first.
STATUS_ORDER = [
    Status.IMPLEMENTED,
    Status.PARTIALLY_IMPLEMENTED,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.NOT_IMPLEMENTED,
]
SERIES_CLASSES = 4  # series-1 … series-4 in the stylesheet, then they repeat


def _status_count(status: Status, count: int) -> str:
    """'53 implemented': a count of recommendations with that status, in the language's
    plural form."""
    phrases = {
        Status.IMPLEMENTED: ngettext("%(count)s implemented", "%(count)s implemented", count),
        Status.PARTIALLY_IMPLEMENTED: ngettext(
            "%(count)s partially implemented", "%(count)s partially implemented", count
        ),
        Status.IN_PROGRESS: ngettext("%(count)s in progress", "%(count)s in progress", count),
        Status.NOT_STARTED: ngettext("%(count)s not started", "%(count)s not started", count),
        Status.NOT_IMPLEMENTED: ngettext(
            "%(count)s not implemented", "%(count)s not implemented", count
        ),
    }
    return phrases[status] % {"count": count}


def status_summary(measure: Measure) -> str:
    """'74 supported: 53 implemented, 10 partially implemented, …' (non-zero only)."""
    if not measure.supported:
        return gettext("No supported recommendation")
    parts = [
        _status_count(status, measure.by_status[status])
        for status in STATUS_ORDER
        if measure.by_status[status]
    ]
    return ngettext(
        "%(count)s supported: %(statuses)s",
        "%(count)s supported: %(statuses)s",
        measure.supported,
    ) % {"count": measure.supported, "statuses": ", ".join(parts)}


def status_bar(measure: Measure, *, decorative: bool = False) -> SafeString:
    """A stacked bar of the supported recommendations by status.

    ``decorative`` hides it from assistive technology where the same numbers are
    read out next to it (a table row); otherwise its label lists them.
    """
    # Drawn in every row of a breakdown: written with f-strings, not ``format_html``,
    # as nothing in it is text but the label, escaped here (the rest are numbers and
    # the statuses' own values).
    role = (
        'aria-hidden="true" focusable="false"'
        if decorative
        else f'role="img" aria-label="{escape(status_summary(measure))}"'
    )
    rects = []
    offset = Decimal(0)
    for status in STATUS_ORDER:
        count = measure.by_status[status]
        if not count or not measure.supported:
            continue
        width = Decimal(count) * 100 / measure.supported
        rects.append(
            f'<rect x="{offset:.3f}" y="0" width="{width:.3f}" height="10"'
            f' class="fill-{status.value}"></rect>'
        )
        offset += width
    if not rects:
        rects.append('<rect x="0" y="0" width="100" height="10" class="fill-empty"></rect>')
    return mark_safe(
        '<svg class="status-bar" viewBox="0 0 100 10" preserveAspectRatio="none"'
        f" {role}>{''.join(rects)}</svg>"
    )


# The drawing area of the over-time chart, in SVG units. The margins leave room for
# labels drawn twice as large on a phone, where the chart is drawn at half its size
# (the stylesheet's .line-chart .axis): "100 %" on the left, the years below.
WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 88, 12, 20, 36


def _x(day: date, first: date, last: date) -> float:
    span = (last - first).days or 1
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span


def _y(percent: Decimal) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (100 - float(percent)) / 100


def _n(value: float) -> str:
    return f"{value:.1f}"


def _segments(days: list[date], points: list[Decimal | None]) -> list[list[tuple[date, Decimal]]]:
    """Runs of consecutive points with data (a line breaks where there is none)."""
    runs: list[list[tuple[date, Decimal]]] = []
    run: list[tuple[date, Decimal]] = []
    for day, point in zip(days, points, strict=True):
        if point is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append((day, point))
    if run:
        runs.append(run)
    return runs


def over_time_summary(over_time: OverTime) -> str:
    """What the chart shows, for its label: each line's first and latest figure."""
    sentences = []
    for line in over_time.lines:
        known = [(d, p) for d, p in zip(over_time.days, line.points, strict=True) if p is not None]
        if not known:
            sentences.append(gettext("%(line)s: no data") % {"line": line.review})
            continue
        (first_day, first), (last_day, last) = known[0], known[-1]
        sentences.append(
            gettext("%(line)s: %(first)s on %(first_day)s, %(last)s on %(last_day)s")
            % {
                "line": line.review,
                "first": _percent(first),
                "first_day": date_format(first_day),
                "last": _percent(last),
                "last_day": date_format(last_day),
            }
        )
    return gettext("Per cent implemented over time. %(lines)s.") % {"lines": "; ".join(sentences)}


def _percent(value: Decimal) -> str:
    return f"{number_format(value, decimal_pos=1)} %"


def over_time_chart(over_time: OverTime) -> SafeString:
    """Lines of % implemented (0–100) over the days of the series, one per review."""
    if not over_time.days:
        return mark_safe("")
    first, last = over_time.days[0], over_time.days[-1]
    grid = format_html_join(
        "",
        '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" class="grid"></line>'
        '<text x="{3}" y="{4}" class="axis" text-anchor="end">{5} %</text>',
        (
            (LEFT, WIDTH - RIGHT, _n(_y(Decimal(v))), LEFT - 6, _n(_y(Decimal(v)) + 4), v)
            for v in (0, 25, 50, 75, 100)
        ),
    )
    years = sorted({day.year for day in over_time.days})
    every = max(1, -(-len(years) // 8))  # at most about eight year labels
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" class="axis" text-anchor="middle">{}</text>',
        (
            (_n(_x(date(year, 1, 1), first, last)), HEIGHT - 8, year)
            for year in years[::every]
            if first <= date(year, 1, 1) <= last
        ),
    )
    lines = []
    for index, line in enumerate(over_time.lines):
        css = f"series-{index % SERIES_CLASSES + 1}"
        for run in _segments(over_time.days, line.points):
            coordinates = " ".join(f"{_n(_x(d, first, last))},{_n(_y(p))}" for d, p in run)
            lines.append(
                format_html('<polyline points="{}" class="{}"></polyline>', coordinates, css)
            )
            lines.extend(
                format_html(
                    '<circle cx="{}" cy="{}" r="2.5" class="{}"></circle>',
                    _n(_x(d, first, last)),
                    _n(_y(p)),
                    css,
                )
                for d, p in run
            )
    return format_html(
        '<svg class="line-chart" viewBox="0 0 {} {}" role="img" aria-label="{}">{}{}{}</svg>',
        WIDTH,
        HEIGHT,
        over_time_summary(over_time),
        grid,
        ticks,
        mark_safe("".join(lines)),
    )
