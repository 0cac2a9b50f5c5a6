"""The server-drawn charts: labelled images whose numbers are also given in text."""

import re
from datetime import date
from decimal import Decimal

from recommendations.charts import over_time_chart, status_bar, status_summary
from recommendations.models import Position, Status
from recommendations.selectors import Measure
from recommendations.selectors.over_time import Line, OverTime


def figures(**counts) -> Measure:
    by_status = dict.fromkeys(Status.values, 0) | counts
    supported = sum(by_status.values())
    return Measure(
        total=supported,
        by_position=dict.fromkeys(Position.values, 0) | {"supported": supported},
        supported=supported,
        by_status=by_status,
        percent_implemented=None,
        percent_at_least_partially=None,
    )


def test_a_status_bar_is_a_labelled_image_with_one_segment_per_status_present():
    svg = status_bar(figures(implemented=3, in_progress=1))

    assert 'role="img"' in svg
    assert 'aria-label="4 supported: 3 implemented, 1 in progress"' in svg
    assert re.findall(r'width="([\d.]+)"[^>]*class="fill-(\w+)"', svg) == [
        ("75.000", "implemented"),
        ("25.000", "in_progress"),
    ]


def test_a_status_bar_beside_its_numbers_is_hidden_from_screen_readers():
    svg = status_bar(figures(implemented=1), decorative=True)

    assert 'aria-hidden="true"' in svg
    assert "role=" not in svg


def test_nothing_supported_draws_an_empty_bar_and_says_so():
    empty = figures()

    assert status_summary(empty) == "No supported recommendation"
    assert 'class="fill-empty"' in status_bar(empty)


def test_the_over_time_chart_draws_each_review_and_breaks_lines_where_there_is_no_data():
    class Review:
        def __init__(self, name):
            self.name = name

        def __str__(self):
            return self.name

    days = [date(2010, 6, 30), date(2010, 12, 31), date(2011, 6, 30), date(2011, 9, 1)]
    series = OverTime(
        days=days,
        lines=[
            Line(
                Review("Cycle 1"),
                [Decimal("0.0"), Decimal("10.0"), Decimal("50.0"), Decimal("50.0")],
            ),
            Line(Review("Cycle 2"), [None, None, Decimal("0.0"), Decimal("20.0")]),
        ],
    )

    svg = over_time_chart(series)

    assert 'role="img"' in svg
    assert "Cycle 1: 0.0 % on 30 Jun 2010, 50.0 % on 1 Sep 2011" in svg
    assert "Cycle 2: 0.0 % on 30 Jun 2011, 20.0 % on 1 Sep 2011" in svg
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 6
    assert 'class="series-2"' in svg
    assert ">100 %</text>" in svg


def test_no_days_no_chart():
    assert over_time_chart(OverTime(days=[], lines=[])) == ""
