"""manage.py send_reminders: each institution's users get a digest of their overdue
and returned items, once a day."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from recommendations.models import ProgressUpdate, Role
from tests.factories import UserFactory
from workspace.models import ReminderSent

from .conftest import update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState


def run():
    output = io.StringIO()
    call_command("send_reminders", stdout=output)
    return output.getvalue()


def test_each_institutions_users_get_their_overdue_and_returned_items(world, settings):
    settings.UPR_OVERDUE_MONTHS = 12
    update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Name the court.",
        reviewed_at=timezone.now(),
    )

    output = run()

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"justice@example.org", "interior@example.org"}
    justice = by_recipient["justice@example.org"]
    assert justice.subject == (
        "UPR Tracker: 2 overdue recommendations and 1 returned update "
        "for the Ministry of Justice (MoJ)"
    )
    assert "97.1" in justice.body and "97.3" in justice.body
    assert "97.2" not in justice.body
    assert '"Name the court."' in justice.body
    assert "http://127.0.0.1:8000/workspace/recommendations/" in justice.body
    assert "more than 12 months" in justice.body
    interior = by_recipient["interior@example.org"]
    assert "Name the court." not in interior.body
    assert "Ministry of Justice (MoJ): sent to 1 address (2 overdue, 1 returned)." in output


def test_a_second_run_on_the_same_day_sends_nothing(world):
    run()
    sent = len(mail.outbox)

    output = run()

    assert sent == 2
    assert len(mail.outbox) == sent
    assert "Ministry of Justice (MoJ): already reminded today; nothing sent." in output
    assert ReminderSent.objects.filter(date=timezone.localdate()).count() == 2


def test_the_next_day_sends_again(world):
    run()
    ReminderSent.objects.update(date=date(2020, 1, 1))

    run()

    assert len(mail.outbox) == 4


def test_all_colleagues_with_an_address_are_written_to_and_no_one_else(world):
    UserFactory(
        username="justice2",
        email="colleague@example.org",
        role=Role.MINISTRY,
        role__institution=world.justice_ministry,
    )
    UserFactory(
        username="justice3", email="", role=Role.MINISTRY, role__institution=world.justice_ministry
    )
    UserFactory(
        username="gone",
        email="gone@example.org",
        is_active=False,
        role=Role.MINISTRY,
        role__institution=world.justice_ministry,
    )

    run()

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["colleague@example.org", "interior@example.org", "justice@example.org"]
    record = ReminderSent.objects.get(institution=world.justice_ministry)
    assert record.recipients.splitlines() == ["colleague@example.org", "justice@example.org"]
    assert (record.overdue_count, record.returned_count) == (2, 0)


def test_the_threshold_is_a_setting(world, settings):
    settings.UPR_OVERDUE_MONTHS = 12 * 100  # nothing is a century late

    output = run()

    assert mail.outbox == []
    assert "no reminder to send" in output
    assert not ReminderSent.objects.exists()


def test_a_failed_sending_leaves_no_record_so_a_rerun_tries_again(world, settings):
    settings.EMAIL_BACKEND = "tests.workspace.test_send_reminders.BrokenBackend"

    with pytest.raises(ConnectionError):
        run()

    assert not ReminderSent.objects.exists()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("the mail server is down")
