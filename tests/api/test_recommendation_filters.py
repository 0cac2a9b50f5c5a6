"""Every filter of the contract on /recommendations/ and /stats/, alone and
combined; an unknown value is a 400 naming the filter, never an empty list."""

from datetime import UTC, date, datetime

import pytest
from django import forms
from django.http import QueryDict

from recommendations.filters import RecommendationFilter
from recommendations.models import AffectedGroup, Position, Recommendation, SdgGoal, Status
from recommendations.selectors import measure
from tests.factories import (
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendations(db):
    """Four recommendations that differ in every filtered property."""
    belarus, ukraine = StateFactory(iso3="BLR"), StateFactory(iso3="UKR")
    france, germany = StateFactory(iso3="FRA"), StateFactory(iso3="DEU")
    first = ReviewCycleFactory(state_under_review=belarus, cycle=1)
    second = ReviewCycleFactory(state_under_review=belarus, cycle=2, review_date=date(2015, 5, 4))
    other = ReviewCycleFactory(state_under_review=ukraine, cycle=1)
    trafficking = ThemeFactory(name="Trafficking", slug="trafficking")
    death_penalty = ThemeFactory(name="Death penalty", slug="death-penalty")
    justice, interior = InstitutionFactory(name="Justice"), InstitutionFactory(name="Interior")
    women = AffectedGroup.objects.create(name="Women", slug="women")
    detainees = AffectedGroup.objects.create(name="Detainees", slug="detainees")
    gender, peace = SdgGoal.objects.get(number=5), SdgGoal.objects.get(number=16)  # installed

    a = RecommendationFactory(review=first, reference="97.1", text="Combat trafficking in persons")
    a.recommending_states.set([france])
    a.themes.set([trafficking])
    a.affected_groups.set([women])
    a.sdg_goals.set([gender])
    ResponsibilityFactory(recommendation=a, institution=justice)
    ProgressUpdateFactory(recommendation=a, status=Status.IMPLEMENTED)

    b = RecommendationFactory(
        review=first, reference="98.1", text="Abolish the death penalty", position=Position.NOTED
    )
    b.recommending_states.set([germany])
    b.themes.set([death_penalty])
    b.affected_groups.set([detainees])
    b.sdg_goals.set([peace])
    ResponsibilityFactory(recommendation=b, institution=interior)

    c = RecommendationFactory(review=second, reference="116.1", text="Prevent torture in prisons")
    c.recommending_states.set([france, germany])
    c.themes.set([trafficking, death_penalty])
    ResponsibilityFactory(recommendation=c, institution=interior)
    ProgressUpdateFactory(recommendation=c, status=Status.IN_PROGRESS)

    d = RecommendationFactory(
        review=other,
        reference="97.1",
        text="Protect journalists",
        position=Position.PARTIALLY_SUPPORTED,
    )
    Recommendation.objects.filter(pk__in=[a.pk, b.pk, c.pk]).update(
        updated_at=datetime(2014, 1, 1, tzinfo=UTC)
    )
    Recommendation.objects.filter(pk=d.pk).update(updated_at=datetime(2020, 1, 1, tzinfo=UTC))
    return {
        "a": a, "b": b, "c": c, "d": d, "first": first, "second": second,
        "justice": justice, "interior": interior,
    }  # fmt: skip


@pytest.fixture
def reader(client, db):
    client.force_login(UserFactory(username="reader", role="adviser"))
    return client


CASES = [
    ("review={first}", "ab"),
    ("review={first}&review={second}", "abc"),
    ("cycle=2", "c"),
    ("state_under_review=UKR", "d"),
    ("recommending_state=FRA", "ac"),
    ("recommending_state=FRA&recommending_state=DEU", "abc"),
    ("position=noted", "b"),
    ("position=supported&position=partially_supported", "acd"),
    ("status=implemented", "a"),
    ("status=not_started", "bd"),
    ("theme=trafficking", "ac"),
    ("theme=trafficking&theme=death-penalty", "abc"),
    ("institution={interior}", "bc"),
    ("sdg=5", "a"),
    ("affected_group=detainees", "b"),
    ("updated_since=2019-06-01T00:00:00Z", "d"),
    ("search=trafficking", "a"),
    ("search=death penalty", "b"),
    ("search=116.1", "c"),
    # combined
    ("recommending_state=FRA&position=supported&status=in_progress", "c"),
    ("theme=death-penalty&cycle=1", "b"),
    ("state_under_review=BLR&status=not_started&affected_group=detainees", "b"),
    ("search=torture&institution={justice}", ""),
    ("review={first}&sdg=16&recommending_state=DEU&position=noted", "b"),
]


def query(template, recommendations):
    ids = {name: value.pk for name, value in recommendations.items()}
    return template.format(**ids)


@pytest.mark.parametrize(("template", "expected"), CASES)
def test_recommendations_are_filtered(reader, recommendations, template, expected):
    response = reader.get(f"/api/v1/recommendations/?{query(template, recommendations)}")

    assert response.status_code == 200
    found = {row["id"] for row in response.json()["results"]}
    assert found == {recommendations[letter].pk for letter in expected}
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(("template", "expected"), CASES)
def test_stats_measure_exactly_the_filtered_recommendations(
    reader, recommendations, template, expected
):
    params = query(template, recommendations)
    filtered = RecommendationFilter(QueryDict(params), queryset=Recommendation.objects.all()).qs

    response = reader.get(f"/api/v1/stats/?{params}")

    assert response.status_code == 200
    assert response.json()["overall"]["total"] == len(expected)
    assert response.json()["overall"] == measure(filtered).as_dict()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("position=approved", "position"),
        ("status=done", "status"),
        ("theme=no-such-theme", "theme"),
        ("recommending_state=XXX", "recommending_state"),
        ("state_under_review=ZZZ", "state_under_review"),
        ("review=999999", "review"),
        ("review=first", "review"),
        ("cycle=one", "cycle"),
        ("institution=ministry", "institution"),
        ("sdg=18", "sdg"),
        ("affected_group=nobody", "affected_group"),
        ("updated_since=yesterday", "updated_since"),
    ],
)
@pytest.mark.parametrize("endpoint", ["recommendations", "stats"])
def test_an_unknown_filter_value_is_a_400_naming_the_filter(
    reader, recommendations, endpoint, params, field
):
    response = reader.get(f"/api/v1/{endpoint}/?{params}")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert all(isinstance(message, str) for message in response.json()[field])


@pytest.mark.parametrize("field", ["review", "institution", "sdg"])
def test_an_id_too_large_for_the_database_is_an_unknown_value_not_a_crash(
    reader, recommendations, field
):
    response = reader.get(f"/api/v1/recommendations/?{field}=9223372036854775808")

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_a_filter_not_asked_for_is_not_in_force(reader, recommendations):
    response = reader.get("/api/v1/recommendations/")

    assert response.status_code == 200
    assert response.json()["count"] == Recommendation.objects.count()
    # Nothing chosen reads as a plain empty list, not an empty queryset that whoever asks
    # whether anything was chosen would compile, subqueries and all, on every request.
    filterset = RecommendationFilter(QueryDict(), queryset=Recommendation.objects.all())
    assert filterset.is_valid()
    of_objects = [
        name
        for name, field in filterset.form.fields.items()
        if isinstance(field, forms.ModelMultipleChoiceField)
    ]
    assert {"review", "mechanism", "theme", "institution", "cluster"} <= set(of_objects)
    assert {name: filterset.form.cleaned_data[name] for name in of_objects} == {
        name: [] for name in of_objects
    }
