"""Each role against each resource and method (DESIGN.md's roles).

Anonymous visitors read only once a review is published ("public": every review of
the world is), and contributors (an NGO's, here with every review published) read what
they read; partners (by token) and advisers read validated data; ministry staff also write
actions and progress updates for their own institution's recommendations;
coordinators write everything on the domain; nobody deletes through the API;
independent assessments are read-only for all.
Every refusal leaves the database as it was.
"""

import pytest

from missions.models import Engagement
from recommendations.models import (
    Cluster,
    ImplementationAction,
    IndependentAssessment,
    Indicator,
    IndicatorValue,
    Institution,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
    State,
    Theme,
)
from tests.world import publish_every_review

pytestmark = pytest.mark.django_db

METHODS = ["list", "detail", "create", "replace", "modify", "delete"]

# What each role gets from a resource, method by method (in METHODS' order).
CURATED = {  # reviews, recommendations, engagements, institutions, themes, states
    "anonymous": (401, 401, 401, 401, 401, 401),
    "public": (200, 200, 401, 401, 401, 401),
    "partner": (200, 200, 403, 403, 403, 403),
    "adviser": (200, 200, 403, 403, 403, 403),
    "contributor": (200, 200, 403, 403, 403, 403),
    "justice": (200, 200, 403, 403, 403, 403),
    "interior": (200, 200, 403, 403, 403, 403),
    "coordinator": (200, 200, 201, 200, 200, 405),
}
ACTIONS = {  # the action is the Ministry of Justice's
    **CURATED,
    "justice": (200, 200, 201, 200, 200, 405),
    "interior": (200, 200, 403, 403, 403, 405),
}
INDICATORS = ACTIONS  # the indicator is of the Ministry of Justice's action
PROGRESS_UPDATES = {  # the update is a draft of the Ministry of Justice
    **CURATED,
    "public": (200, 404, 401, 401, 401, 401),
    "partner": (200, 404, 403, 403, 403, 403),
    "adviser": (200, 404, 403, 403, 403, 403),
    "contributor": (200, 404, 403, 403, 403, 403),
    "justice": (200, 200, 201, 200, 200, 405),
    "interior": (200, 404, 403, 404, 404, 405),
}
INDEPENDENT_ASSESSMENTS = {  # the assessment is published; nobody writes here
    "anonymous": (401, 401, 401, 401, 401, 401),
    **{
        role: (200, 200, 405, 405, 405, 405)
        for role in ("public", "partner", "adviser", "contributor", "justice", "interior")
    },
    "coordinator": (200, 200, 405, 405, 405, 405),
}


