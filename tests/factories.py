"""Factories for the domain: each builds a valid object with the least said."""

from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from missions.models import Engagement
from recommendations.models import (
    ImplementationAction,
    Institution,
    Mechanism,
    Position,
    ProgressUpdate,
    Recommendation,
    Responsibility,
    ReviewCycle,
    Role,
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


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    kind = Engagement.Kind.TRAINING
    title = factory.Sequence(lambda n: f"Training seminar {n}")
    start_date = date(2010, 7, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "a long enough test password")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            UserProfile.objects.create(
                user=user, role=extracted, institution=kwargs.get("institution")
            )
        user.save()


def coordinator(**kwargs):
    """A coordinator as an administrator makes one: the role's access (staff, in the
    Coordinators group) comes from ``recommendations.people``."""
    user = UserFactory(username=kwargs.pop("username", "coordinator"))
    user_profile_save(profile=UserProfile(user=user, role=Role.COORDINATOR))
    return user


def adviser(user=None):
    """A UN adviser as the demo makes one (or ``user`` made one): staff, in the
    Advisers group (view only)."""
    from django.contrib.auth.models import Group, Permission

    if user is None:
        user = UserFactory(username="adviser", is_staff=True, role=Role.ADVISER)
    group, _ = Group.objects.get_or_create(name="Advisers")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["recommendations", "missions"],
            codename__startswith="view_",
        )
    )
    user.groups.add(group)
    return user
