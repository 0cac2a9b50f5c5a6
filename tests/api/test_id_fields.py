"""Every id a write names is a JSON integer within the 64-bit range the database
stores. A number too large for the database (``1e999`` is infinity to a JSON
parser), a fraction, a boolean, a string or an object is a 400 naming the field,
never a 500, never a guess (``1.5`` is not record 1), and nothing is written."""

import json

import pytest

from missions.models import Engagement
from recommendations.models import ImplementationAction, ProgressUpdate, Recommendation

pytestmark = pytest.mark.django_db

NOT_AN_ID = {
    "infinity": "1e999",
    "minus-infinity": "-1e999",
    "too-large": "9223372036854775808",
    "far-too-large": "9" * 40,
    "fraction": "1.5",
    "whole-float": "1.0",
    "boolean": "true",
    "string": '"1"',
    "object": '{"id": 1}',
}


def valid_bodies(world):
    """(who writes, resource, a body that would be accepted, the model written)."""
    justice, interior = world.justice_ministry.pk, world.interior_ministry.pk
    return {
        "recommendations": (
            "coordinator",
            {
                "review": world.review.pk,
                "reference": "97.50",
                "text": "Ratify the Optional Protocol",
                "position": "supported",
                "repeats": world.justice_recommendation.pk,
                "sdg_goals": [],
                "lead_institution": justice,
                "supporting_institutions": [interior],
            },
            Recommendation,
        ),
        "actions": (
            "justice",
            {
                "title": "Training of judges",
                "institution": justice,
                "recommendations": [world.justice_recommendation.pk],
            },
            ImplementationAction,
        ),
        "progress-updates": (
            "justice",
            {
                "recommendation": world.justice_recommendation.pk,
                "status": "in_progress",
                "assessed_on": "2013-01-01",
                "narrative": "Bill drafted.",
            },
            ProgressUpdate,
        ),
        "engagements": (
            "coordinator",
            {
                "kind": "training",
                "title": "Seminar on detention",
                "start_date": "2014-03-01",
                "organisers": [justice],
                "funders": [interior],
                "participants": [justice],
                "recommendations": [world.justice_recommendation.pk],
                "mechanisms": [],
            },
            Engagement,
        ),
    }


# (resource, field, whether it takes a list of ids)
ID_FIELDS = [
    ("recommendations", "review", False),
    ("recommendations", "repeats", False),
    ("recommendations", "sdg_goals", True),
    ("recommendations", "lead_institution", False),
    ("recommendations", "supporting_institutions", True),
    ("actions", "institution", False),
    ("actions", "recommendations", True),
    ("progress-updates", "recommendation", False),
    ("engagements", "organisers", True),
    ("engagements", "funders", True),
    ("engagements", "participants", True),
    ("engagements", "recommendations", True),
]


def body_with(body: dict, field: str, raw: str, many: bool) -> str:
    """``body`` as JSON with ``field`` set to the raw JSON text ``raw`` (``1e999`` has
    no Python value that ``json.dumps`` writes back as such)."""
    placeholder = "__not_an_id__"
    return json.dumps({**body, field: [placeholder] if many else placeholder}).replace(
        json.dumps(placeholder), raw
    )


def test_the_bodies_are_accepted_as_they_are(api_as, world):
    for resource, (role, body, model) in valid_bodies(world).items():
        before = model.objects.count()
        response = api_as(role).post(
            f"/api/v1/{resource}/", json.dumps(body), content_type="application/json"
        )
        assert response.status_code == 201, (resource, response.json())
        assert model.objects.count() == before + 1


@pytest.mark.parametrize("raw", NOT_AN_ID.values(), ids=NOT_AN_ID.keys())
@pytest.mark.parametrize(("resource", "field", "many"), ID_FIELDS)
def test_an_id_that_is_not_a_whole_number_in_range_is_a_400_naming_the_field(
    api_as, world, resource, field, many, raw
):
    role, body, model = valid_bodies(world)[resource]
    before = model.objects.count()

    response = api_as(role).post(
        f"/api/v1/{resource}/", body_with(body, field, raw, many), content_type="application/json"
    )

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert model.objects.count() == before


@pytest.mark.parametrize("raw", ["1e999", "1.5", "true"], ids=["infinity", "fraction", "boolean"])
def test_a_change_that_names_a_bad_id_leaves_the_record_as_it_was(api_as, world, raw):
    url = f"/api/v1/actions/{world.justice_action.pk}/"

    response = api_as("justice").patch(
        url, body_with({}, "recommendations", raw, True), content_type="application/json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["recommendations"]
    assert list(world.justice_action.recommendations.all()) == [world.justice_recommendation]
