"""A breakdown cut at its 15 largest groups on the dashboard links to the whole table,
a page of its own (paginated when long) with the dashboard's selection and filters,
and to its download (CSV, XLSX)."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import Recommendation
from recommendations.selectors import measure_by
from recommendations.views import breakdown_tables
from tests.exporting.spreadsheets import csv_rows, sheet_rows, workbook
from tests.factories import RecommendationFactory, StateFactory
from tests.pages.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

GROUPS = 20


@pytest.fixture
def many_states(world):
    """Twenty more recommending states, each with one more recommendation of cycle 1."""
    for index in range(GROUPS):
        recommendation = RecommendationFactory(review=world.first, reference=f"99.{index + 1}")
        recommendation.recommending_states.add(
            StateFactory(iso3=f"Q{chr(65 + index)}Z", name=f"State {index:02d}")
        )
    return world


def of_first(world):
    return Recommendation.objects.filter(review=world.first)


def test_a_cut_breakdown_links_to_the_whole_table_and_its_download(log_in, many_states):
    page = log_in("adviser").get("/", {"cycle": "1"})

    groups = len(measure_by(of_first(many_states), "recommending_state"))
    assert f"The 15 largest of {groups} groups" in text_of(page)
    assert f"All {groups} groups" in text_of(page)
    html = page.content.decode()
    assert f'href="{reverse("breakdown", args=["recommending_state"])}?cycle=1"' in html
    export = reverse("breakdown-export", args=["recommending_state"])
    assert f'href="{export}?cycle=1&amp;format=csv"' in html
    assert f'href="{export}?cycle=1&amp;format=xlsx"' in html


def test_the_links_to_the_whole_table_keep_the_dashboard_filters(log_in, many_states):
    page = log_in("adviser").get("/", {"cycle": "1", "theme": "trafficking"})

    export = reverse("breakdown-export", args=["institution"])
    assert f'href="{export}?cycle=1&amp;theme=trafficking&amp;format=csv"' in (
        page.content.decode()
    )


def test_the_whole_table_has_every_group_with_its_measure(log_in, many_states):
    page = log_in("adviser").get(reverse("breakdown", args=["recommending_state"]), {"cycle": "1"})

    expected = measure_by(of_first(many_states), "recommending_state")
    assert len(expected) > 15
    assert [(row.key, row.measure) for row in page.context["rows"]] == [
        (group.key, group.measure) for group in expected
    ]
    assert "State 19" in text_of(page) and "State 00" in text_of(page)


def test_a_long_table_is_paginated_keeping_the_selection(log_in, many_states, monkeypatch):
    monkeypatch.setattr(breakdown_tables, "PAGE_SIZE", 10)
    url = reverse("breakdown", args=["recommending_state"])

    first = log_in("adviser").get(url, {"cycle": "1"})
    last = log_in("adviser").get(url, {"cycle": "1", "page": "3"})

    expected = measure_by(of_first(many_states), "recommending_state")
    assert [row.key for row in first.context["rows"]] == [g.key for g in expected[:10]]
    assert [row.key for row in last.context["rows"]] == [g.key for g in expected[20:]]
    assert "?cycle=1&amp;page=2" in first.content.decode()


def test_the_whole_table_follows_the_dashboard_filters(log_in, world):
    url = reverse("breakdown", args=["theme"])

    page = log_in("adviser").get(
        url, {"cycle": "1", "affected_group": "women", "as_of": "2012-12-31"}
    )

    women = of_first(world).filter(affected_groups__slug="women")
    expected = measure_by(women, "theme", as_of=date(2012, 12, 31))
    assert [(row.key, row.measure) for row in page.context["rows"]] == [
        (group.key, group.measure) for group in expected
    ]
    assert "Affected group: Women" in text_of(page)


def test_the_download_holds_the_whole_table(log_in, many_states):
    client = log_in("adviser")
    url = reverse("breakdown-export", args=["recommending_state"])
    expected = measure_by(of_first(many_states), "recommending_state")

    rows = csv_rows(client.get(url, {"cycle": "1"}))
    sheet = workbook(client.get(url, {"cycle": "1", "format": "xlsx"})).active

    assert rows[0][:4] == ["Recommending state", "Recommendations", "Supported", "Implemented"]
    assert len(rows) - 1 == len(expected)
    by_name = {row[0]: row for row in rows[1:]}
    france = next(group for group in expected if group.key == "FRA")
    assert by_name["France"][1:3] == [str(france.measure.total), str(france.measure.supported)]
    assert sheet_rows(sheet)[0] == rows[0]
    assert len(sheet_rows(sheet)) == len(rows)


def test_the_institution_download_has_the_overdue_column(log_in, world):
    rows = csv_rows(
        log_in("adviser").get(reverse("breakdown-export", args=["institution"]), {"cycle": "1"})
    )

    assert rows[0][-1] == "Overdue"


def test_the_download_is_named_for_the_table_and_selection(log_in, world):
    response = log_in("adviser").get(
        reverse("breakdown-export", args=["theme"]), {"cycle": "1", "format": "xlsx"}
    )

    disposition = response["Content-Disposition"]
    assert 'filename="by-theme-belarus-upr-cycle-1-' in disposition
    assert disposition.endswith('.xlsx"')


def test_an_unknown_grouping_is_not_found(log_in, world):
    client = log_in("adviser")

    assert client.get("/breakdowns/colour/").status_code == 404
    assert client.get("/breakdowns/colour/export/").status_code == 404


def test_a_bad_format_or_filter_is_refused_by_name(log_in, world):
    response = log_in("adviser").get(
        reverse("breakdown-export", args=["theme"]), {"format": "pdf", "as_of": "31-12-2012"}
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"format", "as_of"}


def test_the_whole_table_runs_as_many_queries_for_few_groups_as_for_many(log_in, world):
    client = log_in("adviser")
    url = reverse("breakdown", args=["recommending_state"]) + "?cycle=1"
    few = count_queries(client, url)

    for index in range(GROUPS):
        recommendation = RecommendationFactory(review=world.first, reference=f"99.{index + 1}")
        recommendation.recommending_states.add(StateFactory(iso3=f"Q{chr(65 + index)}Z"))

    assert count_queries(client, url) == few
