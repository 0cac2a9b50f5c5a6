"""Who may see and do what: the one place the pages, the admin and the API ask.

Roles (DESIGN.md): ministry staff act for one institution and see its drafts;
coordinators and administrators see and do everything on the domain; UN
advisers and partners read validated data; contributors (an NHRI or NGO) submit
their own assessments. Anonymous visitors and contributors read the public face:
the reviews a coordinator has published, validated data only, no internal evidence
or comment (``sees_public_face_only``).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Cluster,
    ImplementationAction,
    IndependentAssessment,
    Indicator,
    IndicatorValue,
    ProgressUpdate,
    PublicComment,
    Recommendation,
    ReportedRecord,
    ReviewCycle,
    Role,
)

# A reported record's content (a progress update's, an indicator value's) may change only
# in these states (``may_change_update``, ``may_change_indicator_value``).
CHANGEABLE_STATES = (ProgressUpdate.WorkflowState.DRAFT, ProgressUpdate.WorkflowState.RETURNED)


def role_of(user) -> str | None:
    """The user's tracker role, or None for anonymous visitors and users without one."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    profile = getattr(user, "profile", None)
    return profile.role if profile else None


def institution_of(user):
    """The institution a ministry officer acts for (None for everyone else)."""
    if role_of(user) != Role.MINISTRY:
        return None
    return user.profile.institution


def is_coordinator(user) -> bool:
    """Coordinators and administrators: everything on the domain."""
    return role_of(user) in (Role.COORDINATOR, Role.ADMINISTRATOR)


def organisation_of(user):
    """The NHRI or NGO a contributor speaks for (None for everyone else)."""
    if role_of(user) != Role.CONTRIBUTOR:
        return None
    return user.profile.institution


def sees_public_face_only(user) -> bool:
    """Anonymous visitors and contributors read what the tracker publishes: the published
    reviews (``published_reviews``), their validated statuses, published assessments and
    approved comments, never a draft, an internal comment or evidence not marked public.
    Every other signed-in user reads every review."""
    return not user.is_authenticated or role_of(user) == Role.CONTRIBUTOR


def published_reviews() -> QuerySet[ReviewCycle]:
    """The reviews published today: a coordinator gave the day they are public from
    (``ReviewCycle.published_from``), and it has come."""
    return ReviewCycle.objects.filter(published_from__lte=timezone.localdate())


def may_read(user) -> bool:
    """Whether the user may read the tracker's pages at all: every signed-in user, and
    anonymous visitors once some review is published (one query)."""
    return user.is_authenticated or published_reviews().exists()


def visible_reviews(user, reviews: QuerySet[ReviewCycle] | None = None) -> QuerySet:
    """The reviews the user reads: all, or the published ones (``sees_public_face_only``)."""
    reviews = ReviewCycle.objects.all() if reviews is None else reviews
    if sees_public_face_only(user):
        return reviews.filter(published_from__lte=timezone.localdate())
    return reviews


def visible_recommendations(user, recommendations: QuerySet | None = None) -> QuerySet:
    """The recommendations the user reads: those of ``visible_reviews``. Every door that
    lists, counts or shows recommendations starts from here."""
    recommendations = Recommendation.objects.all() if recommendations is None else recommendations
    if sees_public_face_only(user):
        return recommendations.filter(review__published_from__lte=timezone.localdate())
    return recommendations


def may_see_recommendation(user, recommendation: Recommendation) -> bool:
    """The per-object form of ``visible_recommendations``."""
    return not sees_public_face_only(user) or recommendation.review.is_published


def _linked_to_published(links, **link) -> Exists:
    """Whether a row of ``links`` (a table with a ``recommendation``) joins ``link`` (an
    ``OuterRef``) to a recommendation of a published review: the public face's test of
    actions, engagements, indicators, indicator values and clusters."""
    return Exists(
        links.objects.filter(
            recommendation__review__published_from__lte=timezone.localdate(), **link
        )
    )


def visible_actions(user, actions: QuerySet | None = None) -> QuerySet:
    """Actions serving at least one recommendation the user reads."""
    actions = ImplementationAction.objects.all() if actions is None else actions
    if not sees_public_face_only(user):
        return actions
    served = ImplementationAction.recommendations.through
    return actions.filter(_linked_to_published(served, implementationaction=OuterRef("pk")))


def visible_engagements(user, engagements: QuerySet) -> QuerySet:
    """Engagements as the user may read them: all, or for the public face only those
    linked to a recommendation of a published review."""
    if not sees_public_face_only(user):
        return engagements
    linked = engagements.model.recommendations.through
    return engagements.filter(_linked_to_published(linked, engagement=OuterRef("pk")))


