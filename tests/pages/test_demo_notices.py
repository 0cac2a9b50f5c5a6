"""A figure that counts a demo assessment says so beside it, on every page that shows
it (and so on paper); a deployment without demo data shows no such notice."""

import re

import pytest
from django.urls import reverse

from recommendations.models import ProgressUpdate
from recommendations.statuses import recommendation_status_refresh

NOTICE = 'class="demo-notice"'


@pytest.fixture
def demo_world(world):
    """The world with the first cycle's assessments flagged as demo ones."""
    ProgressUpdate.objects.filter(recommendation__review=world.first).update(is_demo=True)
    # Written in bulk past the workflow, as a loader writes: the kept statuses follow.
    recommendation_status_refresh(world.first.recommendations.all())
    return world


def sections_marked(html: str) -> int:
    return len(re.findall(r"data-includes-demo", html))


def pages(world):
    interior = world.recommendations["97.1"].responsibilities.get(role="lead").institution
    return {
        "dashboard": reverse("dashboard"),
        "list": reverse("recommendation-list"),
        "institution": reverse("institution-detail", args=[interior.pk]),
        "status report": reverse("review-status-report", args=[world.first.pk]),
    }


@pytest.mark.parametrize("page", ["dashboard", "list", "institution", "status report"])
def test_each_figure_counting_a_demo_assessment_has_the_notice_beside_it(log_in, demo_world, page):
    html = log_in("adviser").get(pages(demo_world)[page]).content.decode()

    marked = sections_marked(html)
    assert marked >= 1
    # One notice after each marked section's start, before the next one's: beside its figure.
    assert html.count(NOTICE) == marked
    assert all(NOTICE in following for following in html.split("data-includes-demo")[1:])


def test_the_dashboard_marks_the_demo_cycle_and_not_the_other(log_in, demo_world):
    page = log_in("adviser").get(reverse("dashboard"))
    cards = {card.review: card.measure.includes_demo for card in page.context["cards"]}

    assert cards[demo_world.first] is True
    assert cards[demo_world.second] is False
    assert page.context["over_time"].includes_demo is True
    tables = {table.grouping: table for table in page.context["breakdowns"]}
    assert tables["theme"].includes_demo is True


def test_the_list_marks_each_status_that_is_a_demo_assessment(log_in, demo_world):
    page = log_in("adviser").get(reverse("recommendation-list"), {"review": demo_world.first.pk})

    flags = {r.reference: r.status_is_demo for r in page.context["recommendations"]}
    assert flags["97.1"] is True  # its validated updates are demo ones
    assert flags["97.4"] is False  # only a submitted update: not started, nothing demo
    assert page.context["measure"].includes_demo is True


def test_a_recommendation_page_says_its_status_is_a_demo_assessment(log_in, demo_world):
    recommendation = demo_world.recommendations["97.1"]

    html = log_in("adviser").get(reverse("recommendation-detail", args=[recommendation.pk]))

    assert "an illustrative assessment, not an official one" in html.content.decode()


def test_figures_as_of_a_day_before_any_demo_assessment_carry_no_notice(log_in, demo_world):
    html = log_in("adviser").get(reverse("recommendation-list"), {"as_of": "2010-12-31"})

    assert NOTICE not in html.content.decode()


@pytest.mark.parametrize("page", ["dashboard", "list", "institution", "status report"])
def test_without_demo_data_no_page_shows_a_notice(log_in, world, page):
    html = log_in("adviser").get(pages(world)[page]).content.decode()

    assert "demo" not in html.lower()
