"""The measure over time: one point per half-year end, each the measure as of that day."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Recommendation, Status
from recommendations.selectors import measure
from recommendations.selectors.over_time import half_year_ends, implementation_over_time
from tests.factories import ProgressUpdateFactory, RecommendationFactory, ReviewCycleFactory


def test_half_year_ends_run_from_the_first_review_to_today():
    assert half_year_ends(date(2010, 5, 12), date(2011, 8, 1)) == [
        date(2010, 6, 30),
        date(2010, 12, 31),
        date(2011, 6, 30),
        date(2011, 8, 1),
    ]


def test_a_start_in_the_second_half_starts_at_its_end():
    assert half_year_ends(date(2010, 9, 1), date(2011, 1, 5)) == [
        date(2010, 12, 31),
        date(2011, 1, 5),
    ]


def test_too_many_half_years_become_years_within_the_limit():
    days = half_year_ends(date(1990, 1, 1), date(2026, 11, 24), max_points=20)

    assert len(days) <= 20
    assert days[-1] == date(2026, 11, 24)
    assert days[-2] == date(2025, 12, 31)
    assert all(day.month == 12 and day.day == 31 for day in days[:-1])


def test_no_days_before_the_start():
    assert half_year_ends(date(2020, 1, 1), date(2019, 1, 1)) == []


@pytest.mark.django_db
def test_each_point_is_the_measure_as_of_that_day_and_none_before_the_review():
    first = ReviewCycleFactory(cycle=1, review_date=date(2010, 5, 1))
    second = ReviewCycleFactory(
        state_under_review=first.state_under_review, cycle=2, review_date=date(2011, 9, 1)
    )
    done = RecommendationFactory(review=first)
    RecommendationFactory(review=first)
    ProgressUpdateFactory(
        recommendation=done, status=Status.IMPLEMENTED, assessed_on=date(2011, 2, 1)
    )
    later = RecommendationFactory(review=second)
    ProgressUpdateFactory(
        recommendation=later, status=Status.IMPLEMENTED, assessed_on=date(2012, 1, 1)
    )

    series = implementation_over_time(
        Recommendation.objects.all(), [first, second], today=date(2012, 3, 1)
    )

    assert series.days == [
        date(2010, 6, 30),
        date(2010, 12, 31),
        date(2011, 6, 30),
        date(2011, 12, 31),
        date(2012, 3, 1),
    ]
    first_line, second_line = series.lines
    assert first_line.points == [
        measure(Recommendation.objects.filter(review=first), as_of=day).percent_implemented
        for day in series.days
    ]
    assert [str(p) for p in first_line.points] == ["0.0", "0.0", "50.0", "50.0", "50.0"]
    assert second_line.points[:3] == [None, None, None]
    assert [str(p) for p in second_line.points[3:]] == ["0.0", "100.0"]
    assert series.rows[2] == (date(2011, 6, 30), [first_line.points[2], None])


@pytest.mark.django_db
def test_the_chart_and_the_measure_agree_on_every_review_and_day():
    first = ReviewCycleFactory(cycle=1, review_date=date(2010, 5, 1))
    second = ReviewCycleFactory(
        state_under_review=first.state_under_review, cycle=2, review_date=date(2011, 9, 1)
    )
    for review in (first, second):
        done = RecommendationFactory(review=review)
        RecommendationFactory(review=review)
        ProgressUpdateFactory(
            recommendation=done, status=Status.IMPLEMENTED, assessed_on=date(2010, 8, 1)
        )

    series = implementation_over_time(
        Recommendation.objects.all(), [first, second], today=date(2012, 3, 1)
    )

    for line in series.lines:
        of_review = Recommendation.objects.filter(review=line.review)
        assert line.points == [
            measure(of_review, as_of=day).percent_implemented for day in series.days
        ]
    assert series.lines[1].points[:3] == [None, None, None]  # not yet reviewed: no figure


@pytest.mark.django_db
def test_the_series_takes_as_many_queries_for_years_of_many_as_for_months_of_few():
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    ProgressUpdateFactory(recommendation__review=review, assessed_on=date(2011, 1, 1))
    with CaptureQueriesContext(connection) as few:
        implementation_over_time(Recommendation.objects.all(), [review], today=date(2011, 3, 1))
    for recommendation in RecommendationFactory.create_batch(30, review=review):
        ProgressUpdateFactory(recommendation=recommendation, assessed_on=date(2014, 2, 1))
    cache.clear()

    with CaptureQueriesContext(connection) as many:
        series = implementation_over_time(
            Recommendation.objects.all(), [review], today=date(2020, 3, 1)
        )

    assert len(series.days) > 10 * 2
    assert len(many) == len(few)


@pytest.mark.django_db
def test_a_series_computed_since_the_last_change_is_read_from_the_cache():
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    ProgressUpdateFactory(recommendation__review=review, assessed_on=date(2011, 1, 1))
    first = implementation_over_time(Recommendation.objects.all(), [review])

    with CaptureQueriesContext(connection) as again:
        second = implementation_over_time(Recommendation.objects.all(), [review])

    assert second == first
    counted = [q["sql"] for q in again if "statuschange" in q["sql"]]
    assert counted == []  # the figures were not counted again
    assert len(again) <= 2  # the version of the figures, and the cache (when in the database)


@pytest.mark.django_db
def test_a_validated_update_shows_on_the_dashboard_at_once(client, review_half_done):
    from recommendations import services
    from tests.factories import UserFactory, coordinator

    client.force_login(UserFactory(username="reader"))
    before = client.get("/").context["over_time"].lines[0].points[-1]

    services.progress_update_validate(user=coordinator(), update=review_half_done)
    after = client.get("/").context["over_time"].lines[0].points[-1]

    assert (before, after) == (Decimal("50.0"), Decimal("100.0"))


@pytest.mark.django_db
def test_a_changed_position_shows_in_the_series_at_once(client):
    from recommendations.models import Position

    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    done, other = RecommendationFactory.create_batch(2, review=review)
    ProgressUpdateFactory(recommendation=done, assessed_on=date(2011, 1, 1))
    before = implementation_over_time(Recommendation.objects.all(), [review]).lines[0].points[-1]

    other.position = Position.NOTED  # as the admin, the API or the importer saves it
    other.save()
    after = implementation_over_time(Recommendation.objects.all(), [review]).lines[0].points[-1]

    assert (before, after) == (Decimal("50.0"), Decimal("100.0"))
