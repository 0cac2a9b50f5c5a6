"""What is due: the planned ends of open actions and the report dates of indicators,
overdue or falling due this month, for ministry staff their institution's and for
coordinators every institution's (``selectors.due_lists``, with a fixed clock; the
pages with today's)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from recommendations.models import ImplementationAction
from recommendations.selectors import due_lists, month_end
from tests.factories import ImplementationActionFactory, IndicatorFactory

pytestmark = pytest.mark.django_db
ActionStatus = ImplementationAction.ActionStatus
TODAY = date(2031, 3, 17)


def names(items):
    return [str(item.obj) for item in items]


@pytest.fixture
def dates(world):
    """Justice's and Interior's items due around TODAY."""
    justice, interior = world.justice_ministry, world.interior_ministry
    bill = ImplementationActionFactory(
        title="Bill drafted", institution=justice, end_date=date(2031, 3, 1), status="ongoing"
    )
    ImplementationActionFactory(
        title="Decree adopted", institution=justice, end_date=date(2031, 3, 1), status="completed"
    )
    ImplementationActionFactory(
        title="Plan cancelled", institution=justice, end_date=date(2031, 3, 1), status="cancelled"
    )
    IndicatorFactory(action=bill, name="Judges trained", next_report_date=TODAY)
    IndicatorFactory(action=bill, name="Courts visited", next_report_date=date(2031, 3, 31))
    IndicatorFactory(action=bill, name="Next month", next_report_date=date(2031, 4, 1))
    IndicatorFactory(action=bill, name="Reported once", next_report_date=None)
    # An indicator of Justice's action that Interior reports: in both ministries' lists.
    IndicatorFactory(
        action=bill,
        name="Police referrals",
        institution=interior,
        next_report_date=date(2031, 2, 1),
    )
    prisons = ImplementationActionFactory(
        title="Prisons inspected",
        institution=interior,
        end_date=date(2031, 3, 20),
        status="planned",
    )
    IndicatorFactory(action=prisons, name="Inspections", next_report_date=date(2031, 3, 16))
    return bill


def test_overdue_is_what_an_open_plan_missed_before_today(dates):
    due = due_lists(today=TODAY)

    assert names(due.overdue) == ["Police referrals", "Bill drafted", "Inspections"]


def test_due_this_month_runs_from_today_to_the_months_last_day(dates):
    due = due_lists(today=TODAY)

    assert names(due.this_month) == ["Judges trained", "Prisons inspected", "Courts visited"]
    assert month_end(TODAY) == date(2031, 3, 31)


def test_each_ministry_sees_what_it_must_deliver(dates, world):
    justice = due_lists(today=TODAY, institution=world.justice_ministry)
    interior = due_lists(today=TODAY, institution=world.interior_ministry)

    assert names(justice.overdue) == ["Police referrals", "Bill drafted"]
    assert names(justice.this_month) == ["Judges trained", "Courts visited"]
    assert names(interior.overdue) == ["Police referrals", "Inspections"]
    assert names(interior.this_month) == ["Prisons inspected"]


def test_a_cancelled_actions_indicators_are_due_no_more(dates):
    dates.status = ActionStatus.CANCELLED
    dates.save()

    due = due_lists(today=TODAY)

    assert names(due.overdue) == ["Inspections"]
    assert names(due.this_month) == ["Prisons inspected"]


@pytest.fixture
def due_now(world):
    today = timezone.localdate()
    action = ImplementationActionFactory(
        title="Bill drafted",
        institution=world.justice_ministry,
        end_date=today - timedelta(days=1),
        status="ongoing",
    )
    IndicatorFactory(action=action, name="Judges trained", next_report_date=month_end(today))
    other = ImplementationActionFactory(
        title="Prisons inspected",
        institution=world.interior_ministry,
        end_date=today - timedelta(days=3),
        status="planned",
    )
    return action, other


def test_ministry_staff_find_their_lists_in_their_workspace(world, due_now):
    client = world.client("justice")

    home = client.get("/workspace/").content.decode()
    page = client.get("/workspace/due/").content.decode()

    for html in (home, page):
        overdue = html[
            html.index('id="due-overdue-heading"') : html.index('id="due-month-heading"')
        ]
        month = html[html.index('id="due-month-heading"') :]
        assert "Bill drafted" in overdue
        assert "Report on “Judges trained”" in month
        assert "Prisons inspected" not in html


def test_coordinators_see_every_institutions_dates(world, due_now):
    page = world.client("coordinator").get("/workspace/due/").content.decode()

    assert "Bill drafted" in page and "Prisons inspected" in page
    assert '<td data-label="Institution">Ministry of Internal Affairs (MIA)</td>' in page


@pytest.mark.parametrize("role", ["adviser", "partner"])
def test_readers_have_no_due_dates_page(world, role):
    assert world.client(role).get("/workspace/due/").status_code == 403
