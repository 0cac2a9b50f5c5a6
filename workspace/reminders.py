"""The reminder digests: for each institution, its overdue recommendations and its
returned updates, e-mailed to its users at most once a day."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string

from recommendations.models import Institution, ProgressUpdate, Recommendation, Responsibility
from recommendations.selectors import overdue_recommendations

from .models import ReminderSent


@dataclass
class Digest:
    institution: Institution
    recipients: list[str]
    overdue: list[Recommendation] = field(default_factory=list)
    returned: list[ProgressUpdate] = field(default_factory=list)


def reminder_digests(today: date) -> list[Digest]:
    """One digest per institution that has both users with an e-mail address (active,
    with a profile at that institution) and something overdue or returned, in a
    fixed number of queries."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, profile__institution__isnull=False)
        .exclude(email="")
    )
    recipients: defaultdict[Institution, list[str]] = defaultdict(list)
    for user in users.select_related("profile__institution").order_by("email"):
        institution = user.profile.institution
        assert institution is not None  # the query asks for users with an institution
        recipients[institution].append(user.email)
    digests = {
        institution.pk: Digest(institution, addresses)
        for institution, addresses in recipients.items()
    }
    overdue = (
        overdue_recommendations(
            Recommendation.objects.filter(responsibilities__institution__in=list(digests)),
            today=today,
        )
        .distinct()
        .select_related("review__state_under_review", "review__mechanism")
        .prefetch_related(Prefetch("responsibilities", queryset=Responsibility.objects.all()))
        .order_by("review_id", "sort_key")
    )
    for recommendation in overdue:
        for responsibility in recommendation.responsibilities.all():
            if responsibility.institution_id in digests:
                digests[responsibility.institution_id].overdue.append(recommendation)
    returned = ProgressUpdate.objects.filter(
        workflow_state=ProgressUpdate.WorkflowState.RETURNED, institution__in=list(digests)
    ).select_related("recommendation")
    for update in returned.order_by("reviewed_at"):
        assert update.institution_id is not None  # the query asks for these institutions
        digests[update.institution_id].returned.append(update)
    return [
        digest
        for digest in sorted(digests.values(), key=lambda d: d.institution.name)
        if digest.overdue or digest.returned
    ]


def send_digest(digest: Digest, today: date) -> bool:
    """E-mail the digest to each of its recipients unless the institution was already
    reminded on ``today``; True if sent. The day's record is written first, in the
    same transaction as the sending, so a failed sending leaves no record (a rerun
    tries again) and a concurrent run finds the record and sends nothing."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    institution=digest.institution,
                    date=today,
                    recipients="\n".join(digest.recipients),
                    overdue_count=len(digest.overdue),
                    returned_count=len(digest.returned),
                )
        except IntegrityError:
            return False
        subject, body = _message(digest)
        messages = [
            EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            for address in digest.recipients
        ]
        get_connection().send_messages(messages)
    return True


def _message(digest: Digest) -> tuple[str, str]:
    parts = []
    if digest.overdue:
        parts.append(f"{len(digest.overdue)} overdue recommendation{_s(digest.overdue)}")
    if digest.returned:
        parts.append(f"{len(digest.returned)} returned update{_s(digest.returned)}")
    subject = f"UPR Tracker: {' and '.join(parts)} for the {digest.institution}"
    body = render_to_string(
        "workspace/email/reminder.txt",
        {
            "digest": digest,
            "site": settings.UPR_SITE_URL,
            "months": settings.UPR_OVERDUE_MONTHS,
        },
    )
    return subject, body


def _s(items) -> str:
    return "" if len(items) == 1 else "s"
