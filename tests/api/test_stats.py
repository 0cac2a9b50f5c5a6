"""/api/v1/stats/: the measure of DESIGN.md, from the same function the dashboard
calls, grouped as asked and as of a past date if asked."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import Recommendation, Status
from recommendations.selectors import measure, measure_by
from tests.factories import ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db

GROUPINGS = [
    "review",
    "mechanism",
    "sdg_target",
    "theme",
    "institution",
    "recommending_state",
    "sdg",
    "status",
    "position",
    "affected_group",
]


@pytest.fixture
def reader(client, world):
    client.force_login(world.users["adviser"])
    return client


def expected(group_by, as_of=None):
    everything = Recommendation.objects.all()
    return {
        "results": [
            {"key": group.key, "label": group.label, **group.measure.as_dict()}
            for group in measure_by(everything, group_by, as_of=as_of)
        ],
        "overall": measure(everything, as_of=as_of).as_dict(),
    }


@pytest.mark.parametrize("group_by", GROUPINGS)
def test_each_grouping_gives_what_measure_by_gives(reader, group_by):
    response = reader.get(f"/api/v1/stats/?group_by={group_by}")

    assert response.status_code == 200
    assert response.json() == expected(group_by)


def test_the_shape_is_results_per_group_and_overall(reader, world):
    body = reader.get("/api/v1/stats/?group_by=position").json()

    assert set(body) == {"results", "overall"}
    supported = next(group for group in body["results"] if group["key"] == "supported")
    assert supported == {
        "key": "supported",
        "label": "Supported",
        "total": 2,
        "by_position": {"supported": 2, "partially_supported": 0, "noted": 0, "pending": 0},
        "supported": 2,
        "by_status": {
            "implemented": 1,
            "partially_implemented": 0,
            "in_progress": 0,
            "not_started": 1,
            "not_implemented": 0,
        },
        "percent_implemented": 50.0,
        "percent_at_least_partially": 50.0,
        "includes_demo": False,
    }
    assert set(body["overall"]) == set(supported) - {"key", "label"}
    assert body["overall"]["total"] == 3


def test_without_group_by_the_groups_are_the_reviews(reader, world):
    body = reader.get("/api/v1/stats/").json()

    assert [group["key"] for group in body["results"]] == [world.review.pk]
    assert body["results"][0]["label"] == str(world.review)


def test_recommendations_without_a_theme_are_a_group_labelled_none_recorded(reader, world):
    body = reader.get("/api/v1/stats/?group_by=theme").json()

    unthemed = next(group for group in body["results"] if group["key"] is None)
    assert unthemed["label"] == "None recorded"
    assert unthemed["total"] == 2


def test_as_of_a_past_date_counts_only_updates_assessed_by_then(reader, world):
    ProgressUpdateFactory(
        recommendation=world.interior_recommendation,
        status=Status.PARTIALLY_IMPLEMENTED,
        assessed_on=date(2014, 3, 1),
    )

    then = reader.get("/api/v1/stats/?group_by=status&as_of=2013-01-01").json()
    now = reader.get("/api/v1/stats/?group_by=status").json()

    assert then == expected("status", as_of=date(2013, 1, 1))
    assert then["overall"]["by_status"]["partially_implemented"] == 0
    assert now["overall"]["by_status"]["partially_implemented"] == 1
    assert then["overall"]["percent_implemented"] == now["overall"]["percent_implemented"] == 50.0


def test_updates_not_yet_validated_never_count(reader, world):
    body = reader.get("/api/v1/stats/?group_by=status").json()

    # The draft (in progress) and the submission (partially implemented) do not count.
    assert body["overall"]["by_status"]["in_progress"] == 0
    assert body["overall"]["by_status"]["partially_implemented"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("group_by=colour", "group_by"),
        ("as_of=2015-13-01", "as_of"),
        ("as_of=yesterday", "as_of"),
        ("as_of=01/02/2015", "as_of"),
    ],
)
def test_a_bad_grouping_or_date_is_a_400_naming_it(reader, params, field):
    response = reader.get(f"/api/v1/stats/?{params}")

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_stats_agree_with_the_dashboard_on_the_demo(client, demo):
    client.force_login(UserFactory(username="someone", role="adviser"))

    page = client.get(reverse("dashboard"))
    body = client.get("/api/v1/stats/?group_by=review").json()

    on_the_dashboard = {
        card.review.pk: card.measure.as_dict()
        for card in page.context["cards"]
        if card.review and card.measure
    }
    in_the_api = {group["key"]: {k: group[k] for k in group if k not in ("key", "label")}
                  for group in body["results"]}  # fmt: skip
    assert in_the_api == on_the_dashboard
    assert in_the_api  # the demo has recommendations
    first_cycle = next(group for group in body["results"] if "cycle 1" in group["label"])
    assert first_cycle["total"] == 93
    assert first_cycle["supported"] == 74