def resources(world):
    """Per resource: its model, the object its detail routes name, the body that
    creates one, a full body and a change for that object, and how to read the change."""
    justice, recommendation = world.justice_ministry, world.justice_recommendation
    return {
        "reviews": (
            ReviewCycle,
            world.review,
            {"state_under_review": "BLR", "mechanism": "UPR", "cycle": 2},
            {"state_under_review": "BLR", "mechanism": "UPR", "cycle": 1, "notes": "Changed"},
            {"notes": "Changed"},
            lambda review: review.notes,
        ),
        "recommendations": (
            Recommendation,
            recommendation,
            {"review": world.review.pk, "reference": "99.1", "text": "Ratify the CED"},
            {"review": world.review.pk, "reference": "97.1", "text": "Changed"},
            {"text": "Changed"},
            lambda recommendation: recommendation.text,
        ),
        "actions": (
            ImplementationAction,
            world.justice_action,
            {"title": "Decree", "institution": justice.pk, "recommendations": [recommendation.pk]},
            {"title": "Changed", "institution": justice.pk, "recommendations": [recommendation.pk]},
            {"title": "Changed"},
            lambda action: action.title,
        ),
        "progress-updates": (
            ProgressUpdate,
            world.justice_draft,
            {
                "recommendation": recommendation.pk,
                "status": "in_progress",
                "assessed_on": "2013-01-01",
                "narrative": "Bill drafted.",
            },
            {"status": "in_progress", "assessed_on": "2013-01-01", "narrative": "Changed"},
            {"narrative": "Changed"},
            lambda update: update.narrative,
        ),
        "engagements": (
            Engagement,
            world.engagement,
            {"kind": "training", "title": "Training of judges", "start_date": "2016-03-01"},
            {"kind": "training", "title": "Changed", "start_date": "2010-07-01"},
            {"title": "Changed"},
            lambda engagement: engagement.title,
        ),
        "institutions": (
            Institution,
            world.justice_ministry,
            {"name": "Office of the Ombudsman"},
            {"name": "Changed", "kind": "national_authority"},
            {"name": "Changed"},
            lambda institution: institution.name,
        ),
        "themes": (
            Theme,
            world.theme,
            {"name": "Torture", "slug": "torture"},
            {"name": "Changed", "slug": "trafficking"},
            {"name": "Changed"},
            lambda theme: theme.name,
        ),
        "independent-assessments": (
            IndependentAssessment,
            world.published_assessment,
            {"recommendation": recommendation.pk, "status": "implemented", "narrative": "Mine"},
            {"recommendation": recommendation.pk, "status": "implemented", "narrative": "Changed"},
            {"narrative": "Changed"},
            lambda assessment: assessment.narrative,
        ),
        "indicators": (
            Indicator,
            world.justice_indicator,
            {"action": world.justice_action.pk, "name": "Decisions published"},
            {"action": world.justice_action.pk, "name": "Changed", "frequency": "quarterly"},
            {"name": "Changed"},
            lambda indicator: indicator.name,
        ),
        "indicator-values": (
            IndicatorValue,
            world.justice_value_draft,
            {"indicator": world.justice_indicator.pk, "measured_on": "2013-01-01", "value": "5"},
            {"measured_on": "2013-01-01", "value": "7", "comment": "Changed"},
            {"comment": "Changed"},
            lambda value: value.comment,
        ),
        "clusters": (
            Cluster,
            world.cluster,
            {"name": "Torture", "slug": "torture"},
            {"name": "Changed", "slug": "trafficking-cluster"},
            {"name": "Changed"},
            lambda cluster: cluster.name,
        ),
        "states": (
            State,
            world.state,
            {"iso3": "QZZ", "name": "Test State"},
            {"iso3": "FRA", "name": "Changed"},
            {"name": "Changed"},
            lambda state: state.name,
        ),
    }


EXPECTED = {
    "reviews": CURATED,
    "recommendations": CURATED,
    "actions": ACTIONS,
    "progress-updates": PROGRESS_UPDATES,
    "indicators": INDICATORS,
    "indicator-values": PROGRESS_UPDATES,  # the value is a draft of the Ministry of Justice
    "clusters": CURATED,
    "engagements": CURATED,
    "institutions": CURATED,
    "themes": CURATED,
    "states": CURATED,
    "independent-assessments": INDEPENDENT_ASSESSMENTS,
}
LOOKUP = {"states": "iso3", "themes": "slug", "clusters": "slug"}


def detail_url(resource, instance):
    return f"/api/v1/{resource}/{getattr(instance, LOOKUP.get(resource, 'pk'))}/"


