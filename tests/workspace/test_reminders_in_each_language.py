"""The reminder e-mails go out in each recipient's language (their profile's)."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from recommendations.models import UserProfile

pytestmark = pytest.mark.django_db


def test_reminders_are_written_in_each_recipients_language(world, users, settings):
    settings.UPR_OVERDUE_MONTHS = 12
    profile = UserProfile.objects.get(user=users["justice"])
    profile.language = "ru"
    profile.save()

    call_command("send_reminders", stdout=io.StringIO())

    by_recipient = {message.to[0]: message for message in mail.outbox}
    russian, english = by_recipient["justice@example.org"], by_recipient["interior@example.org"]
    assert russian.subject.startswith("UPR Tracker: 2 просроченные рекомендации")
    assert "Уважаемые коллеги" in russian.body and "более 12 месяцев" in russian.body
    assert english.subject.startswith("UPR Tracker: ") and "overdue" in english.subject
    assert "Dear colleagues" in english.body