def may_see_evidence(user, record) -> bool:
    """An action's or update's evidence (link and file) is internal unless marked public
    (``evidence_is_public``): the public face sees only public evidence. An indicator
    value's evidence has no such mark: it is always internal."""
    return not sees_public_face_only(user) or getattr(record, "evidence_is_public", False)


def may_see_internal_comments(user) -> bool:
    """The coordinators' comments on updates (``reviewer_comment``) are internal: never
    on the public face."""
    return not sees_public_face_only(user)


def may_write(user) -> bool:
    """Whether the user may change anything at all (partners and advisers read only)."""
    return is_coordinator(user) or role_of(user) == Role.MINISTRY


def may_validate(user) -> bool:
    """Only coordinators validate or return progress updates."""
    return is_coordinator(user)


def _visible_reported(user, records: QuerySet) -> QuerySet:
    """Reported records (progress updates, indicator values) one may see: validated ones
    for every reader; all for coordinators; ministry staff also their own institution's
    drafts, submissions and returned records; the public face (``sees_public_face_only``)
    only the validated ones of published reviews (``_of_published_reviews``)."""
    if is_coordinator(user):
        return records
    validated = Q(workflow_state=ProgressUpdate.WorkflowState.VALIDATED)
    if sees_public_face_only(user):
        return _of_published_reviews(records.filter(validated))
    institution = institution_of(user)
    if institution is not None:
        return records.filter(validated | Q(institution=institution))
    return records.filter(validated)


def _of_published_reviews(records: QuerySet) -> QuerySet:
    """An update of a recommendation of a published review; an indicator value of an
    action serving one (as ``visible_actions``)."""
    if records.model is ProgressUpdate:
        return records.filter(recommendation__review__published_from__lte=timezone.localdate())
    served = ImplementationAction.recommendations.through
    return records.filter(
        _linked_to_published(served, implementationaction=OuterRef("indicator__action"))
    )


def _may_see_reported(user, record: ReportedRecord) -> bool:
    if is_coordinator(user):
        return True
    validated = record.workflow_state == ProgressUpdate.WorkflowState.VALIDATED
    if sees_public_face_only(user):
        same = type(record)._default_manager.filter(pk=record.pk)
        return validated and _of_published_reviews(same).exists()
    if validated:
        return True
    institution = institution_of(user)
    return institution is not None and record.institution_id == institution.pk


def _may_change_reported(user, record: ReportedRecord) -> bool:
    if record.workflow_state not in CHANGEABLE_STATES:
        return False
    if is_coordinator(user):
        return True
    institution = institution_of(user)
    return institution is not None and record.institution_id == institution.pk


def visible_updates(user, updates: QuerySet[ProgressUpdate] | None = None):
    """The progress updates the user may see: validated ones for every reader;
    coordinators see all; ministry staff also see their own institution's
    drafts, submissions and returned updates; the public face (``sees_public_face_only``)
    only the validated updates of published reviews."""
    return _visible_reported(user, ProgressUpdate.objects.all() if updates is None else updates)


def may_see_update(user, update: ProgressUpdate) -> bool:
    """The per-object form of ``visible_updates``: validated updates for every
    reader, all for coordinators, their own institution's for ministry staff.
    (Whether the user may read the tracker at all is ``may_read``.)"""
    return _may_see_reported(user, update)


def may_see_action(user, action: ImplementationAction) -> bool:
    """Actions have no workflow: whoever may read the tracker may read them; the public
    face those serving a recommendation of a published review."""
    if not sees_public_face_only(user):
        return may_read(user)
    return visible_actions(user, ImplementationAction.objects.filter(pk=action.pk)).exists()


def responsible_recommendations(user) -> QuerySet[Recommendation]:
    """The recommendations the user's institution leads or supports (none if no institution)."""
    institution = institution_of(user)
    if institution is None:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(responsibilities__institution=institution).distinct()


def may_report_on(user, recommendation: Recommendation) -> bool:
    """Whether the user may add actions and progress updates to this recommendation."""
    if is_coordinator(user):
        return True
    institution = institution_of(user)
    return (
        institution is not None
        and recommendation.responsibilities.filter(institution=institution).exists()
    )


def may_change_update(user, update: ProgressUpdate) -> bool:
    """Whether the user may change the update's content or submit it: only while it
    is a draft or returned, and only its institution's staff or a coordinator. A
    validated update is never rewritten (a correction is a new update, validated in
    turn); a submitted one waits for the coordinator's decision. Every door asks
    this: the services, the workspace and its templates, the admin, the API."""
    return _may_change_reported(user, update)


