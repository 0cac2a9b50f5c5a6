"""A page of /api/v1/recommendations/ is read as plain values in one query
(``PlainRecords``), not through the serializer row by row: each record must be exactly
what the recommendation's own address (the serializer) gives, in every language, for
every reader, with every kind of relation filled in."""

from datetime import date

import pytest

from recommendations.models import RecommendationText, Responsibility, Status
from tests.factories import (
    InstitutionFactory,
    ResponsibilityFactory,
    SdgTargetFactory,
    StateFactory,
)
from tests.world import DRAFT, VALIDATED, update

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled_in(world):
    """The API world's recommendations with more of everything: several recommending
    states (ordered by name, not code), SDG targets whose codes sort otherwise than
    their numbers (16.10 after 16.3), supporting institutions, a text in Russian and a
    status from a demo assessment."""
    recommendation = world.justice_recommendation
    recommendation.recommending_states.add(
        StateFactory(iso3="AUT", name="Zimbabwe (named last)"),
        StateFactory(iso3="ZZZ", name="Albania (named first)"),
    )
    targets = [SdgTargetFactory(code=code) for code in ("16.10", "16.3", "5.2")]
    recommendation.sdg_targets.add(*targets)
    for name in ("Supreme Court", "Ombudsman"):
        ResponsibilityFactory(
            recommendation=recommendation,
            institution=InstitutionFactory(name=name),
            role=Responsibility.Role.SUPPORTING,
        )
    RecommendationText.objects.create(
        recommendation=recommendation, language="ru", text="Бороться с торговлей людьми"
    )
    update(
        world.interior_recommendation,
        world.interior_ministry,
        VALIDATED,
        status=Status.IN_PROGRESS,
        assessed_on=date(2013, 1, 1),
        is_demo=True,
    )
    update(world.noted_recommendation, world.justice_ministry, DRAFT)
    return world


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("role", ["coordinator", "partner", "justice", "public"])
def test_every_record_of_a_page_is_what_its_own_address_gives(api_as, filled_in, role, language):
    client = api_as(role)
    page = client.get(f"/api/v1/recommendations/?lang={language}&page_size=500").json()
    assert page["results"], "the reader reads some recommendations"
    assert page["count"] == len(page["results"])
    for record in page["results"]:
        detail = client.get(f"/api/v1/recommendations/{record['id']}/?lang={language}").json()
        assert record == detail


def test_the_filled_in_values_are_there(api_as, filled_in):
    record = (
        api_as("coordinator")
        .get(f"/api/v1/recommendations/{filled_in.justice_recommendation.pk}/?lang=ru")
        .json()
    )
    listed = next(
        row
        for row in api_as("coordinator").get("/api/v1/recommendations/?lang=ru").json()["results"]
        if row["id"] == record["id"]
    )
    assert listed["recommending_states"] == ["ZZZ", "FRA", "AUT"]
    assert listed["sdg_targets"] == ["5.2", "16.3", "16.10"]
    assert len(listed["supporting_institutions"]) == 2
    assert (listed["text"], listed["text_language"]) == ("Бороться с торговлей людьми", "ru")
    interior = filled_in.interior_recommendation.pk
    rows = api_as("coordinator").get("/api/v1/recommendations/").json()["results"]
    assert {row["id"]: row["status_is_demo"] for row in rows}[interior] is True
