"""Indicators, their values and clusters through the API: each workflow step by role
(the services' rules, as in the workspace), what readers see of them, and clusters as a
filter and a grouping of the measure."""

from datetime import date

import pytest

from recommendations.models import Cluster, Indicator, IndicatorValue

pytestmark = pytest.mark.django_db
State = IndicatorValue.WorkflowState


def step(client, value, name, **body):
    return client.post(f"/api/v1/indicator-values/{value.pk}/{name}/", body, format="json")


def test_justice_defines_an_indicator_of_its_action_reported_by_itself_by_default(api_as, world):
    response = api_as("justice").post(
        "/api/v1/indicators/",
        {
            "action": world.justice_action.pk,
            "name": "Victims referred",
            "unit": "persons",
            "baseline": "10",
            "target": "100.5",
            "frequency": "monthly",
            "next_report_date": "2031-01-31",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    indicator = Indicator.objects.get(pk=response.json()["id"])
    assert indicator.institution == world.justice_ministry
    assert response.json()["target"] == "100.50"
    assert response.json()["latest_value"] is None


def test_the_indicator_says_its_latest_validated_value(api_as, world):
    IndicatorValue.objects.filter(pk=world.justice_value_draft.pk).update(
        measured_on=date(2013, 1, 1)
    )

    data = api_as("partner").get(f"/api/v1/indicators/{world.justice_indicator.pk}/").json()

    assert (data["latest_value"], data["latest_value_on"]) == ("9.00", "2012-06-01")
    assert data["next_report_date"] == "2030-06-30"


def test_a_value_goes_from_draft_to_validated_and_its_first_submission_moves_the_date(
    api_as, world
):
    justice, coordinator = api_as("justice"), api_as("coordinator")
    created = justice.post(
        "/api/v1/indicator-values/",
        {"indicator": world.justice_indicator.pk, "measured_on": "2014-06-30", "value": "31"},
        format="json",
    )
    value = IndicatorValue.objects.get(pk=created.json()["id"])

    submitted = step(justice, value, "submit")
    returned = step(coordinator, value, "return", comment="Source?")
    resubmitted = step(justice, value, "submit")
    validated = step(coordinator, value, "validate")

    assert (created.status_code, created.json()["workflow_state"]) == (201, "draft")
    assert [r.json()["workflow_state"] for r in (submitted, returned, resubmitted, validated)] == [
        "submitted",
        "returned",
        "submitted",
        "validated",
    ]
    world.justice_indicator.refresh_from_db()
    assert world.justice_indicator.next_report_date == date(2031, 6, 30)
    value.refresh_from_db()
    assert value.reviewed_by == world.users["coordinator"]
    assert value.history.count() == 5


@pytest.mark.parametrize("role", ["interior", "adviser", "partner"])
def test_others_cannot_report_a_value_of_a_justice_indicator(api_as, world, role):
    count = IndicatorValue.objects.count()

    response = api_as(role).post(
        "/api/v1/indicator-values/",
        {"indicator": world.justice_indicator.pk, "measured_on": "2014-06-30", "value": "1"},
        format="json",
    )

    assert response.status_code == 403
    assert IndicatorValue.objects.count() == count


def test_only_coordinators_validate_values(api_as, world):
    submitted = world.interior_value_submitted

    response = step(api_as("interior"), submitted, "validate")

    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.workflow_state == State.SUBMITTED


def test_a_draft_cannot_be_validated(api_as, world):
    response = step(api_as("coordinator"), world.justice_value_draft, "validate")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["A draft indicator value cannot be validated."]}


def test_a_validated_value_is_never_rewritten(api_as, world):
    response = api_as("coordinator").patch(
        f"/api/v1/indicator-values/{world.validated_value.pk}/", {"value": "99"}, format="json"
    )

    assert response.status_code == 403
    world.validated_value.refresh_from_db()
    assert world.validated_value.value == 9


def test_a_coordinator_groups_recommendations_in_a_cluster(api_as, world):
    response = api_as("coordinator").post(
        "/api/v1/clusters/",
        {
            "name": "Death penalty",
            "slug": "death-penalty",
            "recommendations": [world.interior_recommendation.pk, world.noted_recommendation.pk],
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    cluster = Cluster.objects.get(slug="death-penalty")
    assert set(cluster.recommendations.all()) == {
        world.interior_recommendation,
        world.noted_recommendation,
    }


def test_recommendations_are_filtered_by_cluster_in_any_case(api_as, world):
    response = api_as("partner").get("/api/v1/recommendations/?cluster=Trafficking-Cluster")

    assert [r["id"] for r in response.json()["results"]] == [world.justice_recommendation.pk]


def test_an_unknown_cluster_is_refused_by_name(api_as, world):
    response = api_as("partner").get("/api/v1/recommendations/?cluster=nothing")

    assert response.status_code == 400
    assert "cluster" in response.json()


def test_stats_group_the_measure_by_cluster(api_as, world):
    response = api_as("partner").get("/api/v1/stats/?group_by=cluster")

    groups = {group["key"]: group for group in response.json()["results"]}
    assert set(groups) == {"trafficking-cluster", None}
    assert groups["trafficking-cluster"]["label"] == "Trafficking in human beings"
    assert groups["trafficking-cluster"]["total"] == 1
    assert groups["trafficking-cluster"]["percent_implemented"] == 100.0
    assert groups[None]["total"] == 2