def may_delete_update(user, update: ProgressUpdate) -> bool:
    """Coordinators may delete any update (the history keeps it and it can be
    restored); ministry staff only what they may still change: their institution's
    drafts and returned updates."""
    return is_coordinator(user) or may_change_update(user, update)


def may_change_action(user, action: ImplementationAction) -> bool:
    """Coordinators may change any action; ministry staff their institution's actions."""
    if is_coordinator(user):
        return True
    institution = institution_of(user)
    return institution is not None and action.institution_id == institution.pk


def may_see_history(user, obj) -> bool:
    """Who changed what, when. Coordinators and administrators: every history.
    Ministry staff: that of the recommendations their institution answers for, of
    their institution's own actions, updates and indicator values, and of the
    indicators it is responsible for or whose action is its own. UN advisers: that
    of what is public to readers (recommendations, actions, indicators, clusters,
    reviews, engagements), but never that of a progress update, an indicator value
    or an independent assessment, which hold drafts, the coordinators' return
    comments and what was declined. ``obj`` may be a deleted object rebuilt from its
    history."""
    if is_coordinator(user):
        return True
    # Like a reported record, an assessment's history holds what was never published.
    internal = (ReportedRecord, IndependentAssessment)
    if role_of(user) == Role.ADVISER and not isinstance(obj, internal):
        return True
    institution = institution_of(user)
    if institution is None:
        return False
    if isinstance(obj, Recommendation):
        return obj.responsibilities.filter(institution=institution).exists()
    if isinstance(obj, Indicator):
        return _indicator_is_of(obj, institution)
    return getattr(obj, "institution_id", None) == institution.pk


def check_history_access(user, obj, *, deleted: bool = False) -> None:
    """The answer of every history page (the workspace's, and the admin's list of
    versions and past versions) when the user may not read ``obj``'s history:
    Http404 when they may not even know it exists (a progress update or indicator
    value ``may_see_update`` / ``may_see_indicator_value`` hides, or a deleted object
    whose history is not theirs),
    PermissionDenied when they may see it but not its history. Returns None when
    they may read it. ``obj`` is the object as it is now, or as last recorded when
    ``deleted``."""
    hidden = isinstance(obj, ReportedRecord) and not _may_see_reported(user, obj)
    hidden = hidden or (
        isinstance(obj, IndependentAssessment)
        and not visible_assessments(user).filter(pk=obj.pk).exists()
    )
    if hidden or (deleted and not may_see_history(user, obj)):
        raise Http404(_("No such record."))
    if not may_see_history(user, obj):
        raise PermissionDenied(_("This history is for coordinators and the institution concerned."))


def may_revert(user, obj, *, deleted: bool = False) -> bool:
    """Whether a past version of ``obj`` may be brought back as it was (the admin's
    "Revert"). Never a progress update, an indicator value or an independent
    assessment: their workflow fields change only through the services and a correction
    is a new record. Never a deleted object: restoring is
    ``services.deleted_record_restore``. Otherwise a revert is an ordinary change, for
    whoever may change the object (actions: ``may_change_action``; indicators:
    ``may_change_indicator``; the rest of the domain: coordinators); the admin also asks
    its own change permission."""
    if deleted or isinstance(obj, ReportedRecord | IndependentAssessment):
        return False
    if isinstance(obj, ImplementationAction):
        return may_change_action(user, obj)
    if isinstance(obj, Indicator):
        return may_change_indicator(user, obj)
    return is_coordinator(user)


def may_restore(user) -> bool:
    """Bringing a deleted object back from its history is for coordinators and administrators."""
    return is_coordinator(user)


def may_have_api_token(user) -> bool:
    """Whether the user may hold API tokens and make their own on the tokens page: every
    active signed-in user with a tracker role (partners above all, who have no other way
    in). What a token may do is what its user may do, read-only for some (below)."""
    return user.is_authenticated and user.is_active and role_of(user) is not None


def api_token_is_read_only(user, *, asked: bool = False) -> bool:
    """Whether a new token of ``user`` is read-only: when asked, and always for a user
    who may not write (partners and advisers read only)."""
    return asked or not may_write(user)


def may_revoke_api_token(user, token) -> bool:
    """A token is revoked by its owner, or by a coordinator or administrator (any token)."""
    return (user.is_authenticated and token.user_id == user.pk) or is_coordinator(user)


def may_manage_api_tokens(user) -> bool:
    """Coordinators and administrators see every user's tokens and revoke them (in the
    admin); everyone else sees only their own, on the tokens page."""
    return is_coordinator(user)


