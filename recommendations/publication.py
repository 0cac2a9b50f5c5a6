"""Publishing a review: from the day a coordinator gives, anonymous visitors (and
contributors) read it — its recommendations, positions, validated statuses, published
independent assessments and approved comments, the engagements linked to it and its
figures (``rules.sees_public_face_only``). Unpublishing takes it back at once. Each step
is kept in the review's history; the pages kept for visitors are renewed."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from web.public_pages import public_pages_changed

from . import rules
from .models import ReviewCycle


@transaction.atomic
def review_publish(*, user, review: ReviewCycle, published_from: date) -> ReviewCycle:
    """Make ``review`` public from ``published_from`` (today or a later day: it then
    appears that morning; an earlier day is today's publication backdated, also fine).
    Coordinators only: raises PermissionDenied, or ValidationError without a day."""
    if not rules.may_moderate(user):
        raise PermissionDenied(_("Only a coordinator publishes reviews."))
    if published_from is None:
        raise ValidationError({"published_from": _("Say from which day the review is public.")})
    return _set(review, published_from, user)


@transaction.atomic
def review_unpublish(*, user, review: ReviewCycle) -> ReviewCycle:
    """Take ``review`` off the public face (coordinators only; PermissionDenied otherwise)."""
    if not rules.may_moderate(user):
        raise PermissionDenied(_("Only a coordinator unpublishes reviews."))
    return _set(review, None, user)


def _set(review: ReviewCycle, published_from, user) -> ReviewCycle:
    review.published_from = published_from
    review.full_clean()
    review._history_user = user  # type: ignore[attr-defined]
    review.save()
    public_pages_changed()
    return review
