"""The dashboard filters by theme, institution, SDG goal, affected group and an as-of
day, as the list does: "% implemented for women's rights on 31 December 2014" is one
page. The cards, the chart, the breakdowns, what is overdue and every link to the list
follow the filters, and the list a card links to shows the card's figures."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import Recommendation
from recommendations.selectors import measure, measure_by, overdue_recommendations
from tests.pages.helpers import text_of

pytestmark = pytest.mark.django_db

DAY = date(2012, 12, 31)


def card(response, review):
    return next(c for c in response.context["cards"] if c.review == review)


def trafficking_of(review):
    return Recommendation.objects.filter(review=review, themes__slug="trafficking")


def test_a_theme_on_a_past_day_is_one_page_whose_figures_are_the_measure(log_in, world):
    page = log_in("adviser").get("/", {"cycle": "1", "theme": "trafficking", "as_of": "2012-12-31"})

    expected = measure(trafficking_of(world.first), as_of=DAY)
    assert expected != measure(trafficking_of(world.first))  # the day changes the figures
    assert card(page, world.first).measure == expected
    assert f"{expected.percent_at_least_partially}\xa0%" in page.content.decode()
    assert "31 Dec 2012" in text_of(page)


def test_the_government_s_count_of_the_whole_review_is_not_set_beside_a_filtered_one(log_in, world):
    world.first.government_reported_supported = 5
    world.first.save()

    whole = text_of(log_in("adviser").get("/", {"cycle": "1"}))
    filtered = text_of(log_in("adviser").get("/", {"cycle": "1", "theme": "trafficking"}))

    assert "The government reports 5 of" in whole
    assert "The government reports" not in filtered


def test_the_card_links_to_the_list_with_the_same_filters_and_figures(log_in, world):
    client = log_in("adviser")
    page = client.get("/", {"cycle": "1", "theme": "trafficking", "as_of": "2012-12-31"})

    url = card(page, world.first).list_url

    assert url == (
        f"{reverse('recommendation-list')}?review={world.first.pk}"
        "&theme=trafficking&as_of=2012-12-31"
    )
    assert client.get(url).context["measure"] == card(page, world.first).measure


def test_the_breakdowns_follow_the_filters_and_their_links_keep_them(log_in, world):
    client = log_in("adviser")
    page = client.get("/", {"cycle": "1", "affected_group": "women", "as_of": "2012-12-31"})

    women = Recommendation.objects.filter(review=world.first, affected_groups__slug="women")
    tables = {table.grouping: table for table in page.context["breakdowns"]}
    expected = {g.key: g.measure for g in measure_by(women, "institution", as_of=DAY)}
    assert {row.key: row.measure for row in tables["institution"].rows} == expected
    row = next(row for row in tables["theme"].rows if row.label == "Trafficking")
    assert "affected_group=women" in row.list_url and "as_of=2012-12-31" in row.list_url
    assert client.get(row.list_url).context["measure"] == row.measure


def test_the_chart_ends_on_the_as_of_day(log_in, world):
    page = log_in("adviser").get("/", {"as_of": "2012-12-31"})

    over_time = page.context["over_time"]
    assert over_time.days[-1] == DAY
    assert [line.review for line in over_time.lines] == [world.first]  # the second: not held
    assert over_time.lines[0].points[-1] == (
        measure(Recommendation.objects.filter(review=world.first), as_of=DAY).percent_implemented
    )


def test_a_review_not_yet_held_on_the_day_says_so(log_in, world):
    page = log_in("adviser").get("/", {"as_of": "2012-12-31"})

    assert card(page, world.second).measure is None
    assert "Not yet held on 31 Dec 2012" in text_of(page)


def test_what_is_overdue_follows_the_filters_and_the_day(log_in, world, justice, settings):
    settings.UPR_OVERDUE_MONTHS = 12
    client = log_in("adviser")

    page = client.get("/", {"institution": justice.pk, "as_of": "2012-12-31"})

    justice_s = Recommendation.objects.filter(
        review__in=[world.first, world.second], institutions=justice
    )
    expected = overdue_recommendations(justice_s, as_of=DAY)
    assert page.context["overdue_count"] == expected.count()
    assert {r.pk for r in page.context["overdue"]} == set(expected.values_list("pk", flat=True))
    today_s = set(overdue_recommendations(justice_s).values_list("pk", flat=True))
    assert set(expected.values_list("pk", flat=True)) != today_s  # the day changes them


def test_an_sdg_filter_selects_its_goal(log_in, world):
    page = log_in("adviser").get("/", {"cycle": "1", "sdg": "16"})

    expected = measure(Recommendation.objects.filter(review=world.first, sdg_goals=16))
    assert card(page, world.first).measure == expected
    assert expected.total == 1


def test_the_filters_in_force_are_named_and_each_can_be_removed(log_in, world):
    page = log_in("adviser").get("/", {"theme": "trafficking", "as_of": "2012-12-31"})

    text = text_of(page)
    assert "Theme: Trafficking" in text
    assert "As of: 31 Dec 2012" in text


def test_a_filter_value_not_understood_is_named_and_not_applied(log_in, world):
    page = log_in("adviser").get("/", {"cycle": "1", "as_of": "2012-31-12", "theme": "nothing"})

    assert page.status_code == 200
    assert card(page, world.first).measure == measure(
        Recommendation.objects.filter(review=world.first)
    )
    assert "not understood" in text_of(page)
