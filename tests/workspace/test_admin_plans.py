"""Plans in the admin: clusters, indicators and indicator values, by role, through the
same services and rules as the workspace and the API (lists with search and filters,
the values' workflow as list actions, never a validated value rewritten)."""

import pytest

from recommendations.models import Cluster, Indicator, IndicatorValue
from recommendations.people import user_profile_save
from tests.factories import (
    ClusterFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db
State = IndicatorValue.WorkflowState
ADMIN = "/admin/recommendations"
LISTS = ["cluster", "indicator", "indicatorvalue"]


@pytest.fixture
def adviser(world):
    user_profile_save(profile=world.users["adviser"].profile)  # the adviser's admin access
    return world.client("adviser")


@pytest.fixture
def coordinator(world):
    user_profile_save(profile=world.users["coordinator"].profile)
    return world.client("coordinator")


def act(client, action, values, **extra):
    return client.post(
        f"{ADMIN}/indicatorvalue/",
        {"action": action, "_selected_action": [v.pk for v in values], **extra},
        follow=True,
    )


@pytest.mark.parametrize("model", LISTS)
def test_coordinators_and_advisers_search_each_list(world, plan, coordinator, adviser, model):
    ClusterFactory(name="Judges and courts")
    ClusterFactory(name="Prisons")
    other = IndicatorFactory(name="Prisons inspected")
    IndicatorValueFactory(indicator=other)

    for client in (coordinator, adviser):
        found = client.get(f"{ADMIN}/{model}/?q=judges").context["cl"].result_list

        assert found and all("Judges" in str(getattr(row, "indicator", row)) for row in found)


def test_the_lists_filter_by_what_coordinators_scan(world, plan, coordinator):
    IndicatorFactory(name="Monthly one", frequency="monthly")
    cluster = ClusterFactory(name="Death penalty")
    cluster.recommendations.add(world.justice_recommendation)
    # Another review's cluster (the filter offers itself once there are two reviews).
    ClusterFactory(name="Elsewhere").recommendations.add(RecommendationFactory())
    review = world.justice_recommendation.review_id

    monthly = coordinator.get(f"{ADMIN}/indicator/?frequency__exact=monthly")
    of_review = coordinator.get(f"{ADMIN}/cluster/?recommendations__review__id__exact={review}")
    submitted = coordinator.get(f"{ADMIN}/indicatorvalue/?workflow_state__exact=submitted")

    assert [i.name for i in monthly.context["cl"].result_list] == ["Monthly one"]
    assert list(of_review.context["cl"].result_list) == [cluster]
    assert list(submitted.context["cl"].result_list) == [plan.submitted]


def test_advisers_see_only_validated_values_in_the_admin(world, plan, adviser):
    listed = adviser.get(f"{ADMIN}/indicatorvalue/").context["cl"].result_list
    draft = adviser.get(f"{ADMIN}/indicatorvalue/{plan.draft.pk}/change/")

    assert list(listed) == [plan.validated]
    assert draft.status_code in (302, 404)
    assert draft.status_code == 404 or "/admin/" in draft["Location"]


@pytest.mark.parametrize("role", ["justice", "partner"])
def test_ministry_staff_and_partners_have_no_admin(world, plan, role):
    response = world.client(role).get(f"{ADMIN}/indicator/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_validate_selected_takes_the_workflow_step(world, plan, coordinator):
    response = act(coordinator, "validate_selected", [plan.submitted])

    plan.submitted.refresh_from_db()
    assert plan.submitted.workflow_state == State.VALIDATED
    assert plan.submitted.reviewed_by == world.users["coordinator"]
    assert "1 indicator value validated." in response.content.decode()


def test_a_draft_cannot_be_validated_from_the_admin(world, plan, coordinator):
    response = act(coordinator, "validate_selected", [plan.draft])

    plan.draft.refresh_from_db()
    assert plan.draft.workflow_state == State.DRAFT
    assert "A draft indicator value cannot be validated." in response.content.decode()


def test_return_selected_asks_for_a_comment_then_returns(world, plan, coordinator):
    asked = act(coordinator, "return_selected", [plan.submitted])
    plan.submitted.refresh_from_db()
    state_while_asked = plan.submitted.workflow_state

    act(coordinator, "return_selected", [plan.submitted], confirm="yes", comment="Source?")

    assert "Comment for the institutions (required)" in asked.content.decode()
    assert state_while_asked == State.SUBMITTED
    plan.submitted.refresh_from_db()
    assert (plan.submitted.workflow_state, plan.submitted.reviewer_comment) == (
        State.RETURNED,
        "Source?",
    )


def test_advisers_read_but_neither_validate_nor_change(world, plan, adviser):
    page = adviser.get(f"{ADMIN}/indicatorvalue/{plan.validated.pk}/change/")
    act(adviser, "validate_selected", [plan.submitted])
    changed = adviser.post(
        f"{ADMIN}/indicator/{plan.indicator.pk}/change/", {"name": "Renamed by an adviser"}
    )

    assert page.status_code == 200
    plan.submitted.refresh_from_db()
    assert plan.submitted.workflow_state == State.SUBMITTED
    assert changed.status_code == 403
    assert Indicator.objects.get(pk=plan.indicator.pk).name == plan.indicator.name


def test_a_validated_value_is_never_rewritten_in_the_admin(world, plan, coordinator):
    response = coordinator.post(
        f"{ADMIN}/indicatorvalue/{plan.validated.pk}/change/",
        {"measured_on": "2012-01-01", "value": "999", "comment": "Rewritten"},
    )

    assert response.status_code == 403
    plan.validated.refresh_from_db()
    assert plan.validated.value != 999


def test_a_coordinator_changes_an_indicator_through_the_service(world, plan, coordinator):
    indicator = plan.indicator
    response = coordinator.post(
        f"{ADMIN}/indicator/{indicator.pk}/change/",
        {
            "action": world.justice_action.pk,
            "name": "Judges trained",
            "unit": "judges",
            "target": "150",
            "frequency": "quarterly",
            "institution": world.justice_ministry.pk,
            "next_report_date": "2030-03-31",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    indicator.refresh_from_db()
    assert (indicator.name, indicator.target, indicator.frequency) == (
        "Judges trained",
        150,
        "quarterly",
    )
    assert indicator.history.first().history_user == world.users["coordinator"]


def test_a_coordinator_adds_an_indicator_in_the_admin(world, coordinator):
    response = coordinator.post(
        f"{ADMIN}/indicator/add/",
        {
            "action": world.justice_action.pk,
            "name": "Pardons granted",
            "frequency": "yearly",
            "institution": world.justice_ministry.pk,
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    indicator = Indicator.objects.get(name="Pardons granted")
    assert indicator.created_by == world.users["coordinator"]
    assert indicator.history.get().history_user == world.users["coordinator"]


def test_a_coordinator_groups_recommendations_in_a_cluster(world, coordinator):
    response = coordinator.post(
        f"{ADMIN}/cluster/add/",
        {
            "name": "Death penalty",
            "slug": "death-penalty",
            "recommendations": [world.justice_recommendation.pk],
        },
    )

    assert response.status_code == 302
    cluster = Cluster.objects.get(slug="death-penalty")
    assert list(cluster.recommendations.all()) == [world.justice_recommendation]