@pytest.mark.parametrize("role", list(CURATED))
@pytest.mark.parametrize("resource", list(EXPECTED))
@pytest.mark.parametrize("method", METHODS)
def test_each_role_gets_what_its_rights_allow_and_nothing_else_changes(
    api_as, world, role, resource, method
):
    world.published_assessment = IndependentAssessment.objects.create(
        recommendation=world.justice_recommendation,
        organisation=world.users["contributor"].profile.institution,
        status="not_started",
        assessed_on="2024-06-01",
        narrative="The NGO's published assessment",
        sources="https://example.org/report",
        moderation_state=IndependentAssessment.ModerationState.PUBLISHED,
        decided_at=world.validated.reviewed_at,
    )
    model, instance, new, full, change, changed = resources(world)[resource]
    expected = EXPECTED[resource][role][METHODS.index(method)]
    if role == "contributor":
        publish_every_review()  # a contributor reads the published reviews only
    client = api_as(role)
    count_before = model.objects.count()
    before = changed(instance)

    if method == "list":
        response = client.get(f"/api/v1/{resource}/")
    elif method == "detail":
        response = client.get(detail_url(resource, instance))
    elif method == "create":
        response = client.post(f"/api/v1/{resource}/", new, format="json")
    elif method == "replace":
        response = client.put(detail_url(resource, instance), full, format="json")
    elif method == "modify":
        response = client.patch(detail_url(resource, instance), change, format="json")
    else:
        response = client.delete(detail_url(resource, instance))

    assert response.status_code == expected, response.content
    assert response["Content-Type"] == "application/json"
    instance.refresh_from_db()
    if expected == 201:
        assert model.objects.count() == count_before + 1
    else:
        assert model.objects.count() == count_before
    if method in ("replace", "modify") and expected == 200:
        assert (
            changed(instance) == "Changed"
            and response.json()[resource_field(resource)] == "Changed"
        )
    else:
        assert changed(instance) == before
    if expected >= 400:
        assert "detail" in response.json()


def resource_field(resource):
    return {
        "reviews": "notes",
        "recommendations": "text",
        "actions": "title",
        "progress-updates": "narrative",
        "indicators": "name",
        "indicator-values": "comment",
        "clusters": "name",
        "engagements": "title",
        "institutions": "name",
        "themes": "name",
        "states": "name",
        "independent-assessments": "narrative",
    }[resource]


STATS = {  # GET, then any other method
    "anonymous": (401, 401),
    "public": (200, 405),
    "partner": (200, 405),
    "adviser": (200, 405),
    "justice": (200, 405),
    "interior": (200, 405),
    "coordinator": (200, 405),
}


@pytest.mark.parametrize("role", list(STATS))
def test_stats_are_read_by_every_reader_and_written_by_nobody(api_as, world, role):
    client = api_as(role)

    read = client.get("/api/v1/stats/")
    written = client.post("/api/v1/stats/", {}, format="json")

    assert (read.status_code, written.status_code) == STATS[role]
    if read.status_code == 200:
        assert read.json()["overall"]["total"] == 3


@pytest.mark.parametrize("role", list(CURATED))
def test_what_progress_updates_each_role_sees_in_the_list(api_as, world, role):
    visible = {
        "anonymous": None,
        "public": {world.validated.pk},
        "partner": {world.validated.pk},
        "adviser": {world.validated.pk},
        "contributor": set(),  # the world's review is not published here
        "justice": {world.validated.pk, world.justice_draft.pk},
        "interior": {world.validated.pk, world.interior_submitted.pk},
        "coordinator": {world.validated.pk, world.justice_draft.pk, world.interior_submitted.pk},
    }[role]

    response = api_as(role).get("/api/v1/progress-updates/")

    if visible is None:
        assert response.status_code == 401
    else:
        assert {update["id"] for update in response.json()["results"]} == visible


@pytest.mark.parametrize("role", list(CURATED))
def test_what_indicator_values_each_role_sees_in_the_list(api_as, world, role):
    visible = {
        "anonymous": None,
        "public": {world.validated_value.pk},
        "partner": {world.validated_value.pk},
        "adviser": {world.validated_value.pk},
        "contributor": set(),  # the world's review is not published here
        "justice": {world.validated_value.pk, world.justice_value_draft.pk},
        "interior": {world.validated_value.pk, world.interior_value_submitted.pk},
        "coordinator": {
            world.validated_value.pk,
            world.justice_value_draft.pk,
            world.interior_value_submitted.pk,
        },
    }[role]

    response = api_as(role).get("/api/v1/indicator-values/")

    if visible is None:
        assert response.status_code == 401
    else:
        assert {value["id"] for value in response.json()["results"]} == visible


def test_history_has_no_endpoint_at_all(api_as, world):
    client = api_as("coordinator")
    url = f"/api/v1/recommendations/{world.justice_recommendation.pk}/history/"

    assert client.get(url).status_code == 404
    assert client.post(url, {}, format="json").status_code == 404
    assert world.justice_recommendation.history.count() == 1
