"""Reminders of due dates, with a fixed clock (``today`` given to the service): each
date is reminded of UPR_REMINDER_LEAD_DAYS before, on the day and once past, each
once, whenever and however often the reminders run."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from recommendations.models import ImplementationAction, Role
from tests.factories import ImplementationActionFactory, IndicatorFactory, UserFactory
from workspace.due_reminders import due_reminders, send_due_reminders
from workspace.models import DueReminderSent

pytestmark = pytest.mark.django_db

DUE = date(2031, 3, 31)
ActionStatus = ImplementationAction.ActionStatus


def run(today):
    """One run of the reminders on ``today``: the messages it sent."""
    before = len(mail.outbox)
    send_due_reminders(due_reminders(today), today)
    return mail.outbox[before:]


@pytest.fixture
def indicator(world, settings):
    settings.UPR_REMINDER_LEAD_DAYS = 14
    return IndicatorFactory(
        action=world.justice_action,
        name="Judges trained",
        responsible_person=world.users["justice"],
        next_report_date=DUE,
    )


def test_nothing_is_sent_before_the_lead_time(indicator):
    assert run(DUE - timedelta(days=15)) == []
    assert not DueReminderSent.objects.exists()


def test_the_person_responsible_is_reminded_before_on_and_after_the_date_once_each(indicator):
    runs = [
        (DUE - timedelta(days=14), 1),  # the lead time begins: "due soon"
        (DUE - timedelta(days=14), 0),  # the same day again
        (DUE - timedelta(days=3), 0),  # "due soon" was said
        (DUE, 1),  # "due today"
        (DUE, 0),
        (DUE + timedelta(days=1), 1),  # "overdue"
        (DUE + timedelta(days=30), 0),  # said once
    ]

    sent = [len(run(day)) for day, _expected in runs]

    assert sent == [expected for _day, expected in runs]
    events = DueReminderSent.objects.order_by("sent_at", "pk").values_list("event", flat=True)
    assert list(events) == ["before", "on", "overdue"]
    assert set(DueReminderSent.objects.values_list("indicator", "due_on")) == {(indicator.pk, DUE)}


def test_each_reminder_goes_to_the_person_responsible_alone(indicator, world):
    UserFactory(
        username="colleague",
        email="colleague@example.org",
        role=Role.MINISTRY,
        role__institution=world.justice_ministry,
    )

    soon, on_the_day, overdue = run(DUE - timedelta(days=10)), run(DUE), run(DUE + timedelta(1))

    for messages in (soon, on_the_day, overdue):
        assert [message.to for message in messages] == [["justice@example.org"]]
    assert soon[0].subject == ("UPR Tracker: 1 date due soon for the Ministry of Justice (MoJ)")
    assert on_the_day[0].subject.startswith("UPR Tracker: 1 date due today")
    assert overdue[0].subject.startswith("UPR Tracker: 1 date overdue")
    body = soon[0].body
    assert "Report the value of the indicator “Judges trained”" in body
    assert "due 31 Mar 2031" in body
    assert f"http://127.0.0.1:8000/workspace/indicators/{indicator.pk}/" in body


def test_without_a_person_responsible_the_institutions_staff_are_reminded(indicator, world):
    indicator.responsible_person = None
    indicator.save()
    UserFactory(
        username="colleague",
        email="colleague@example.org",
        role=Role.MINISTRY,
        role__institution=world.justice_ministry,
    )

    messages = run(DUE)

    assert sorted(message.to[0] for message in messages) == [
        "colleague@example.org",
        "justice@example.org",
    ]
    record = DueReminderSent.objects.get()
    assert record.recipients.splitlines() == ["colleague@example.org", "justice@example.org"]


def test_a_date_moved_later_is_reminded_of_again(indicator):
    run(DUE + timedelta(days=1))
    indicator.next_report_date = DUE + timedelta(days=92)
    indicator.save()

    messages = run(DUE + timedelta(days=92))

    assert len(messages) == 1
    assert list(DueReminderSent.objects.values_list("event", "due_on").order_by("due_on")) == [
        ("overdue", DUE),
        ("on", DUE + timedelta(days=92)),
    ]


def test_an_actions_planned_end_is_reminded_while_it_is_open(world, settings):
    settings.UPR_REMINDER_LEAD_DAYS = 14
    open_action = ImplementationActionFactory(
        title="Bill drafted", institution=world.justice_ministry, end_date=DUE, status="ongoing"
    )
    ImplementationActionFactory(
        title="Decree adopted",
        institution=world.justice_ministry,
        end_date=DUE,
        status=ActionStatus.COMPLETED,
    )

    messages = run(DUE + timedelta(days=2))

    assert [message.to for message in messages] == [["justice@example.org"]]
    assert "The action “Bill drafted” is planned to end on 31 Mar 2031" in messages[0].body
    assert f"/workspace/actions/{open_action.pk}/" in messages[0].body
    assert "Decree adopted" not in messages[0].body
    assert DueReminderSent.objects.get().action == open_action


def test_a_cancelled_actions_indicators_are_not_reminded_of(indicator, world):
    world.justice_action.status = ActionStatus.CANCELLED
    world.justice_action.save()

    assert run(DUE) == []


def test_the_lead_time_is_a_setting(indicator, settings):
    settings.UPR_REMINDER_LEAD_DAYS = 30

    assert len(run(DUE - timedelta(days=30))) == 1


def test_one_email_per_person_lists_all_their_dates(indicator, world):
    IndicatorFactory(
        action=world.justice_action,
        name="Decisions published",
        responsible_person=world.users["justice"],
        next_report_date=DUE - timedelta(days=5),
    )

    messages = run(DUE)

    assert len(messages) == 1
    assert messages[0].subject == (
        "UPR Tracker: 1 date overdue, 1 date due today for the Ministry of Justice (MoJ)"
    )
    body = messages[0].body
    assert body.index("Overdue:") < body.index("Decisions published")
    assert body.index("Due today:") < body.index("Judges trained")


def test_a_failed_sending_leaves_no_record_so_the_next_run_tries_again(indicator, settings):
    settings.EMAIL_BACKEND = "tests.workspace.test_send_reminders.BrokenBackend"

    with pytest.raises(ConnectionError):
        run(DUE)

    assert not DueReminderSent.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert len(run(DUE)) == 1


def test_written_in_the_deployments_language_when_the_recipient_has_none(indicator, settings):
    settings.LANGUAGE_CODE = "ru"

    (message,) = run(DUE - timedelta(days=1))

    # The tracker's Russian date (upr_tracker/formats/ru), in Russian words around it.
    assert "срок — 31.03.2031" in message.body


def test_the_command_sends_the_days_reminders(world, settings):
    settings.UPR_REMINDER_LEAD_DAYS = 14
    IndicatorFactory(
        action=world.justice_action,
        name="Judges trained",
        responsible_person=world.users["justice"],
        next_report_date=timezone.localdate(),
    )
    output = io.StringIO()

    call_command("send_reminders", stdout=output)
    call_command("send_reminders", stdout=output)

    due_today = [m for m in mail.outbox if "due today" in m.subject]
    assert [m.to for m in due_today] == [["justice@example.org"]]
    text = output.getvalue()
    assert "Ministry of Justice (MoJ): 1 due-date reminder sent to 1 address." in text
    assert text.count("due-date reminder sent") == 1
    assert "No due date to remind of." in text
