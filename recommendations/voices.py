"""Independent voices: a contributor's assessment (submitted → published, or declined
with the reason → corrected and submitted again) and the public's comments (waiting →
approved or rejected). Coordinators decide (``rules.may_moderate``). Neither ever touches
a progress update, the official status or the measure. The pages, the admin and the demo
call these functions; none of them sets ``moderation_state`` by hand.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.public_pages import public_pages_changed

from . import rules
from .models import IndependentAssessment, PublicComment, Recommendation

Assessment = IndependentAssessment.ModerationState
Comment = PublicComment.ModerationState
# What a contributor writes; the rest is the moderation's.
ASSESSMENT_FIELDS = ("status", "assessed_on", "narrative", "sources")


def _require(allowed: bool, message: str):
    if not allowed:
        raise PermissionDenied(message)


def _save(obj, user):
    obj.full_clean()
    obj._history_user = user
    obj.save()
    return obj


@transaction.atomic
def independent_assessment_submit(
    *, user, recommendation: Recommendation, **fields
) -> IndependentAssessment:
    """A contributor's new assessment of ``recommendation`` for their organisation, sent
    to the coordinators. ``fields``: status, assessed_on, narrative, sources. Raises
    PermissionDenied (not a contributor, or a review not published) or ValidationError;
    nothing is saved then."""
    _require(
        rules.may_assess(user, recommendation),
        _("Only a contributor assesses, and only the recommendations of published reviews."),
    )
    assessment = IndependentAssessment(
        recommendation=recommendation,
        organisation=rules.organisation_of(user),
        author=user,
        moderation_state=Assessment.SUBMITTED,
        submitted_at=timezone.now(),
        **_only_content(fields),
    )
    return _save(assessment, user)


@transaction.atomic
def independent_assessment_edit(
    *, user, assessment: IndependentAssessment, **fields
) -> IndependentAssessment:
    """Change an assessment not yet published (``rules.may_change_assessment``); a
    declined one is thereby submitted again, its reason kept in the history."""
    _require(
        rules.may_change_assessment(user, assessment),
        _("Only its organisation changes an assessment, and only until it is published."),
    )
    for name, value in _only_content(fields).items():
        setattr(assessment, name, value)
    if assessment.moderation_state == Assessment.DECLINED:
        assessment.moderation_state = Assessment.SUBMITTED
        assessment.decline_reason = ""
        assessment.decided_at = assessment.decided_by = None
    assessment.submitted_at = timezone.now()
    return _save(assessment, user)


@transaction.atomic
def independent_assessment_publish(
    *, user, assessment: IndependentAssessment
) -> IndependentAssessment:
    """Publish a submitted assessment beside the official status (coordinators)."""
    _require(rules.may_moderate(user), _("Only a coordinator publishes assessments."))
    _from(assessment, Assessment.SUBMITTED, Assessment.PUBLISHED)
    assessment.decided_by, assessment.decided_at = user, timezone.now()
    _save(assessment, user)
    public_pages_changed()
    return assessment


@transaction.atomic
def independent_assessment_decline(
    *, user, assessment: IndependentAssessment, reason: str
) -> IndependentAssessment:
    """Decline a submitted assessment, saying why (coordinators; the reason is required
    and shown to its organisation only)."""
    _require(rules.may_moderate(user), _("Only a coordinator declines assessments."))
    if not reason or not reason.strip():
        raise ValidationError({"decline_reason": _("Say why the assessment is declined.")})
    _from(assessment, Assessment.SUBMITTED, Assessment.DECLINED)
    assessment.decline_reason = reason.strip()
    assessment.decided_by, assessment.decided_at = user, timezone.now()
    return _save(assessment, user)


def _only_content(fields: dict) -> dict:
    unknown = set(fields) - set(ASSESSMENT_FIELDS)
    if unknown:
        raise ValidationError({name: _("Changes only through moderation.") for name in unknown})
    return fields


def _from(record, expected: str, target: str):
    if record.moderation_state != expected:
        raise ValidationError(
            _("This is %(state)s already; only what waits for a decision can be decided.")
            % {"state": record.get_moderation_state_display().lower()}
        )
    record.moderation_state = target


@transaction.atomic
def public_comment_submit(*, user, recommendation: Recommendation, **fields) -> PublicComment:
    """Anyone's comment on a recommendation of a published review (``rules.may_comment``),
    waiting for a coordinator. ``fields``: name, organisation, email, comment. The spam
    checks are the form's (``web.spam``). Raises PermissionDenied or ValidationError."""
    _require(
        rules.may_comment(user, recommendation),
        _("Comments are open on the recommendations of published reviews only."),
    )
    comment = PublicComment(
        recommendation=recommendation, moderation_state=Comment.PENDING, **fields
    )
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def public_comment_approve(*, user, comment: PublicComment) -> PublicComment:
    """Show a waiting comment on the recommendation's page (coordinators)."""
    return _decide_comment(user, comment, Comment.APPROVED)


@transaction.atomic
def public_comment_reject(*, user, comment: PublicComment) -> PublicComment:
    """Never show a waiting comment (coordinators); it is kept, not deleted."""
    return _decide_comment(user, comment, Comment.REJECTED)


def _decide_comment(user, comment: PublicComment, target: str) -> PublicComment:
    _require(rules.may_moderate(user), _("Only a coordinator moderates comments."))
    _from(comment, Comment.PENDING, target)
    comment.decided_by, comment.decided_at = user, timezone.now()
    comment.full_clean()
    comment.save()
    if target == Comment.APPROVED:
        public_pages_changed()
    return comment