def may_read_audit(user) -> bool:
    """Who logged in (and failed to), who downloaded what, who changed what, from where:
    administrators only. Coordinators read the history of each record, not everyone's
    logins and addresses."""
    return role_of(user) == Role.ADMINISTRATOR


def may_see_job(user, job) -> bool:
    """A background job (an import, its check) and what it found are seen by the person who
    started it, and by administrators; nobody else, not even another coordinator."""
    if not user.is_authenticated:
        return False
    return job.started_by_id == user.pk or user.is_superuser or role_of(user) == Role.ADMINISTRATOR


def visible_jobs(user, jobs: QuerySet) -> QuerySet:
    """The jobs of ``jobs`` that ``user`` may see (``may_see_job``)."""
    if not user.is_authenticated:
        return jobs.none()
    if user.is_superuser or role_of(user) == Role.ADMINISTRATOR:
        return jobs
    return jobs.filter(started_by=user)


def may_list_jobs(user) -> bool:
    """The admin's list of background jobs: for those who start them there (coordinators,
    administrators), each seeing theirs (``visible_jobs``)."""
    return user.is_authenticated and user.is_active and (user.is_superuser or is_coordinator(user))


def may_write_with_token(token) -> bool:
    """Whether a request made with this API token may change anything: never with a
    read-only token, and never with a partner's token, whatever other rights the
    partner's user has (partners read validated data only)."""
    profile = getattr(token.user, "profile", None)
    return not token.read_only and getattr(profile, "role", None) != Role.PARTNER


def may_record_action(user, institution, recommendations) -> bool:
    """Whether the user may record an action of ``institution`` serving
    ``recommendations``: coordinators any; ministry staff only their own
    institution's actions, and only for recommendations it is responsible for."""
    if is_coordinator(user):
        return True
    own = institution_of(user)
    if own is None or institution is None or institution.pk != own.pk:
        return False
    wanted = {recommendation.pk for recommendation in recommendations}
    return responsible_recommendations(user).filter(pk__in=wanted).count() == len(wanted)


# Implementation plans: indicators and their values. An indicator is the plan of an
# action: its institution defines it; the institution responsible for it (often the same)
# reports its values too. Readers see every indicator and the validated values.


def _indicator_is_of(indicator: Indicator, institution) -> bool:
    """Whether ``institution`` is responsible for the indicator or took its action
    (read from the database: ``indicator`` may be rebuilt from its history)."""
    if indicator.institution_id == institution.pk:
        return True
    return ImplementationAction.objects.filter(
        pk=indicator.action_id, institution=institution
    ).exists()


def visible_indicators(user, indicators: QuerySet[Indicator] | None = None) -> QuerySet:
    """Every reader sees every indicator; the public face (``sees_public_face_only``)
    those of actions serving a recommendation of a published review (as
    ``visible_actions``)."""
    indicators = Indicator.objects.all() if indicators is None else indicators
    if not sees_public_face_only(user):
        return indicators
    served = ImplementationAction.recommendations.through
    return indicators.filter(_linked_to_published(served, implementationaction=OuterRef("action")))


def visible_clusters(user, clusters: QuerySet[Cluster] | None = None) -> QuerySet:
    """Every reader sees every cluster; the public face those grouping a recommendation
    of a published review (and, in them, only those recommendations:
    ``visible_recommendations``)."""
    clusters = Cluster.objects.all() if clusters is None else clusters
    if not sees_public_face_only(user):
        return clusters
    grouped = Cluster.recommendations.through
    return clusters.filter(_linked_to_published(grouped, cluster=OuterRef("pk")))


def may_work_on_action(user, action: ImplementationAction) -> bool:
    """Whether the action's plan (its indicators and their values) is the user's to
    work on in the workspace: coordinators; ministry staff of the action's institution
    or of an institution responsible for one of its indicators."""
    if is_coordinator(user):
        return True
    institution = institution_of(user)
    if institution is None:
        return False
    return (
        action.institution_id == institution.pk
        or action.indicators.filter(institution=institution).exists()
    )


def may_add_indicator(user, action: ImplementationAction) -> bool:
    """Indicators are added to an action by whoever may change it: coordinators, and
    ministry staff of the action's institution."""
    return may_change_action(user, action)


def may_change_indicator(user, indicator: Indicator) -> bool:
    """Coordinators may change any indicator (its definition and next report date);
    ministry staff those of their institution's actions."""
    return may_change_action(user, indicator.action)


