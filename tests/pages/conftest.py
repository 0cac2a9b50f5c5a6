"""Standing users, one per role, and a small world of reviews for the page tests.

``world`` is built with factories: one state under review (Belarus) with two UPR
cycles and a treaty-body review, recommendations with themes, recommending
states, lead and supporting institutions, validated updates and a draft and a
submission that must not count, and two engagements.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import timezone

from recommendations.models import (
    AffectedGroup,
    Position,
    ProgressUpdate,
    Responsibility,
    Role,
    SdgGoal,
    Status,
)
from tests.factories import (
    EngagementFactory,
    ImplementationActionFactory,
    InstitutionFactory,
    MechanismFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
    UserFactory,
    coordinator,
)

PASSWORD = "a long enough test password"
VALIDATED = ProgressUpdate.WorkflowState.VALIDATED
DRAFT = ProgressUpdate.WorkflowState.DRAFT
SUBMITTED = ProgressUpdate.WorkflowState.SUBMITTED


@pytest.fixture
def justice(db):
    return InstitutionFactory(name="Ministry of Justice", abbreviation="MoJ")


@pytest.fixture
def interior(db):
    return InstitutionFactory(name="Ministry of Internal Affairs", abbreviation="MIA")


@pytest.fixture
def users(db, justice, interior):
    """One user per role: who may and who may not."""
    return {
        "coordinator": coordinator(),
        "justice": UserFactory(username="justice", role=Role.MINISTRY, role__institution=justice),
        "interior": UserFactory(
            username="interior", role=Role.MINISTRY, role__institution=interior
        ),
        "adviser": UserFactory(username="adviser", role=Role.ADVISER),
        "partner": UserFactory(username="partner", role=Role.PARTNER),
    }


@pytest.fixture
def log_in(client, users):
    """log_in("adviser") -> the test client, logged in as that standing user."""

    def as_role(role):
        client.force_login(users[role])
        return client

    return as_role


@dataclass
class World:
    first: object
    second: object
    treaty: object
    trafficking: object
    death_penalty: object
    recommendations: dict
    engagements: dict


@pytest.fixture
def world(db, justice, interior):
    belarus = StateFactory(iso3="BLR", name="Belarus")
    canada = StateFactory(iso3="CAN", name="Canada")
    france = StateFactory(iso3="FRA", name="France")
    upr = MechanismFactory(code="UPR", name="Universal Periodic Review")
    cat = MechanismFactory(code="CAT", name="Committee against Torture", kind="treaty_body")
    first = ReviewCycleFactory(
        state_under_review=belarus, mechanism=upr, cycle=1, review_date=date(2010, 5, 12)
    )
    second = ReviewCycleFactory(
        state_under_review=belarus, mechanism=upr, cycle=2, review_date=date(2015, 5, 4)
    )
    treaty = ReviewCycleFactory(
        state_under_review=belarus, mechanism=cat, cycle=None, review_date=date(2011, 11, 1)
    )
    trafficking = ThemeFactory(name="Trafficking", slug="trafficking")
    death_penalty = ThemeFactory(name="Death penalty", slug="death-penalty")
    women = AffectedGroup.objects.create(name="Women", slug="women")
    sdg16, _ = SdgGoal.objects.get_or_create(
        number=16, defaults={"name": "Peace, justice and strong institutions"}
    )

    def recommendation(review, reference, *, position=Position.SUPPORTED, lead=None, **extra):
        made = RecommendationFactory(review=review, reference=reference, position=position, **extra)
        if lead:
            ResponsibilityFactory(recommendation=made, institution=lead)
        return made

    r = {
        "97.1": recommendation(first, "97.1", lead=interior, text="Combat trafficking in persons"),
        "97.2": recommendation(first, "97.2", lead=interior, text="Protect victims of trafficking"),
        "97.3": recommendation(first, "97.3", lead=justice, text="Abolish the death penalty"),
        "97.4": recommendation(first, "97.4", lead=justice, text="Reform the bar"),
        "98.1": recommendation(
            first, "98.1", position=Position.NOTED, lead=justice, text="Introduce a moratorium"
        ),
        "110.1": recommendation(second, "110.1", lead=justice, text="Abolish the death penalty"),
        "9": recommendation(treaty, "9", lead=interior, text="Investigate torture complaints"),
    }
    r["110.1"].repeats = r["97.3"]
    r["110.1"].save()
    ResponsibilityFactory(
        recommendation=r["97.1"], institution=justice, role=Responsibility.Role.SUPPORTING
    )
    r["97.1"].themes.add(trafficking)
    r["97.2"].themes.add(trafficking)
    r["97.3"].themes.add(death_penalty)
    r["98.1"].themes.add(death_penalty)
    r["110.1"].themes.add(death_penalty)
    r["97.1"].affected_groups.add(women)
    r["97.2"].affected_groups.add(women)
    r["97.3"].sdg_goals.add(sdg16)
    r["97.1"].recommending_states.add(canada, france)
    r["97.2"].recommending_states.add(canada)
    r["97.3"].recommending_states.add(france)

    def update(recommendation, status, assessed_on, workflow_state=VALIDATED, **extra):
        return ProgressUpdateFactory(
            recommendation=recommendation,
            status=status,
            assessed_on=assessed_on,
            workflow_state=workflow_state,
            reviewed_at=timezone.now() if workflow_state == VALIDATED else None,
            institution=recommendation.responsibilities.first().institution,
            **extra,
        )

    update(r["97.1"], Status.IN_PROGRESS, date(2011, 3, 1))
    update(r["97.1"], Status.IMPLEMENTED, date(2013, 3, 1), narrative="Law adopted.")
    update(r["97.2"], Status.PARTIALLY_IMPLEMENTED, date(2012, 9, 1))
    update(r["97.3"], Status.IMPLEMENTED, date(2014, 1, 1), DRAFT, narrative="Justice's draft.")
    update(r["97.4"], Status.IMPLEMENTED, date(2014, 2, 1), SUBMITTED, narrative="Submitted claim.")
    update(r["110.1"], Status.IN_PROGRESS, date(2016, 1, 1))

    action = ImplementationActionFactory(
        title="Law on trafficking",
        institution=interior,
        start_date=date(2011, 1, 1),
        end_date=date(2012, 12, 31),
        status="completed",
        budget_amount=15000,
        budget_currency="USD",
        evidence_url="https://example.org/law",
    )
    action.recommendations.add(r["97.1"], r["97.2"])

    visit = EngagementFactory(
        kind="country_visit",
        title="Visit of the Special Rapporteur on trafficking",
        start_date=date(2009, 5, 1),
        date_precision="month",
        state_concerned=belarus,
        outcomes="A report with recommendations.",
    )
    visit.participants.add(interior)
    visit.recommendations.add(r["97.1"])
    seminar = EngagementFactory(
        kind="training",
        title="Seminar on the death penalty",
        start_date=date(2015, 10, 12),
        state_concerned=belarus,
    )
    seminar.organisers.add(justice)
    undp = InstitutionFactory(name="United Nations Development Programme", kind="un_entity")
    seminar.funders.add(undp)
    seminar.mechanisms.add(upr)
    return World(
        first=first,
        second=second,
        treaty=treaty,
        trafficking=trafficking,
        death_penalty=death_penalty,
        recommendations=r,
        engagements={"visit": visit, "seminar": seminar, "undp": undp},
    )
