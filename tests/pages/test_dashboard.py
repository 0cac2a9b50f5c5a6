"""The dashboard: per review, the totals and the share implemented, the breakdowns,
what needs attention and the latest engagements; every figure from the measure."""

from datetime import date

import pytest
from django.urls import reverse

from recommendations.models import Recommendation, ReviewCycle
from recommendations.selectors import measure, measure_by, overdue_recommendations
from recommendations.views.querysets import longest_overdue_first
from tests.factories import ProgressUpdateFactory, RecommendationFactory, ReviewCycleFactory
from tests.pages.conftest import SUBMITTED
from tests.pages.helpers import all_of, text_of

pytestmark = pytest.mark.django_db


def card(response, review) -> object:
    return next(c for c in response.context["cards"] if c.review == review)


# With the demo (Belarus, as `make run` shows it).


def test_each_demo_review_shows_the_numbers_the_measure_gives(client, demo):
    client.login(username="adviser", password="demo password for tests")
    first = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)
    expected = measure(all_of(first))

    page = client.get(reverse("dashboard"))

    assert card(page, first).measure == expected
    html = page.content.decode()
    assert f"{expected.percent_implemented}\xa0%" in html
    assert f">{expected.total}</a></dd>" in html
    assert "<dt>Supported</dt><dd>74</dd>" in html
    assert "<dt>Noted</dt><dd>19</dd>" in html
    assert "The government reports 75 of 93 accepted" in html


def test_a_review_card_leads_to_its_status_report(client, demo):
    client.login(username="adviser", password="demo password for tests")
    first = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)
    report = reverse("review-status-report", args=[first.pk])

    page = client.get(reverse("dashboard"))

    assert f'href="{report}"' in page.content.decode()
    assert client.get(report).context["report"].review == first


def test_the_demo_second_cycle_says_no_recommendations_are_recorded(client, demo):
    client.login(username="adviser", password="demo password for tests")

    page = client.get(reverse("dashboard"))

    second = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=2)
    assert card(page, second).measure is None
    assert "Belarus — UPR cycle 2 (2015)" in text_of(page)
    assert "No recommendations recorded." in text_of(page)


def test_an_empty_tracker_says_so(log_in):
    assert "No review has been recorded yet" in text_of(log_in("adviser").get(reverse("dashboard")))


# With the small world of tests/pages/conftest.py.


def test_the_default_selection_is_all_upr_cycles_of_the_state_with_most_recommendations(
    log_in, world
):
    other = ReviewCycleFactory(cycle=1)
    RecommendationFactory(review=other)

    page = log_in("adviser").get(reverse("dashboard"))

    selection = page.context["selection"]
    assert selection.state.iso3 == "BLR"
    assert selection.mechanism.code == "UPR"
    assert selection.cycle is None
    assert selection.reviews == [world.first, world.second]
    assert [c.review for c in page.context["cards"]] == [world.first, world.second, None]
    assert 'id="id_state_under_review"' in page.content.decode()
    assert '<label for="id_cycle">Cycle</label>' in page.content.decode()


