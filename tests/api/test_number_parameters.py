"""Every id or number a list or ``stats`` takes in its query is ASCII digits within
the 64-bit range the database stores. Anything else (digits of other scripts, a
superscript, a number too large for the database, a fraction, junk) is a 400
naming the parameter, never a 500 and never a silent guess."""

import pytest

from recommendations.models import SdgGoal

pytestmark = pytest.mark.django_db

# (list, parameter): each id or whole-number parameter of each list.
NUMBER_PARAMETERS = [
    ("recommendations", "review"),
    ("recommendations", "cycle"),
    ("recommendations", "institution"),
    ("recommendations", "sdg"),
    ("stats", "review"),
    ("stats", "cycle"),
    ("stats", "institution"),
    ("stats", "sdg"),
    ("actions", "recommendation"),
    ("actions", "institution"),
    ("progress-updates", "recommendation"),
    ("progress-updates", "institution"),
    ("reviews", "cycle"),
    ("engagements", "institution"),
    ("engagements", "recommendation"),
    ("engagements", "year"),
]
NOT_A_NUMBER = {
    "superscript": "¹",
    "arabic-indic": "١",
    "fullwidth": "１",
    "too-large": "9223372036854775808",
    "far-too-large": "9" * 40,
    "too-small": "-9223372036854775809",
    "fraction": "1.5",
    "exponent": "1e3",
    "infinity": "1e999",
    "word": "one",
}


@pytest.fixture
def reader(api_as):
    return api_as("adviser")


@pytest.mark.parametrize("value", NOT_A_NUMBER.values(), ids=NOT_A_NUMBER.keys())
@pytest.mark.parametrize(("resource", "parameter"), NUMBER_PARAMETERS)
def test_a_number_parameter_refuses_what_is_not_an_ascii_whole_number(
    reader, resource, parameter, value
):
    response = reader.get(f"/api/v1/{resource}/", {parameter: value})

    assert response.status_code == 400
    assert list(response.json()) == [parameter]
    assert all(isinstance(message, str) for message in response.json()[parameter])


@pytest.mark.parametrize(("resource", "parameter"), NUMBER_PARAMETERS)
def test_a_number_parameter_still_takes_ascii_digits(reader, world, resource, parameter):
    values = {
        "review": world.review.pk,
        "cycle": world.review.cycle,
        "institution": world.justice_ministry.pk,
        "sdg": SdgGoal.objects.get(number=5).pk,  # installed by migrate
        "recommendation": world.justice_recommendation.pk,
        "year": world.engagement.start_date.year,
    }

    response = reader.get(f"/api/v1/{resource}/", {parameter: str(values[parameter])})

    assert response.status_code == 200


@pytest.mark.parametrize("value", ["¹", "١", "9" * 40], ids=["superscript", "arabic", "huge"])
def test_a_page_size_that_is_not_an_ascii_whole_number_is_a_400(reader, value):
    response = reader.get("/api/v1/recommendations/", {"page_size": value})

    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


@pytest.mark.parametrize("value", ["¹", "9" * 40, "1.5"])
def test_the_recommendation_page_reports_a_bad_id_instead_of_failing(world, client, value):
    client.force_login(world.users["adviser"])

    page = client.get("/recommendations/", {"institution": value})
    export = client.get("/recommendations/export/", {"institution": value})

    assert page.status_code == 200
    assert "Some filters were not understood" in page.content.decode()
    assert export.status_code == 400


@pytest.mark.parametrize(
    "value",
    ["9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+05:00"],
    ids=["past-the-last-year", "before-the-first-year"],
)
def test_updated_since_beyond_the_calendar_is_a_400(reader, value):
    response = reader.get("/api/v1/recommendations/", {"updated_since": value})

    assert response.status_code == 400
    assert list(response.json()) == ["updated_since"]
