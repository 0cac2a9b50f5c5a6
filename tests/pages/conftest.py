"""A small world of reviews for the page tests, on the standing users and ministries
every test shares (tests/world.py: ``users``, ``justice``, ``interior``, ``log_in``).

``world`` is built with factories: one state under review (Belarus) with two UPR
cycles and a treaty-body review, recommendations with themes, recommending
states, lead and supporting institutions, validated updates and a draft and a
submission that must not count, and two engagements.
"""

from dataclasses import dataclass
from datetime import date

import pytest

from recommendations.models import AffectedGroup, Position, ProgressUpdate, SdgGoal, Status
from tests.factories import (
    PASSWORD,
    EngagementFactory,
    ImplementationActionFactory,
    InstitutionFactory,
    MechanismFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
)
from tests.world import DRAFT, SUBMITTED, VALIDATED, ministry_recommendation, update

__all__ = ["DRAFT", "PASSWORD", "SUBMITTED", "VALIDATED", "World"]


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

    r = {
        "97.1": ministry_recommendation(
            first, interior, "97.1", supporting=justice, text="Combat trafficking in persons"
        ),
        "97.2": ministry_recommendation(
            first, interior, "97.2", text="Protect victims of trafficking"
        ),
        "97.3": ministry_recommendation(first, justice, "97.3", text="Abolish the death penalty"),
        "97.4": ministry_recommendation(first, justice, "97.4", text="Reform the bar"),
        "98.1": ministry_recommendation(
            first, justice, "98.1", position=Position.NOTED, text="Introduce a moratorium"
        ),
        "110.1": ministry_recommendation(
            second, justice, "110.1", text="Abolish the death penalty"
        ),
        "9": ministry_recommendation(treaty, interior, "9", text="Investigate torture complaints"),
    }
    r["110.1"].repeats = r["97.3"]
    r["110.1"].save()
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

    for reference, lead, state, status, assessed_on, narrative in [
        ("97.1", interior, VALIDATED, Status.IN_PROGRESS, date(2011, 3, 1), "Bill drafted."),
        ("97.1", interior, VALIDATED, Status.IMPLEMENTED, date(2013, 3, 1), "Law adopted."),
        ("97.2", interior, VALIDATED, Status.PARTIALLY_IMPLEMENTED, date(2012, 9, 1), "Shelters."),
        ("97.3", justice, DRAFT, Status.IMPLEMENTED, date(2014, 1, 1), "Justice's draft."),
        ("97.4", justice, SUBMITTED, Status.IMPLEMENTED, date(2014, 2, 1), "Submitted claim."),
        ("110.1", justice, VALIDATED, Status.IN_PROGRESS, date(2016, 1, 1), "Debate opened."),
    ]:
        update(
            r[reference], lead, state, status=status, assessed_on=assessed_on, narrative=narrative
        )

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


@pytest.fixture
def review_half_done():
    """A review of two recommendations, one implemented (validated), the other's update
    submitted, not yet validated: validating it takes the review from 50 % to 100 %."""
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    done, waiting = RecommendationFactory.create_batch(2, review=review)
    ProgressUpdateFactory(recommendation=done, assessed_on=date(2011, 1, 1))
    return ProgressUpdateFactory(
        recommendation=waiting,
        assessed_on=date(2012, 1, 1),
        workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
        reviewed_at=None,
    )