def test_the_all_reviews_card_is_the_measure_of_the_whole_selection(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"))

    overall = page.context["cards"][-1]
    assert overall.title == "All selected reviews"
    assert overall.measure == measure(
        Recommendation.objects.filter(review__in=[world.first, world.second])
    )
    assert card(page, world.first).measure == measure(all_of(world.first))
    assert card(page, world.second).measure == measure(all_of(world.second))


def test_choosing_a_cycle_shows_that_review_only(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"), {"state_under_review": "BLR", "cycle": "1"})

    assert page.context["selection"].reviews == [world.first]
    assert [c.review for c in page.context["cards"]] == [world.first]
    assert '<option value="1" selected>Cycle 1</option>' in page.content.decode()


def test_choosing_a_treaty_body_shows_its_review(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"), {"mechanism": "CAT"})

    assert page.context["selection"].reviews == [world.treaty]
    assert card(page, world.treaty).measure == measure(all_of(world.treaty))


def test_an_unknown_selection_falls_back_to_the_default(log_in, world):
    page = log_in("adviser").get(
        reverse("dashboard"), {"state_under_review": "XXX", "mechanism": "NOPE", "cycle": "7"}
    )

    assert page.status_code == 200
    assert page.context["selection"].reviews == [world.first, world.second]


def test_each_breakdown_row_is_the_measure_of_its_group_and_links_to_its_list(log_in, world):
    client = log_in("adviser")
    page = client.get(reverse("dashboard"), {"cycle": "1"})

    tables = {table.grouping: table for table in page.context["breakdowns"]}
    assert set(tables) == {"theme", "institution", "recommending_state", "sdg", "affected_group"}
    expected = {g.key: g.measure for g in measure_by(all_of(world.first), "theme")}
    assert {row.key: row.measure for row in tables["theme"].rows} == expected
    rows = {row.label: row for row in tables["theme"].rows}
    assert rows["Trafficking"].list_url == (
        f"{reverse('recommendation-list')}?review={world.first.pk}&theme=trafficking"
    )
    listed = client.get(rows["Trafficking"].list_url)
    assert listed.context["measure"] == rows["Trafficking"].measure
    assert rows["No theme recorded"].list_url is None


def test_the_breakdowns_link_recommending_states_groups_and_goals_by_their_filter_keys(
    log_in, world
):
    page = log_in("adviser").get(reverse("dashboard"), {"cycle": "1"})

    tables = {table.grouping: table for table in page.context["breakdowns"]}
    urls = {row.label: row.list_url for t in tables.values() for row in t.rows if row.list_url}
    assert urls["Canada"].endswith("&recommending_state=CAN")
    assert urls["Women"].endswith("&affected_group=women")
    assert urls["SDG 16: Peace, justice and strong institutions"].endswith("&sdg=16")


def test_the_institution_table_is_a_league_table_with_overdue_counts(
    log_in, world, justice, interior
):
    page = log_in("adviser").get(reverse("dashboard"), {"cycle": "1"})

    table = next(t for t in page.context["breakdowns"] if t.grouping == "institution")
    assert [row.label for row in table.rows] == [interior.name, justice.name]
    overdue = overdue_recommendations(all_of(world.first))
    assert table.rows[1].overdue == overdue.filter(institutions=justice).count() == 2
    assert table.rows[0].overdue == overdue.filter(institutions=interior).count() == 1
    assert reverse("institution-detail", args=[justice.pk]) in page.content.decode()


def test_the_share_implemented_over_time_is_the_measure_as_of_each_date(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"))

    over_time = page.context["over_time"]
    assert over_time.days[0] == date(2010, 6, 30)
    for index, day in enumerate(over_time.days):
        line = over_time.lines[0]
        assert line.points[index] == measure(all_of(world.first), as_of=day).percent_implemented
    second = over_time.lines[1]
    assert second.points[over_time.days.index(date(2014, 12, 31))] is None  # before its review
    html = page.content.decode()
    assert 'class="line-chart"' in html and 'role="img"' in html
    assert "<caption" in html and "31 Dec 2013" in html


def test_overdue_items_are_the_overdue_selector_s(log_in, world, settings):
    settings.UPR_OVERDUE_MONTHS = 12

    page = log_in("adviser").get(reverse("dashboard"))

    expected = longest_overdue_first(
        overdue_recommendations(
            Recommendation.objects.filter(review__in=[world.first, world.second])
        )
    )
    assert page.context["overdue_count"] == expected.count() == 4
    assert [r.pk for r in page.context["overdue"]] == [r.pk for r in expected]
    assert "4 supported recommendations not implemented have had no validated progress" in (
        text_of(page)
    )


def test_updates_waiting_for_validation_are_counted_for_coordinators_only(log_in, world):
    ProgressUpdateFactory(
        recommendation=world.recommendations["97.2"], workflow_state=SUBMITTED, reviewed_at=None
    )

    as_coordinator = log_in("coordinator").get(reverse("dashboard"))
    as_ministry = log_in("justice").get(reverse("dashboard"))

    assert as_coordinator.context["waiting"] == 2
    assert "2 progress updates waiting for validation" in text_of(as_coordinator)
    assert f'<a href="{reverse("workspace:queue")}">Open the validation queue</a>' in (
        as_coordinator.content.decode()
    )
    queue = log_in("coordinator").get(reverse("workspace:queue"))
    assert len(queue.context["rows"]) == 2
    assert as_ministry.context["waiting"] is None
    assert "waiting for validation" not in text_of(as_ministry)


def test_drafts_and_submissions_never_change_the_figures(log_in, world):
    page = log_in("justice").get(reverse("dashboard"), {"cycle": "1"})

    figures = card(page, world.first).measure
    assert figures.implemented == 1  # 97.1 only; 97.3's draft and 97.4's submission wait
    assert figures == measure(all_of(world.first))


def test_the_latest_engagements_of_the_state_are_listed_newest_first(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"))

    assert list(page.context["latest_engagements"]) == [
        world.engagements["seminar"],
        world.engagements["visit"],
    ]
    assert "May 2009" in text_of(page)


def test_the_governments_count_is_reconciled_with_the_paragraphs_accepted_in_part(log_in, world):
    in_part = world.recommendations["97.4"]
    in_part.position = "partially_supported"
    in_part.accepted_part = "Reform the bar"
    in_part.save()
    world.first.government_reported_supported = 5
    world.first.notes = "The government also counts 98.1."
    world.first.save()

    html = log_in("adviser").get(reverse("dashboard")).content.decode()

    in_part_url = f"{reverse('recommendation-list')}?review={world.first.pk}"
    assert (
        "the responses recorded here give 4 supported: 3 wholly and "
        f'<a href="{in_part_url}&amp;position=partially_supported">1 in part</a>. '
        "The government also counts 98.1." in html
    )
