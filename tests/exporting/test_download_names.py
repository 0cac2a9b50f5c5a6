"""Each download is named for what it holds: the list, the review or filters in force,
and the day it was made (``recommendations-belarus-upr-cycle-1-2010-2026-12-02.csv``),
never the same ``recommendations.csv`` for every file."""

from datetime import date

import pytest
from django.utils import timezone

from recommendations.models import Role
from tests.factories import (
    EngagementFactory,
    InstitutionFactory,
    MechanismFactory,
    RecommendationFactory,
    ReviewCycleFactory,
    StateFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def filename(response) -> str:
    assert response.status_code == 200, response.content
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    return disposition.split('filename="', 1)[1].rstrip('"')


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(role=Role.ADVISER))
    return client


@pytest.fixture
def review(db):
    belarus = StateFactory(iso3="BLR", name="Belarus")
    upr = MechanismFactory(code="UPR")
    review = ReviewCycleFactory(
        state_under_review=belarus, mechanism=upr, cycle=1, review_date=date(2010, 5, 12)
    )
    recommendation = RecommendationFactory(review=review)
    recommendation.themes.add(ThemeFactory(name="Women's rights", slug="womens-rights"))
    return review


def test_a_review_export_is_named_for_the_review_and_the_day(reader, review):
    today = timezone.localdate().isoformat()

    csv_name = filename(reader.get("/recommendations/export/", {"review": review.pk}))
    xlsx_name = filename(
        reader.get("/recommendations/export/", {"review": review.pk, "format": "xlsx"})
    )

    assert csv_name == f"recommendations-belarus-upr-cycle-1-2010-{today}.csv"
    assert xlsx_name == f"recommendations-belarus-upr-cycle-1-2010-{today}.xlsx"


def test_a_filtered_export_is_named_for_its_filters(reader, review):
    today = timezone.localdate().isoformat()

    name = filename(
        reader.get(
            "/recommendations/export/",
            {"theme": "womens-rights", "as_of": "2014-12-31", "position": "supported"},
        )
    )

    assert name == f"recommendations-supported-womens-rights-as-of-2014-12-31-{today}.csv"


def test_an_unfiltered_export_is_named_for_the_list_and_the_day(reader, review):
    today = timezone.localdate().isoformat()

    assert filename(reader.get("/recommendations/export/")) == f"recommendations-{today}.csv"


def test_an_engagement_export_is_named_for_its_filters(reader, review):
    today = timezone.localdate().isoformat()
    osce = InstitutionFactory(name="OSCE Office in Minsk", abbreviation="OSCE")
    training = EngagementFactory(kind="training", start_date=date(2009, 12, 1))
    training.organisers.add(osce)

    everything = filename(reader.get("/engagements/export/", {"format": "xlsx"}))
    filtered = filename(
        reader.get(
            "/engagements/export/", {"kind": "training", "year": "2009", "institution": osce.pk}
        )
    )

    assert everything == f"engagements-{today}.xlsx"
    assert filtered == f"engagements-training-or-seminar-year-2009-osce-{today}.csv"


def test_a_long_filter_set_gives_a_name_of_bounded_length(reader, review):
    themes = [ThemeFactory(name=f"A rather long theme name number {n}") for n in range(12)]
    review.recommendations.first().themes.add(*themes)

    name = filename(reader.get("/recommendations/export/", {"theme": [t.slug for t in themes]}))

    assert len(name) <= 120
    assert name.startswith("recommendations-a-rather-long-theme-name-number-")
    assert name.endswith(f"-{timezone.localdate().isoformat()}.csv")
