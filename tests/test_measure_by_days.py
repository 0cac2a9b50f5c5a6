"""The measure on many days at once says, on each day, exactly what the measure as of
that day says: the same groups, the same counts, the same percentages."""

from datetime import date, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommendations.models import Position, Recommendation, Status
from recommendations.selectors import measure_by
from recommendations.selectors.measure_by_days import implemented_by_days, measure_by_days
from tests.factories import (
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

START = date(2010, 1, 1)
DAYS = [
    date(2010, 6, 30),
    date(2011, 12, 31),
    date(2012, 6, 30),
    date(2014, 1, 1),
    date(2016, 1, 1),
]
GROUPINGS = ["review", "theme", "institution", "position", "status"]

a_day = st.integers(min_value=0, max_value=6 * 365).map(lambda n: START + timedelta(days=n))
an_update = st.tuples(a_day, st.sampled_from(Status.values), st.booleans())
a_recommendation = st.tuples(
    st.integers(min_value=0, max_value=2),  # its review
    st.sampled_from(Position.values),
    st.lists(st.integers(min_value=0, max_value=2), max_size=2, unique=True),  # its themes
    st.lists(an_update, max_size=4),
)


# Each example makes its own data in the test's database (rolled back after it).
examples = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def made(review_days, recommendations):
    """Three reviews held on ``review_days`` (None: no date), three themes, and the
    recommendations drawn (``a_recommendation``) with their themes, a responsibility when
    they have one, and their updates."""
    reviews = [ReviewCycleFactory(review_date=day, cycle=None) for day in review_days]
    themes = ThemeFactory.create_batch(3)
    for review, position, theme_numbers, updates in recommendations:
        recommendation = RecommendationFactory(review=reviews[review], position=position)
        recommendation.themes.set([themes[n] for n in theme_numbers])
        if theme_numbers:
            ResponsibilityFactory(recommendation=recommendation)
        for assessed_on, status, is_demo in updates:
            ProgressUpdateFactory(
                recommendation=recommendation,
                assessed_on=assessed_on,
                status=status,
                is_demo=is_demo,
            )
    return reviews, themes


def as_figures(groups):
    return [(group.key, group.label, group.measure) for group in groups]


@examples
@given(
    review_days=st.lists(st.one_of(st.none(), a_day), min_size=3, max_size=3),
    recommendations=st.lists(a_recommendation, max_size=8),
)
def test_each_day_has_the_figures_of_the_measure_as_of_that_day(review_days, recommendations):
    with transaction.atomic():  # each example on its own data
        _each_day_as_of_that_day(review_days, recommendations)
        transaction.set_rollback(True)


def _each_day_as_of_that_day(review_days, recommendations):
    made(review_days, recommendations)
    everything = Recommendation.objects.all()

    for group_by in GROUPINGS:
        by_days = measure_by_days(everything, group_by, DAYS)
        for day in DAYS:
            expected = as_figures(measure_by(everything, group_by, as_of=day))
            assert as_figures(by_days[day]) == expected, (group_by, day)


@examples
@given(
    review_days=st.lists(st.one_of(st.none(), a_day), min_size=3, max_size=3),
    recommendations=st.lists(a_recommendation, max_size=8),
    chosen_reviews=st.lists(st.integers(min_value=0, max_value=2), min_size=1, unique=True),
    by_theme=st.booleans(),
)
def test_the_percent_implemented_alone_is_the_measures_on_each_day(
    review_days, recommendations, chosen_reviews, by_theme
):
    with transaction.atomic():
        _percent_implemented_as_measured(review_days, recommendations, chosen_reviews, by_theme)
        transaction.set_rollback(True)


def _percent_implemented_as_measured(review_days, recommendations, chosen_reviews, by_theme):
    reviews, themes = made(review_days, recommendations)
    chosen = [reviews[n] for n in chosen_reviews]
    # Two themes asked for repeat a recommendation with both: it still counts once.
    recommendations = (
        Recommendation.objects.filter(themes__in=themes[:2])
        if by_theme
        else Recommendation.objects.all()
    )

    by_day, includes_demo = implemented_by_days(recommendations, chosen, DAYS)

    measured = measure_by_days(recommendations.filter(review__in=chosen), "review", DAYS)
    assert by_day == {
        day: {group.key: group.measure.percent_implemented for group in groups}
        for day, groups in measured.items()
    }
    assert includes_demo == any(
        group.measure.includes_demo for groups in measured.values() for group in groups
    )


def test_a_filtered_set_is_measured_on_each_day_as_the_measure_measures_it():
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    trafficking, detention = ThemeFactory.create_batch(2)
    both = RecommendationFactory(review=review)
    both.themes.set([trafficking, detention])
    RecommendationFactory(review=review).themes.set([detention])
    ProgressUpdateFactory(recommendation=both, assessed_on=date(2011, 1, 1))
    # Two themes asked for: the one with both is in the set once, not twice.
    chosen = Recommendation.objects.filter(themes__in=[trafficking, detention])

    by_days = measure_by_days(chosen, "review", DAYS)

    for day in DAYS:
        assert as_figures(by_days[day]) == as_figures(measure_by(chosen, "review", as_of=day))
    assert by_days[DAYS[-1]][0].measure.total == 2


def test_the_number_of_queries_does_not_grow_with_the_days_or_the_data():
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    ProgressUpdateFactory(recommendation__review=review)
    with CaptureQueriesContext(connection) as few:
        measure_by_days(Recommendation.objects.all(), "review", DAYS[:2])
    for recommendation in RecommendationFactory.create_batch(20, review=review):
        ProgressUpdateFactory(recommendation=recommendation, status=Status.IN_PROGRESS)

    with CaptureQueriesContext(connection) as many:
        measure_by_days(Recommendation.objects.all(), "review", DAYS)

    assert len(many) == len(few) == 3


def test_the_percent_implemented_alone_takes_two_queries_however_many_days_or_data():
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    ProgressUpdateFactory(recommendation__review=review, is_demo=True)
    with CaptureQueriesContext(connection) as few:
        implemented_by_days(Recommendation.objects.all(), [review], DAYS[:2])
    for recommendation in RecommendationFactory.create_batch(20, review=review):
        ProgressUpdateFactory(recommendation=recommendation, status=Status.IMPLEMENTED)

    with CaptureQueriesContext(connection) as many:
        implemented_by_days(Recommendation.objects.all(), [review], DAYS)

    assert len(many) == len(few) == 2
