"""Clusters on the pages: the dashboard breaks the measure down by cluster (across cycles
and mechanisms) once some recommendation is in one, its download holds the same figures,
and the recommendation list and its download filter by cluster."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation
from recommendations.selectors import measure
from tests.exporting.spreadsheets import csv_rows
from tests.factories import ClusterFactory
from tests.pages.helpers import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def death_penalty(world):
    """A cluster across two UPR cycles: 97.3 (cycle 1) and 110.1 (cycle 2)."""
    cluster = ClusterFactory(name="Abolition of the death penalty", slug="abolition")
    cluster.recommendations.add(world.recommendations["97.3"], world.recommendations["110.1"])
    return cluster


def test_the_dashboard_has_no_cluster_table_while_no_recommendation_is_in_one(log_in, world):
    ClusterFactory(name="Nothing in it")

    assert "By cluster" not in text_of(log_in("adviser").get("/"))


def test_the_dashboard_breaks_the_measure_down_by_cluster(log_in, world, death_penalty):
    page = log_in("adviser").get("/", {"cycle": "1"})

    table = next(t for t in page.context["breakdowns"] if t.grouping == "cluster")
    rows = {row.label: row for row in table.rows}
    expected = measure(death_penalty.recommendations.filter(review=world.first))
    assert rows["Abolition of the death penalty"].measure == expected
    assert expected.total == 1
    assert "In no cluster" in rows
    assert "By cluster" in text_of(page)


def test_the_cluster_breakdown_downloads_with_the_same_figures(log_in, world, death_penalty):
    response = log_in("adviser").get(
        reverse("breakdown-export", args=["cluster"]), {"format": "csv"}
    )

    rows = csv_rows(response)
    assert rows[0][0] == "Cluster"
    clustered = next(row for row in rows if row[0] == "Abolition of the death penalty")
    assert clustered[1] == str(measure(death_penalty.recommendations.all()).total)


def test_the_recommendation_list_and_its_download_filter_by_cluster(log_in, world, death_penalty):
    client = log_in("adviser")

    page = client.get(reverse("recommendation-list"), {"cluster": "abolition"})
    download = client.get(reverse("recommendation-export"), {"cluster": "abolition"})

    listed = {r.reference for r in page.context["page_obj"].object_list}
    assert listed == {"97.3", "110.1"}
    header, *rows = csv_rows(download)
    reference = header.index("Reference")
    assert {row[reference] for row in rows} == {"97.3", "110.1"}
    assert Recommendation.objects.filter(clusters=death_penalty).count() == 2
