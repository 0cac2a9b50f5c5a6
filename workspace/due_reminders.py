"""Reminders of due dates: an action's planned end and an indicator's report date
(``recommendations.selectors.due``), e-mailed to the people who must act
``settings.UPR_REMINDER_LEAD_DAYS`` days before the date, on the day, and once it has
passed: each of those once per object and date (``DueReminderSent``), whenever and
however often ``send_reminders`` runs. A run that missed a day sends what is due then
(a date already passed gets its "overdue" reminder, not the ones it missed).

Who is reminded: an indicator's person responsible, when they are active and have an
e-mail address; otherwise, as for an action, every active user with an address on the
staff of the institution that must act. Each in their own language.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, ngettext

from recommendations.models import ImplementationAction, Indicator
from recommendations.selectors import DueItem, due_items

from .models import DueReminderSent

Event = DueReminderSent.Event


def event_of(due_on: date, today: date, lead_days: int) -> str | None:
    """The reminder a date calls for on ``today``: "before" within ``lead_days`` days of
    it, "on" the day, "overdue" after it; None earlier."""
    if today > due_on:
        return Event.OVERDUE
    if today == due_on:
        return Event.ON
    if today >= due_on - timedelta(days=lead_days):
        return Event.BEFORE
    return None


@dataclass
class Reminder:
    item: DueItem
    event: str
    recipients: list  # users

    @property
    def record_key(self) -> tuple:
        return (self.item.kind, self.item.obj.pk, self.event, self.item.due_on)


def due_reminders(today: date, *, lead_days: int | None = None) -> list[Reminder]:
    """The reminders ``today`` calls for that were not sent yet and have someone to go
    to, in a fixed number of queries (the due items, the records sent, the staff)."""
    lead_days = settings.UPR_REMINDER_LEAD_DAYS if lead_days is None else lead_days
    items = due_items(until=today + timedelta(days=lead_days))
    if not items:
        return []
    sent = set()
    records = DueReminderSent.objects.filter(due_on__in={item.due_on for item in items})
    for action_id, indicator_id, event, due_on in records.values_list(
        "action_id", "indicator_id", "event", "due_on"
    ):
        kind, pk = ("action", action_id) if action_id else ("indicator", indicator_id)
        sent.add((kind, pk, event, due_on))
    staff = defaultdict(list)
    users = (
        get_user_model()
        .objects.filter(
            is_active=True, profile__institution__in={item.institution.pk for item in items}
        )
        .exclude(email="")
        .select_related("profile")
        .order_by("email")
    )
    for user in users:
        staff[user.profile.institution_id].append(user)
    reminders = []
    for item in items:
        occasion = event_of(item.due_on, today, lead_days)
        if occasion is None:  # not reached: the items are those due within the lead time
            continue
        reminder = Reminder(item, occasion, [])
        if reminder.record_key in sent:
            continue
        person = item.obj.responsible_person if isinstance(item.obj, Indicator) else None
        if person is not None and person.is_active and person.email:
            reminder.recipients = [person]
        else:
            reminder.recipients = staff[item.institution.pk]
        if reminder.recipients:
            reminders.append(reminder)
    return reminders


@dataclass
class Sent:
    institution: object
    reminders: int
    addresses: int


def send_due_reminders(reminders: list[Reminder], today: date) -> list[Sent]:
    """Record and e-mail ``reminders``, one e-mail per person listing theirs, one
    transaction per institution: each reminder's record is written first, so that a
    concurrent run finds it and sends nothing, and a failed sending leaves no record (a
    rerun tries again)."""
    by_institution = defaultdict(list)
    for reminder in reminders:
        by_institution[reminder.item.institution].append(reminder)
    done = []
    for institution, theirs in sorted(by_institution.items(), key=lambda pair: pair[0].name):
        with transaction.atomic():
            recorded = [reminder for reminder in theirs if _record(reminder)]
            per_person = defaultdict(list)
            for reminder in recorded:
                for user in reminder.recipients:
                    per_person[user].append(reminder)
            messages = [
                _message(user, institution, listed, today)
                for user, listed in sorted(per_person.items(), key=lambda pair: pair[0].email)
            ]
            get_connection().send_messages(messages)
        if recorded:
            done.append(Sent(institution, len(recorded), len(per_person)))
    return done


def _record(reminder: Reminder) -> bool:
    item = reminder.item
    try:
        with transaction.atomic():
            DueReminderSent.objects.create(
                action=item.obj if isinstance(item.obj, ImplementationAction) else None,
                indicator=item.obj if isinstance(item.obj, Indicator) else None,
                event=reminder.event,
                due_on=item.due_on,
                recipients="\n".join(user.email for user in reminder.recipients),
            )
    except IntegrityError:
        return False
    return True


def _message(user, institution, reminders: list[Reminder], today: date) -> EmailMessage:
    profile = getattr(user, "profile", None)
    language = getattr(profile, "language", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        groups = [
            (Event(event).label, [r for r in reminders if r.event == event])
            for event in (Event.OVERDUE, Event.ON, Event.BEFORE)
        ]
        groups = [(label, listed) for label, listed in groups if listed]
        subject = gettext("UPR Tracker: %(summary)s for the %(institution)s") % {
            "summary": ", ".join(_count(event, len(listed)) for event, listed in _by_event(groups)),
            "institution": institution,
        }
        body = render_to_string(
            "workspace/email/due_reminder.txt",
            {
                "user": user,
                "institution": institution,
                "groups": groups,
                "site": settings.UPR_SITE_URL,
                "lead_days": settings.UPR_REMINDER_LEAD_DAYS,
                "today": today,
            },
        )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _by_event(groups):
    for _label, listed in groups:
        yield listed[0].event, listed


def _count(event: str, count: int) -> str:
    if event == Event.OVERDUE:
        text = ngettext("%(count)d date overdue", "%(count)d dates overdue", count)
    elif event == Event.ON:
        text = ngettext("%(count)d date due today", "%(count)d dates due today", count)
    else:
        text = ngettext("%(count)d date due soon", "%(count)d dates due soon", count)
    return text % {"count": count}
