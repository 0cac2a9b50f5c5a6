"""Every choice list offers its options by the name shown, in the language's collation
(accents beside their letter), not by code or id: Algeria before Djibouti."""

import re
from datetime import date

import pytest

from tests.factories import (
    EngagementFactory,
    InstitutionFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
)
from web.collation import sorted_by_name


def options(response, name: str) -> list[str]:
    """The labels of the options of the select named ``name``, as offered."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {name}"
    labels = re.findall(r"<option[^>]*>([^<]*)</option>", select.group(1))
    return [label.replace("&#x27;", "'").strip() for label in labels if label.strip() != "Any"]


@pytest.fixture
def named_world(db):
    """States, themes and institutions whose codes or ids run against their names."""
    djibouti = StateFactory(iso3="DJI", name="Djibouti")
    algeria = StateFactory(iso3="DZA", name="Algeria")
    ivory = StateFactory(iso3="CIV", name="Côte d'Ivoire")
    cuba = StateFactory(iso3="CUB", name="Cuba")
    zambia = StateFactory(iso3="AAA", name="Zambia")
    review = ReviewCycleFactory(state_under_review=zambia, review_date=date(2010, 5, 1))
    other = ReviewCycleFactory(state_under_review=algeria, review_date=date(2011, 5, 1))
    themes = [ThemeFactory(name=n, slug=s) for n, s in [("Water", "a"), ("Éducation", "b")]]
    themes.append(ThemeFactory(name="Death penalty", slug="c"))
    zeta = InstitutionFactory(name="Zeta Ministry")
    alpha = InstitutionFactory(name="Älpha Office")
    beta = InstitutionFactory(name="beta agency")
    for index, (recommender, institution) in enumerate(
        [(djibouti, zeta), (algeria, alpha), (ivory, beta), (cuba, zeta)]
    ):
        recommendation = RecommendationFactory(review=review if index % 2 else other)
        recommendation.recommending_states.add(recommender)
        recommendation.themes.add(themes[index % 3])
        ResponsibilityFactory(recommendation=recommendation, institution=institution)
    RecommendationFactory(review=review)  # Zambia has the most: the dashboard's default
    engagement = EngagementFactory(state_concerned=zambia)
    engagement.organisers.add(zeta, alpha)
    engagement.participants.add(beta)
    return {"states": [djibouti, algeria, ivory, cuba]}


def test_the_list_offers_recommending_states_by_name_not_iso_code(log_in, named_world):
    response = log_in("adviser").get("/recommendations/")

    assert options(response, "recommending_state") == [
        "Algeria",
        "Côte d'Ivoire",
        "Cuba",
        "Djibouti",
    ]


def test_the_list_offers_themes_and_institutions_by_name_accents_beside_their_letter(
    log_in, named_world
):
    response = log_in("adviser").get("/recommendations/")

    assert options(response, "theme") == ["Death penalty", "Éducation", "Water"]
    assert options(response, "institution") == ["Älpha Office", "beta agency", "Zeta Ministry"]


def test_the_dashboard_offers_states_under_review_by_name_and_still_opens_on_the_largest(
    log_in, named_world
):
    response = log_in("adviser").get("/")

    assert options(response, "state_under_review") == ["Algeria", "Zambia"]
    assert re.search(r'<option value="AAA" selected>Zambia</option>', response.content.decode())


def test_the_timeline_offers_organisations_by_name(log_in, named_world):
    response = log_in("adviser").get("/engagements/")

    assert options(response, "institution") == ["Älpha Office", "beta agency", "Zeta Ministry"]
    kinds = options(response, "kind")
    assert kinds == sorted_by_name(kinds)


def test_cyrillic_names_sort_in_dictionary_order():
    names = ["Украина", "Беларусь", "Ёлкино", "Азербайджан", "Ейск", "Жодино"]

    assert sorted_by_name(names) == [
        "Азербайджан",
        "Беларусь",
        "Ейск",
        "Ёлкино",
        "Жодино",
        "Украина",
    ]
