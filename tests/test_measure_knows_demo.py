"""The measure says whether its figures count a demo assessment: the status that
decides (the latest validated update, as of the day asked) is flagged ``is_demo``."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.models import Position, ProgressUpdate, Recommendation
from recommendations.selectors import measure, measure_by, with_status_is_demo
from tests.factories import ProgressUpdateFactory, RecommendationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def everything():
    return Recommendation.objects.all()


def test_a_figure_counting_a_demo_assessment_says_so():
    ProgressUpdateFactory(is_demo=True)

    assert measure(everything()).includes_demo is True
    assert measure(everything()).as_dict()["includes_demo"] is True


def test_a_figure_from_real_assessments_only_does_not():
    ProgressUpdateFactory(is_demo=False)
    RecommendationFactory()  # no update at all: not started, nothing demo

    assert measure(everything()).includes_demo is False
    assert measure(everything()).as_dict()["includes_demo"] is False


def test_only_the_update_that_decides_the_status_counts():
    recommendation = RecommendationFactory()
    ProgressUpdateFactory(recommendation=recommendation, assessed_on=date(2011, 1, 1), is_demo=True)
    ProgressUpdateFactory(recommendation=recommendation, assessed_on=date(2013, 1, 1))

    assert measure(everything()).includes_demo is False
    assert measure(everything(), as_of=date(2012, 1, 1)).includes_demo is True


def test_an_unvalidated_demo_update_counts_for_nothing():
    ProgressUpdateFactory(
        is_demo=True, workflow_state=ProgressUpdate.WorkflowState.SUBMITTED, reviewed_at=None
    )

    assert measure(everything()).includes_demo is False


def test_a_noted_recommendations_demo_status_is_in_no_figure():
    noted = RecommendationFactory(position=Position.NOTED)
    ProgressUpdateFactory(recommendation=noted, is_demo=True)

    assert measure(everything()).includes_demo is False


def test_each_group_says_so_for_its_own_recommendations():
    demo_theme, real_theme = ThemeFactory(), ThemeFactory()
    demo = ProgressUpdateFactory(is_demo=True).recommendation
    real = ProgressUpdateFactory().recommendation
    demo.themes.add(demo_theme)
    real.themes.add(real_theme)

    groups = {group.key: group.measure for group in measure_by(everything(), "theme")}

    assert groups[demo_theme.slug].includes_demo is True
    assert groups[real_theme.slug].includes_demo is False


def test_each_recommendation_says_whether_its_status_is_a_demo_assessment():
    demo = ProgressUpdateFactory(is_demo=True).recommendation
    real = ProgressUpdateFactory().recommendation
    untouched = RecommendationFactory()

    flags = dict(with_status_is_demo(everything()).values_list("pk", "status_is_demo"))

    assert flags == {demo.pk: True, real.pk: False, untouched.pk: False}


def test_knowing_it_costs_no_query_more():
    ProgressUpdateFactory.create_batch(3, is_demo=True)

    with CaptureQueriesContext(connection) as queries:
        measure(everything())
        measure_by(everything(), "theme")

    assert len(queries) == 2
