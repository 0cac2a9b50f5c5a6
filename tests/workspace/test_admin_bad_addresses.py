"""Addresses no page links to, typed or forged, get a 4xx or a normal page from the
admin, never a server error: out-of-range or malformed date-hierarchy values on
every list that has one (Django's answer to a bad filter: back to the list, with
``?e=1``), and history addresses whose object or version number is not a number."""

import pytest

from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db

# Every admin list with a date hierarchy, and the field it is on.
DATED_LISTS = {
    "recommendations/progressupdate": "assessed_on",
    "recommendations/implementationaction": "start_date",
    "recommendations/reviewcycle": "review_date",
    "missions/engagement": "start_date",
}

BAD_DATES = {
    "a year past any integer": "{f}__year=9223372036854775808",
    "the last year": "{f}__year=9999",
    "the last month": "{f}__year=9999&{f}__month=12",
    "the last day": "{f}__year=9999&{f}__month=12&{f}__day=31",
    "a huge month": "{f}__year=2020&{f}__month=99999999999999999999",
    "a huge day": "{f}__year=2020&{f}__month=1&{f}__day=99999999999999999999",
    "a year beyond range in a comparison": "{f}__year__gte=99999999999999999999",
    "a year zero": "{f}__year=0",
    "a superscript digit": "{f}__year=%C2%B9",
    "a null byte": "{f}__year=2020%00",
}


@pytest.mark.parametrize("query", BAD_DATES, ids=str)
@pytest.mark.parametrize("changelist", DATED_LISTS, ids=str)
def test_a_bad_date_filter_sends_back_to_the_list(world, changelist, query):
    client = world.client("coordinator")
    client.raise_request_exception = False
    url = f"/admin/{changelist}/?" + BAD_DATES[query].format(f=DATED_LISTS[changelist])

    response = client.get(url)

    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 302:
        assert response["Location"] == f"/admin/{changelist}/?e=1"
        assert client.get(response["Location"]).status_code == 200


def test_a_good_date_filter_still_works(world):
    response = world.client("coordinator").get(
        "/admin/recommendations/progressupdate/?assessed_on__year=2012&assessed_on__month=5"
    )

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [world.justice_validated]


BAD_NUMBERS = ["1.5", "%C3%BC", "%00", "%C2%B9", "1e3", "-1", "0x1"]


@pytest.fixture
def histories(world):
    """(admin path, object id, one of its history ids) for each model with a history."""
    engagement = EngagementFactory()
    objects = {
        "recommendations/recommendation": world.justice_recommendation,
        "recommendations/implementationaction": world.justice_action,
        "recommendations/progressupdate": world.justice_draft,
        "recommendations/reviewcycle": world.justice_recommendation.review,
        "missions/engagement": engagement,
    }
    return {path: (obj.pk, obj.history.earliest().history_id) for path, obj in objects.items()}


@pytest.mark.parametrize("bad", BAD_NUMBERS)
@pytest.mark.parametrize("model_path", DATED_LISTS | {"recommendations/recommendation": None})
def test_a_history_address_with_a_bad_number_is_not_found(world, histories, model_path, bad):
    client = world.client("coordinator")
    client.raise_request_exception = False
    pk, version = histories[model_path]
    base = f"/admin/{model_path}"

    answers = [
        client.get(f"{base}/{bad}/history/").status_code,
        client.get(f"{base}/{bad}/history/{version}/").status_code,
        client.get(f"{base}/{pk}/history/{bad}/").status_code,
    ]

    assert answers == [404, 404, 404]


def test_a_version_of_another_object_is_not_found(world, histories):
    pk, _ = histories["recommendations/progressupdate"]
    other_version = world.justice_validated.history.earliest().history_id

    response = world.client("coordinator").get(
        f"/admin/recommendations/progressupdate/{pk}/history/{other_version}/"
    )

    assert response.status_code == 404
