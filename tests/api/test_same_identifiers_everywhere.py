"""The API names things one way everywhere: themes and affected groups by slug, states
by ISO3 code, institutions and reviews by id, SDG goals by number. The ``key`` of each
``stats`` group is the value its filter takes, and codes are read in any case."""

import pytest

from recommendations.models import AffectedGroup
from tests.factories import InstitutionFactory, ResponsibilityFactory

# grouping -> the filter that takes its keys
FILTER_OF = {
    "review": "review",
    "theme": "theme",
    "institution": "institution",
    "recommending_state": "recommending_state",
    "sdg": "sdg",
    "affected_group": "affected_group",
    "position": "position",
    "status": "status",
}


@pytest.fixture
def described(world):
    """The world's recommendations with an affected group, an SDG goal and institutions."""
    women = AffectedGroup.objects.create(name="Women", slug="women")
    world.justice_recommendation.affected_groups.add(women)
    world.justice_recommendation.sdg_goals.add(5)
    ResponsibilityFactory(
        recommendation=world.noted_recommendation, institution=InstitutionFactory()
    )
    return world


@pytest.mark.parametrize("grouping", FILTER_OF)
def test_each_groups_key_sent_back_as_its_filter_selects_that_group(api_as, described, grouping):
    partner = api_as("partner")
    groups = partner.get(f"/api/v1/stats/?group_by={grouping}").json()["results"]

    for group in (g for g in groups if g["key"] is not None):
        parameter = FILTER_OF[grouping]
        selected = partner.get(f"/api/v1/stats/?{parameter}={group['key']}").json()
        assert selected["overall"]["total"] == group["total"], (grouping, group["key"])


def test_themes_and_groups_are_keyed_by_slug_and_states_by_iso3(api_as, described):
    partner = api_as("partner")

    def keys(grouping):
        results = partner.get(f"/api/v1/stats/?group_by={grouping}").json()["results"]
        return {group["key"] for group in results}

    assert keys("theme") == {"trafficking", None}
    assert keys("affected_group") == {"women", None}
    assert keys("recommending_state") == {"FRA", None}


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("state_under_review=blr", "state_under_review=BLR"),
        ("recommending_state=fra", "recommending_state=FRA"),
        ("recommending_state=Fra", "recommending_state=FRA"),
        ("theme=Trafficking", "theme=trafficking"),
        ("theme=TRAFFICKING", "theme=trafficking"),
        ("affected_group=Women", "affected_group=women"),
    ],
)
def test_codes_are_read_in_any_case(api_as, described, given, canonical):
    partner = api_as("partner")

    read = partner.get(f"/api/v1/recommendations/?{given}")
    expected = partner.get(f"/api/v1/recommendations/?{canonical}")

    assert read.status_code == 200
    assert read.json()["count"] == expected.json()["count"] >= 1


def test_a_state_and_a_theme_are_found_by_their_code_in_any_case(api_as, described):
    partner = api_as("partner")

    assert partner.get("/api/v1/states/fra/").json()["iso3"] == "FRA"
    assert partner.get("/api/v1/themes/TRAFFICKING/").json()["slug"] == "trafficking"


def test_engagements_read_a_state_in_any_case(api_as, described):
    partner = api_as("partner")

    lower = partner.get("/api/v1/engagements/?state_concerned=blr").json()
    upper = partner.get("/api/v1/engagements/?state_concerned=BLR").json()

    assert lower["count"] == upper["count"] == 1


def test_a_coordinator_writes_codes_in_any_case(api_as, described):
    response = api_as("coordinator").patch(
        f"/api/v1/recommendations/{described.interior_recommendation.pk}/",
        {"recommending_states": ["fra"], "themes": ["Trafficking"]},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["recommending_states"] == ["FRA"]
    assert response.json()["themes"] == ["trafficking"]


def test_an_unknown_code_is_still_refused_with_the_parameter_named(api_as, described):
    response = api_as("partner").get("/api/v1/recommendations/?recommending_state=xyz")

    assert response.status_code == 400
    assert "recommending_state" in response.json()


def test_the_schema_says_what_a_groups_key_is(api_as):
    schema = api_as("partner").get("/api/v1/schema/?format=json").json()

    key = schema["components"]["schemas"]["Group"]["properties"]["key"]["description"]
    assert "slug" in key and "ISO3" in key