def may_report_on_indicator(user, indicator: Indicator) -> bool:
    """Whether the user may report a value of the indicator: coordinators, and ministry
    staff of the institution responsible for it or of the action's institution."""
    if is_coordinator(user):
        return True
    institution = institution_of(user)
    return institution is not None and _indicator_is_of(indicator, institution)


def visible_indicator_values(user, values: QuerySet[IndicatorValue] | None = None):
    """The indicator values the user may see, as ``visible_updates`` for updates:
    validated ones for every reader; coordinators all; ministry staff also their own
    institution's drafts, submissions and returned values."""
    return _visible_reported(user, IndicatorValue.objects.all() if values is None else values)


def may_see_indicator_value(user, value: IndicatorValue) -> bool:
    """The per-object form of ``visible_indicator_values``."""
    return _may_see_reported(user, value)


def may_change_indicator_value(user, value: IndicatorValue) -> bool:
    """As ``may_change_update``: only while a draft or returned, only by its
    institution's staff or a coordinator; a validated value is never rewritten (a
    correction is a new value)."""
    return _may_change_reported(user, value)


def may_delete_indicator_value(user, value: IndicatorValue) -> bool:
    """As ``may_delete_update``: coordinators any (the history keeps it); ministry staff
    what they may still change."""
    return is_coordinator(user) or may_change_indicator_value(user, value)


# Independent voices: contributors' assessments and the public's comments. Neither ever
# changes the official status or the measure; both wait for a coordinator.


def may_moderate(user) -> bool:
    """Coordinators publish or decline independent assessments, approve or reject public
    comments, and publish reviews."""
    return is_coordinator(user)


def may_create_contributors(user) -> bool:
    """Coordinators give an accredited NHRI or NGO its contributors' accounts (the
    workspace's Contributors page); administrators too, as for every user."""
    return is_coordinator(user)


def may_assess(user, recommendation: Recommendation) -> bool:
    """A contributor assesses, for their organisation, the recommendations they read
    (those of published reviews)."""
    return organisation_of(user) is not None and recommendation.review.is_published


def may_change_assessment(user, assessment: IndependentAssessment) -> bool:
    """Its organisation's contributors change an assessment until it is published: while
    it waits, or once declined (then it is submitted again). A published one is final: a
    newer assessment follows it."""
    organisation = organisation_of(user)
    return (
        organisation is not None
        and assessment.organisation_id == organisation.pk
        and assessment.moderation_state != IndependentAssessment.ModerationState.PUBLISHED
    )


def visible_assessments(user, assessments: QuerySet | None = None) -> QuerySet:
    """Coordinators see every assessment; contributors their organisation's too; everyone
    else the published ones on the recommendations they read."""
    assessments = IndependentAssessment.objects.all() if assessments is None else assessments
    if is_coordinator(user):
        return assessments
    readable = Q(recommendation__in=visible_recommendations(user))
    published = readable & Q(moderation_state=IndependentAssessment.ModerationState.PUBLISHED)
    organisation = organisation_of(user)
    if organisation is not None:
        return assessments.filter(published | Q(organisation=organisation))
    return assessments.filter(published)


def may_comment(user, recommendation: Recommendation) -> bool:
    """Anyone may comment on a recommendation of a published review (the comment waits
    for a coordinator's approval)."""
    return recommendation.review.is_published


def visible_comments(user, comments: QuerySet | None = None) -> QuerySet:
    """Coordinators see every comment; everyone else the approved ones on published
    reviews (they are public comments: signed-in or not, one reads the same)."""
    comments = PublicComment.objects.all() if comments is None else comments
    if is_coordinator(user):
        return comments
    return comments.filter(
        moderation_state=PublicComment.ModerationState.APPROVED,
        recommendation__review__published_from__lte=timezone.localdate(),
    )


# Saved views: the filters of the dashboard or the list under a name.


def may_save_views(user) -> bool:
    """Every signed-in user with a role saves views of their own."""
    return user.is_authenticated and role_of(user) is not None


def may_share_saved_views(user) -> bool:
    """Coordinators share a saved view with every signed-in user."""
    return is_coordinator(user)


def visible_saved_views(user, views: QuerySet) -> QuerySet:
    """One's own views and the shared ones (none for anonymous visitors)."""
    if not may_save_views(user):
        return views.none()
    return views.filter(Q(owner=user) | Q(shared=True))


def may_change_saved_view(user, view) -> bool:
    """Its owner renames, shares (a coordinator) or deletes a view; a coordinator also
    any shared view."""
    return may_save_views(user) and (
        view.owner_id == user.pk or (view.shared and is_coordinator(user))
    )
