"""A download link on a page gives that page's rows, whatever its filter form sent:
the downloads read their parameters as the pages do ("Any" is an empty value)."""

import re
from html import unescape

import pytest
from django.http import QueryDict
from django.urls import reverse

from recommendations.importing.tracker_format import COLUMN_NAMES
from tests.exporting.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db

REFERENCE = COLUMN_NAMES.index("Reference")


def submitted(client, url, **chosen) -> QueryDict:
    """What a browser sends when the page's filter form is submitted with ``chosen``
    values and every other field left at "Any"."""
    query = QueryDict(mutable=True)
    for name in client.get(url).context["form"].fields:
        query[name] = chosen.get(name, "")
    return query


def download_link(page, kind="csv") -> str:
    links = re.findall(r'href="([^"]*/export/\?[^"]*)"', page.content.decode())
    return next(unescape(link) for link in links if link.endswith(f"format={kind}"))


@pytest.mark.parametrize("chosen", [{}, {"position": "supported"}, {"theme": "trafficking"}])
def test_the_recommendation_lists_download_link_gives_the_listed_recommendations(
    log_in, world, chosen
):
    client = log_in("adviser")
    url = reverse("recommendation-list")
    page = client.get(url, submitted(client, url, **chosen))
    listed = sorted(r.reference for r in page.context["recommendations"])
    assert listed and page.context["measure"].total == len(listed)

    response = client.get(download_link(page))

    assert response.status_code == 200
    assert sorted(row[REFERENCE] for row in csv_rows(response)[1:]) == listed


def test_the_recommendation_lists_workbook_link_answers_after_any_values(log_in, world):
    client = log_in("adviser")
    url = reverse("recommendation-list")
    page = client.get(url, submitted(client, url))

    response = client.get(download_link(page, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')


def test_the_timelines_download_link_gives_the_engagements_shown(log_in, world, interior):
    client = log_in("adviser")
    url = reverse("engagement-list")
    page = client.get(url, submitted(client, url, institution=str(interior.pk)))
    shown = [engagement.title for engagement in page.context["engagements"]]
    assert shown == ["Visit of the Special Rapporteur on trafficking"]

    response = client.get(download_link(page))

    assert response.status_code == 200
    assert [row[1] for row in csv_rows(response)[1:]] == shown
