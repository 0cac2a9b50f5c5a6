"""A share shown in a card, a table cell or the chart's table: "72.4 %" in the reader's
language, and "no data", marked so the page styles it apart, where nothing is supported."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from recommendations.models import Position, Status
from recommendations.selectors import Measure
from recommendations.templatetags.tracker import percent_or_no_data


def test_a_share_is_written_in_the_readers_language():
    assert percent_or_no_data(Decimal("72.4")) == "72.4\u00a0%"
    with translation.override("ru"):
        assert percent_or_no_data(Decimal("72.4")) == "72,4\u00a0%"


def test_no_share_says_no_data_marked_as_such_in_each_language():
    assert percent_or_no_data(None) == '<span class="no-data">no data</span>'
    with translation.override("ru"):
        no_data = gettext("no data")
        assert no_data != "no data"
        assert percent_or_no_data(None) == f'<span class="no-data">{no_data}</span>'


def test_a_card_of_recommendations_all_noted_says_no_data():
    noted = Measure(
        total=3,
        by_position=dict.fromkeys(Position.values, 0) | {"noted": 3},
        supported=0,
        by_status=dict.fromkeys(Status.values, 0),
        percent_implemented=None,
        percent_at_least_partially=None,
    )
    card = {"anchor": "review-1", "title": "Cycle 1", "measure": noted, "list_url": "/"}

    html = render_to_string("includes/stat_card.html", {"card": card})

    assert html.count('<span class="no-data">no data</span>') == 2  # both shares
