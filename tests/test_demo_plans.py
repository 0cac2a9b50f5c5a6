"""The demo's plans, so that a newcomer meets them at once: indicators with validated
values on several Belarus actions, one report due this month and one overdue (for the
ministries' demo logins), a draft value of the Ministry of Justice, and a cluster of the
trafficking recommendations the dashboard breaks the measure down by."""

import pytest
from django.utils import timezone

from demo.loader import load_demo
from recommendations.models import Cluster, Indicator, IndicatorValue, Recommendation
from recommendations.selectors import due_lists

pytestmark = pytest.mark.django_db


def test_several_demo_actions_have_indicators_with_validated_values(demo):
    indicators = Indicator.objects.filter(is_demo=True)
    validated = IndicatorValue.objects.filter(workflow_state="validated", indicator__in=indicators)

    assert indicators.values("action").distinct().count() >= 2
    assert {value.indicator_id for value in validated} == set(
        indicators.values_list("pk", flat=True)
    )


def test_one_report_is_due_this_month_and_one_is_overdue(demo):
    due = due_lists(today=timezone.localdate())

    assert [item.kind for item in due.overdue if item.obj.is_demo] == ["indicator"]
    assert [item.kind for item in due.this_month if item.obj.is_demo] == ["indicator"]
    ministries = {item.institution.name for item in due.overdue + due.this_month}
    assert ministries == {"Ministry of Justice", "Ministry of Internal Affairs"}


def test_justice_has_a_draft_value_to_submit(demo):
    draft = IndicatorValue.objects.get(workflow_state="draft")

    assert draft.institution.name == "Ministry of Justice"
    assert draft.author.username == "justice"


def test_the_trafficking_cluster_groups_the_trafficking_recommendations(client, demo):
    cluster = Cluster.objects.get(slug="combating-trafficking")
    client.login(username="adviser", password="demo password for tests")

    page = client.get("/")

    themed = set(Recommendation.objects.filter(themes__name="Trafficking"))
    assert themed and themed <= set(cluster.recommendations.all())
    table = next(t for t in page.context["breakdowns"] if t.grouping == "cluster")
    assert "Combating trafficking in human beings" in {row.label for row in table.rows}


def test_loading_the_demo_again_adds_no_plan(demo):
    counts = (Indicator.objects.count(), IndicatorValue.objects.count(), Cluster.objects.count())

    load_demo(password="demo password for tests")

    assert (
        Indicator.objects.count(),
        IndicatorValue.objects.count(),
        Cluster.objects.count(),
    ) == counts
