"""``/institutions/``: every institution responsible for recommendations (or every
institution, of a kind) with its measure and overdue count, sortable and paginated,
linked from the header and from the dashboard's institution breakdown."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation
from recommendations.selectors import measure, overdue_count_by_institution
from recommendations.views import institution_index
from tests.factories import InstitutionFactory, RecommendationFactory, ResponsibilityFactory
from tests.pages.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db
URL = "/institutions/"


def names(response) -> list[str]:
    return [row.institution.name for row in response.context["rows"]]


def test_it_lists_the_responsible_institutions_with_their_measure_and_overdue_count(
    log_in, world, justice, interior, settings
):
    settings.UPR_OVERDUE_MONTHS = 12

    page = log_in("adviser").get(URL)

    assert page.status_code == 200
    overdue = overdue_count_by_institution(Recommendation.objects.all())
    rows = {row.institution: row for row in page.context["rows"]}
    assert set(rows) == {justice, interior}  # UNDP funds an engagement, answers for nothing
    for institution in (justice, interior):
        assert rows[institution].measure == measure(
            Recommendation.objects.filter(institutions=institution)
        )
        assert rows[institution].overdue == overdue.get(institution.pk, 0)
    assert f'href="{reverse("institution-detail", args=[justice.pk])}"' in page.content.decode()


def test_the_overdue_counts_follow_the_day_they_count_from(
    log_in, world, justice, interior, settings
):
    """Kept with the figures, the counts are still those of the threshold in force: a
    longer period (or a day passing) counts anew."""
    client = log_in("adviser")

    def shown():
        return {row.institution: row.overdue for row in client.get(URL).context["rows"]}

    settings.UPR_OVERDUE_MONTHS = 12
    within_a_year = shown()
    settings.UPR_OVERDUE_MONTHS = 12 * 100
    within_a_century = shown()

    assert sum(within_a_year.values()) > 0
    assert within_a_century == {justice: 0, interior: 0}


def test_every_institution_of_a_kind_can_be_listed(log_in, world):
    undp = world.engagements["undp"]

    everyone = log_in("adviser").get(URL, {"show": "all"})
    un_entities = log_in("adviser").get(URL, {"show": "all", "kind": "un_entity"})

    assert undp.name in names(everyone)
    assert names(un_entities) == [undp.name]
    assert "no recommendation" in text_of(un_entities).lower()


@pytest.mark.parametrize(
    "sort, key",
    [
        ("name", None),
        ("-recommendations", lambda row: -row.measure.total),
        ("-overdue", lambda row: -row.overdue),
    ],
)
def test_it_sorts_by_any_column(log_in, world, sort, key):
    ResponsibilityFactory(  # sorts among the A's, not after Z
        recommendation=RecommendationFactory(review=world.first),
        institution=InstitutionFactory(name="Ärztekammer"),
    )

    rows = log_in("adviser").get(URL, {"sort": sort}).context["rows"]

    if key is None:
        assert rows[0].institution.name == "Ärztekammer"
    else:
        assert [key(row) for row in rows] == sorted(key(row) for row in rows)


def test_a_long_index_is_paginated(log_in, world, monkeypatch):
    monkeypatch.setattr(institution_index, "PAGE_SIZE", 1)

    first = log_in("adviser").get(URL, {"sort": "name"})
    second = log_in("adviser").get(URL, {"sort": "name", "page": "2"})

    assert len(first.context["rows"]) == 1
    assert names(first) != names(second)
    assert "?sort=name&amp;page=2" in first.content.decode()


def test_the_header_and_the_dashboard_link_to_it(log_in, world):
    dashboard = log_in("adviser").get("/").content.decode()

    assert dashboard.count(f'href="{reverse("institution-list")}"') == 2


def test_it_runs_as_many_queries_for_many_institutions_as_for_few(log_in, world):
    client = log_in("adviser")
    few = count_queries(client, URL)

    for index in range(10):
        ResponsibilityFactory(
            recommendation=RecommendationFactory(review=world.first),
            institution=InstitutionFactory(name=f"Committee {index}"),
        )

    assert count_queries(client, URL) == few


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
