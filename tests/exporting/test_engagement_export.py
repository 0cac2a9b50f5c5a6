"""Engagements as CSV and XLSX, for partners' own reporting."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from missions.exporting import COLUMNS
from missions.models import Engagement
from recommendations.models import Role
from tests.factories import EngagementFactory, InstitutionFactory, StateFactory, UserFactory

from .spreadsheets import csv_rows, sheet_rows, workbook

pytestmark = pytest.mark.django_db

EXPORT = reverse("engagement-export")


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.PARTNER))
    return client


def test_the_demo_engagements_are_exported_with_their_details(client, demo):
    client.login(username="partner", password="demo password for tests")

    rows = csv_rows(client.get(EXPORT, {"format": "csv"}))

    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == Engagement.objects.count()
    by_title = {row[1]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    visit = by_title[
        "Visit of the Special Rapporteur on trafficking in persons, especially women and children"
    ]
    assert visit["Kind"] == "Country visit by a special procedure"
    assert (visit["Start date"], visit["Dates"]) == ("2009-05-01", "May 2009")
    assert visit["Mechanisms"] == "SR-TIP"
    assert "Ministry of Internal Affairs" in visit["Participants"]
    assert visit["Recommendations"]  # linked to the trafficking recommendations


def test_filters_by_kind_year_state_and_institution(reader):
    undp = InstitutionFactory(name="United Nations Development Programme")
    belarus = StateFactory(iso3="BLR", name="Belarus")
    mission = EngagementFactory(
        kind="mission", title="Study visit", start_date=date(2015, 12, 14), state_concerned=belarus
    )
    mission.funders.add(undp)
    EngagementFactory(kind="training", title="Seminar", start_date=date(2015, 3, 1))
    EngagementFactory(kind="mission", title="Older mission", start_date=date(2012, 1, 1))

    def titles(**filters):
        return [row[1] for row in csv_rows(reader.get(EXPORT, filters))[1:]]

    assert titles(kind="mission") == ["Older mission", "Study visit"]
    assert titles(year=2015) == ["Seminar", "Study visit"]
    assert titles(state_concerned="BLR") == ["Study visit"]
    assert titles(institution=undp.pk) == ["Study visit"]
    assert titles(kind=["mission", "training"], year=2015) == ["Seminar", "Study visit"]


def test_the_workbook_keeps_dates_and_amounts_as_values(reader):
    EngagementFactory(
        title="=cmd|' /C calc'!A0",
        start_date=date(2018, 1, 1),
        budget_amount=Decimal("250000.00"),
        budget_currency="USD",
    )

    rows = sheet_rows(workbook(reader.get(EXPORT, {"format": "xlsx"})).active)

    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["Title"] == "'=cmd|' /C calc'!A0"
    assert row["Start date"].date() == date(2018, 1, 1)
    assert row["Budget amount"] == 250000


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_number_of_queries_does_not_grow_with_the_list(reader):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            rows = csv_rows(reader.get(EXPORT))
        return len(captured), len(rows) - 1

    def add():
        engagement = EngagementFactory()
        engagement.organisers.add(InstitutionFactory())
        engagement.participants.add(InstitutionFactory())

    add()
    one = queries()
    add()
    add()
    three = queries()

    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]
