"""Factories for the domain: each builds a valid object with the least said."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from missions.models import Engagement
from recommendations.models import (
    Cluster,
    ImplementationAction,
    Indicator,
    IndicatorValue,
    Institution,
    Mechanism,
    Position,
    ProgressUpdate,
    Recommendation,
    Responsibility,
    ReviewCycle,
    Role,
    SdgGoal,
    SdgTarget,
    State,
    Status,
    Theme,
    UserProfile,
)
from recommendations.people import user_profile_save
from recommendations.statuses import recommendation_status_refresh


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ["iso3"]

    iso3 = factory.Sequence(lambda n: "Q" + chr(65 + n // 26 % 26) + chr(65 + n % 26))
    name = factory.LazyAttribute(lambda state: f"State {state.iso3}")


class MechanismFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mechanism
        django_get_or_create = ["code"]

    code = "UPR"
    name = "Universal Periodic Review"


class ReviewCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCycle

    state_under_review = factory.SubFactory(StateFactory)
    mechanism = factory.SubFactory(MechanismFactory)
    cycle = 1
    review_date = date(2010, 5, 12)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda theme: theme.name.lower().replace(" ", "-"))


class SdgTargetFactory(factory.django.DjangoModelFactory):
    """A target of a goal migrate installed: ``SdgTargetFactory(code="16.3")``."""

    class Meta:
        model = SdgTarget
        django_get_or_create = ["code"]

    code = "16.3"
    goal = factory.LazyAttribute(
        lambda target: SdgGoal.objects.get(number=target.code.split(".")[0])
    )
    name = factory.LazyAttribute(lambda target: f"Target {target.code}")


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Ministry {n}")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ReviewCycleFactory)
    reference = factory.Sequence(lambda n: f"97.{n + 1}")
    text = "Continue its efforts to combat trafficking in persons"
    position = Position.SUPPORTED


class ResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responsibility

    recommendation = factory.SubFactory(RecommendationFactory)
    institution = factory.SubFactory(InstitutionFactory)
    role = Responsibility.Role.LEAD


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate
        skip_postgeneration_save = True

    recommendation = factory.SubFactory(RecommendationFactory)
    status = Status.IMPLEMENTED
    assessed_on = date(2012, 6, 1)
    narrative = factory.Sequence(lambda n: f"Assessment {n}: what was done.")
    workflow_state = ProgressUpdate.WorkflowState.VALIDATED
    reviewed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def maintained_status(update, create, extracted, **kwargs):
        """Made past the workflow, as a bulk loader does: refresh the status it decides."""
        if create and update.workflow_state == ProgressUpdate.WorkflowState.VALIDATED:
            recommendation_status_refresh([update.recommendation_id])


class ImplementationActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImplementationAction

    title = factory.Sequence(lambda n: f"Action {n}")
    institution = factory.SubFactory(InstitutionFactory)


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator of an action, the action's institution responsible for it."""

    class Meta:
        model = Indicator

    action = factory.SubFactory(ImplementationActionFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "persons"
    baseline = 0
    target = 100
    frequency = Indicator.Frequency.YEARLY
    institution = factory.LazyAttribute(lambda indicator: indicator.action.institution)


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    """A validated value (as ``ProgressUpdateFactory`` makes validated updates)."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = date(2012, 6, 1)
    value = 10
    institution = factory.LazyAttribute(lambda value: value.indicator.institution)
    workflow_state = IndicatorValue.WorkflowState.VALIDATED
    reviewed_at = factory.LazyFunction(timezone.now)


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    kind = Engagement.Kind.TRAINING
    title = factory.Sequence(lambda n: f"Training seminar {n}")
    start_date = date(2010, 7, 1)


PASSWORD = "a long enough test password"


class UserFactory(factory.django.DjangoModelFactory):
    """A user; ``role`` (and ``role__institution``) writes a profile as given, without
    the role's admin access: for users the role service would not make. A user as an
    administrator makes one comes from ``user_with_role``."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            UserProfile.objects.create(
                user=user, role=extracted, institution=kwargs.get("institution")
            )
        user.save()


def user_with_role(role, *, username=None, institution=None, **fields):
    """A user with ``role`` (at ``institution``) as an administrator makes one: the role
    service (``recommendations.people``) gives the role's access (staff, superuser, the
    role's admin group). The password is ``PASSWORD``."""
    user = UserFactory(username=username or str(role), **fields)
    user_profile_save(profile=UserProfile(user=user, role=role, institution=institution))
    return user


def coordinator(username="coordinator", **fields):
    """A coordinator as an administrator makes one (staff, in the Coordinators group)."""
    return user_with_role(Role.COORDINATOR, username=username, **fields)


def adviser(user=None):
    """A UN adviser as an administrator makes one (staff, in the Advisers group: view
    only); given ``user``, an adviser already, that user given the role's access again."""
    if user is None:
        return user_with_role(Role.ADVISER, username="adviser")
    user_profile_save(profile=user.profile)
    return user
