"""The number of queries a request makes does not grow with the page size or with
the data: the same for 1 row as for 50, for 3 recommendations as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import AffectedGroup, SdgGoal
from tests.factories import (
    ClusterFactory,
    EngagementFactory,
    ImplementationActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "reviews",
    "recommendations",
    "actions",
    "progress-updates",
    "indicators",
    "indicator-values",
    "clusters",
    "engagements",
    "institutions",
    "themes",
    "states",
]


def add_data(world, n):
    """``n`` more of everything, each with all its relations filled in."""
    goal, _ = SdgGoal.objects.get_or_create(number=16, defaults={"name": "Peace"})
    group, _ = AffectedGroup.objects.get_or_create(slug="women", defaults={"name": "Women"})
    for _ in range(n):
        state = StateFactory()
        review = ReviewCycleFactory(state_under_review=state)
        theme = ThemeFactory()
        institution = InstitutionFactory(country=state)
        recommendation = RecommendationFactory(review=review)
        recommendation.themes.add(theme, world.theme)
        recommendation.recommending_states.add(state, world.state)
        recommendation.sdg_goals.add(goal)
        recommendation.affected_groups.add(group)
        ResponsibilityFactory(recommendation=recommendation, institution=institution)
        ResponsibilityFactory(
            recommendation=recommendation, institution=world.justice_ministry, role="supporting"
        )
        ProgressUpdateFactory(recommendation=recommendation, institution=institution)
        action = ImplementationActionFactory(institution=institution)
        action.recommendations.add(recommendation, world.justice_recommendation)
        indicator = IndicatorFactory(action=action, institution=institution)
        IndicatorValueFactory(indicator=indicator, institution=institution)
        cluster = ClusterFactory()
        cluster.recommendations.add(recommendation, world.justice_recommendation)
        engagement = EngagementFactory(country=state, state_concerned=state)
        engagement.organisers.add(institution)
        engagement.funders.add(world.justice_ministry)
        engagement.recommendations.add(recommendation)
        engagement.themes.add(theme)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def coordinator(api_as):
    client = api_as("coordinator")
    client.get("/api/v1/")  # the session is read once per client, not per request
    return client


@pytest.mark.parametrize("resource", LISTS)
def test_a_page_of_50_takes_as_many_queries_as_a_page_of_1(
    coordinator, world, resource, django_assert_max_num_queries
):
    add_data(world, 55)
    one = queries(coordinator, f"/api/v1/{resource}/?page_size=1")

    # At most: the second page may find the first's figures kept (the number of rows).
    with django_assert_max_num_queries(one):
        response = coordinator.get(f"/api/v1/{resource}/?page_size=50")

    assert len(response.json()["results"]) == 50


@pytest.mark.parametrize("resource", LISTS)
def test_ten_times_the_data_takes_no_more_queries(
    coordinator, world, resource, django_assert_num_queries
):
    add_data(world, 3)
    few = queries(coordinator, f"/api/v1/{resource}/")
    add_data(world, 27)

    with django_assert_num_queries(few):
        coordinator.get(f"/api/v1/{resource}/")


@pytest.mark.parametrize(
    "group_by",
    [
        "review",
        "theme",
        "institution",
        "recommending_state",
        "sdg",
        "status",
        "position",
        "cluster",
    ],
)
def test_stats_take_as_many_queries_for_30_recommendations_as_for_3(
    coordinator, world, group_by, django_assert_num_queries
):
    url = f"/api/v1/stats/?group_by={group_by}&theme=trafficking&position=supported"
    add_data(world, 3)
    few = queries(coordinator, url)
    add_data(world, 27)

    with django_assert_num_queries(few):
        response = coordinator.get(url)

    assert response.json()["overall"]["total"] == 31


def test_a_csv_export_reads_in_chunks_not_row_by_row(coordinator, world):
    add_data(world, 3)
    few = queries(coordinator, "/api/v1/recommendations/?format=csv")
    add_data(world, 27)

    # 33 recommendations fit in one chunk of 500: the same queries as for 6.
    assert queries(coordinator, "/api/v1/recommendations/?format=csv") == few


def test_a_single_resource_takes_as_many_queries_however_many_relations_it_has(
    coordinator, world, django_assert_num_queries
):
    plain = RecommendationFactory(review=world.review)
    rich = RecommendationFactory(review=world.review)
    few = queries(coordinator, f"/api/v1/recommendations/{plain.pk}/")
    rich.themes.set(ThemeFactory.create_batch(10))
    rich.recommending_states.set(StateFactory.create_batch(10))
    for institution in InstitutionFactory.create_batch(10):
        ResponsibilityFactory(recommendation=rich, institution=institution, role="supporting")

    with django_assert_num_queries(few):
        response = coordinator.get(f"/api/v1/recommendations/{rich.pk}/")

    assert len(response.json()["supporting_institutions"]) == 10
