"""``measure_by_each``: a dashboard's breakdowns in one query, each exactly what
``measure_by`` gives for its grouping, today and as of a day."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import AffectedGroup, Mechanism, Position, Recommendation, Status
from recommendations.selectors import measure_by
from recommendations.selectors.measure import NAMED_GROUPINGS, measure_by_each
from tests.factories import (
    ClusterFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    SdgTargetFactory,
    StateFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendations():
    """Belarus's first UPR and a treaty body's review, their recommendations tagged every
    way a breakdown groups (several tags, none, Russian names), with history."""
    belarus = StateFactory(iso3="BLR", name="Belarus")
    upr = ReviewCycleFactory(state_under_review=belarus, cycle=1, review_date=date(2010, 5, 12))
    treaty_body = ReviewCycleFactory(
        state_under_review=belarus,
        mechanism=Mechanism.objects.get(code="CAT"),
        cycle=5,
        review_date=date(2018, 4, 25),
    )
    france, sweden = StateFactory(iso3="FRA", name="France"), StateFactory(iso3="SWE")
    trafficking, penalty = ThemeFactory(name="Trafficking"), ThemeFactory(name="Смертная казнь")
    women = AffectedGroup.objects.create(name="Women", slug="women")
    target, cluster = SdgTargetFactory(code="16.3"), ClusterFactory(name="Torture")

    abolish = RecommendationFactory(review=upr, reference="97.1")
    abolish.themes.set([trafficking, penalty])
    abolish.recommending_states.set([france, sweden])
    abolish.sdg_targets.set([target])
    abolish.sdg_goals.set([target.goal])
    cluster.recommendations.add(abolish)
    ResponsibilityFactory(recommendation=abolish, institution__name="Ministry of Justice")
    ProgressUpdateFactory(
        recommendation=abolish, status=Status.IN_PROGRESS, assessed_on=date(2012, 3, 1)
    )
    ProgressUpdateFactory(
        recommendation=abolish, status=Status.IMPLEMENTED, assessed_on=date(2019, 6, 1)
    )

    torture = RecommendationFactory(review=treaty_body, reference="CAT/C/BLR/CO/5 para 9")
    torture.themes.set([penalty])
    torture.affected_groups.set([women])
    torture.recommending_states.set([france])
    ResponsibilityFactory(recommendation=torture, institution__name="Ministry of Interior")

    RecommendationFactory(review=upr, reference="98.2", position=Position.NOTED)  # untagged
    return Recommendation.objects.all()


@pytest.mark.parametrize("as_of", [None, date(2015, 1, 1), date(2020, 1, 1)])
def test_each_grouping_is_what_measure_by_gives_in_one_query(recommendations, as_of):
    with CaptureQueriesContext(connection) as queries:
        each = measure_by_each(recommendations, list(NAMED_GROUPINGS), as_of=as_of)

    assert len(queries.captured_queries) == 1
    assert each == {
        grouping: measure_by(recommendations, grouping, as_of=as_of) for grouping in NAMED_GROUPINGS
    }


def test_keys_are_what_the_filters_take(recommendations):
    each = measure_by_each(recommendations, ["institution", "sdg", "theme", "sdg_target"])

    # Institutions and goals by number, as ``measure_by`` keys them (not as text).
    assert all(isinstance(group.key, int) for group in each["institution"] if group.key)
    assert {group.key for group in each["sdg"]} == {16, None}
    assert {group.label for group in each["theme"]} >= {"Trafficking", "Смертная казнь"}
    assert {group.key for group in each["sdg_target"]} == {"16.3", None}


def test_a_grouping_without_names_is_refused(recommendations):
    with pytest.raises(ValueError, match="'review' is not one of"):
        measure_by_each(recommendations, ["theme", "review"])
