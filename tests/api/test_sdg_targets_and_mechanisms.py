"""The API offers both SDG levels (goals and targets) and every mechanism: the targets and the
Index's record id on each recommendation, ``sdg_target`` and ``mechanism`` filters, stats
grouped by target or mechanism; a target written brings its goal."""

import pytest

from recommendations.models import Mechanism, SdgGoal
from tests.factories import RecommendationFactory, ReviewCycleFactory, SdgTargetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def treaty_body(world):
    """Beside the world's UPR review: a CAT review of Belarus with two recommendations, one
    tagged with targets 16.3 and 16.10, the other with 5.2."""
    cat = Mechanism.objects.get(code="CAT")
    review = ReviewCycleFactory(
        state_under_review=world.review.state_under_review,
        mechanism=cat,
        cycle=None,
        document_symbol="CAT/C/BLR/CO/5",
    )
    justice = RecommendationFactory(
        review=review, reference="23", ohchr_annotation_id="5f0c1a2e-0000-0000-0000-000000000023"
    )
    justice.sdg_targets.set([SdgTargetFactory(code="16.3"), SdgTargetFactory(code="16.10")])
    justice.sdg_goals.set([16])
    women = RecommendationFactory(review=review, reference="24", text="Protect women")
    women.sdg_targets.set([SdgTargetFactory(code="5.2")])
    women.sdg_goals.set([5])
    return {"review": review, "justice": justice, "women": women}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def test_a_recommendation_carries_its_targets_and_index_record(api_as, treaty_body):
    justice = treaty_body["justice"]

    found = api_as("partner").get(f"/api/v1/recommendations/{justice.pk}/").json()

    assert sorted(found["sdg_targets"]) == ["16.10", "16.3"]
    assert found["sdg_goals"] == [16]
    assert found["ohchr_annotation_id"] == justice.ohchr_annotation_id


def test_recommendations_filter_by_sdg_target(api_as, treaty_body):
    client = api_as("partner")

    assert ids(client.get("/api/v1/recommendations/?sdg_target=16.3")) == {
        treaty_body["justice"].pk
    }
    assert ids(client.get("/api/v1/recommendations/?sdg_target=16.3&sdg_target=5.2")) == {
        treaty_body["justice"].pk,
        treaty_body["women"].pk,
    }
    assert ids(client.get("/api/v1/recommendations/?sdg=16")) == {treaty_body["justice"].pk}


def test_recommendations_filter_by_mechanism(api_as, world, treaty_body):
    client = api_as("partner")

    cat = ids(client.get("/api/v1/recommendations/?mechanism=CAT"))
    upr = ids(client.get("/api/v1/recommendations/?mechanism=UPR"))

    assert cat == {treaty_body["justice"].pk, treaty_body["women"].pk}
    assert upr == set(world.review.recommendations.values_list("pk", flat=True))
    assert ids(client.get("/api/v1/recommendations/?mechanism=UPR&mechanism=CAT")) == cat | upr


@pytest.mark.parametrize(("parameter", "value"), [("sdg_target", "16.99"), ("mechanism", "XYZ")])
def test_an_unknown_target_or_mechanism_is_a_400_naming_it(api_as, treaty_body, parameter, value):
    for path in ("/api/v1/recommendations/", "/api/v1/stats/"):
        response = api_as("partner").get(path, {parameter: value})

        assert response.status_code == 400
        assert parameter in response.json()


def test_stats_group_by_mechanism(api_as, world, treaty_body):
    response = api_as("partner").get("/api/v1/stats/?group_by=mechanism")

    groups = {row["key"]: (row["label"], row["total"]) for row in response.json()["results"]}
    assert groups == {
        "UPR": ("Universal Periodic Review", world.review.recommendations.count()),
        "CAT": ("Committee against Torture", 2),
    }


def test_stats_group_by_sdg_target_with_the_filters(api_as, treaty_body):
    response = api_as("partner").get("/api/v1/stats/?group_by=sdg_target&mechanism=CAT")

    groups = {row["key"]: (row["label"], row["total"]) for row in response.json()["results"]}
    assert groups == {
        "16.3": ("Target 16.3", 1),
        "16.10": ("Target 16.10", 1),
        "5.2": ("Target 5.2", 1),
    }
    assert response.json()["overall"]["total"] == 2


def test_a_target_written_brings_its_goal_and_keeps_the_others(api_as, world):
    SdgTargetFactory(code="8.7")
    recommendation = world.justice_recommendation
    recommendation.sdg_goals.set([5])

    response = api_as("coordinator").patch(
        f"/api/v1/recommendations/{recommendation.pk}/", {"sdg_targets": ["8.7"]}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["sdg_targets"] == ["8.7"]
    assert response.json()["sdg_goals"] == [5, 8]
    assert set(recommendation.sdg_goals.all()) == set(SdgGoal.objects.filter(number__in=[5, 8]))
