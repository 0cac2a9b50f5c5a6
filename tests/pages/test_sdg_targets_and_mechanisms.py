"""The pages show treaty-body recommendations beside the UPR's and both SDG levels: the
dashboard's "all mechanisms" with a breakdown by mechanism, SDG targets on a recommendation,
in the list's filters and in a breakdown."""

import pytest
from django.urls import reverse

from recommendations.selectors import measure, measure_by
from tests.factories import SdgTargetFactory
from tests.pages.helpers import all_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def targets(world):
    """Targets 16.3 on 97.3 (whose goal 16 the world gave it) and 16.10 on the CAT's 9."""
    rule_of_law = SdgTargetFactory(code="16.3", name="Promote the rule of law")
    information = SdgTargetFactory(code="16.10", name="Public access to information")
    world.recommendations["97.3"].sdg_targets.add(rule_of_law)
    world.recommendations["9"].sdg_targets.add(information)
    world.recommendations["9"].sdg_goals.add(16)
    return {"16.3": rule_of_law, "16.10": information}


def breakdown(page, grouping):
    return next((t for t in page.context["breakdowns"] if t.grouping == grouping), None)


def test_all_mechanisms_shows_every_review_and_a_breakdown_by_mechanism(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"), {"mechanism": "all"})

    assert page.context["selection"].mechanism is None
    assert [card.review for card in page.context["cards"][:-1]] == [
        world.first,
        world.second,
        world.treaty,
    ]
    everything = all_of(world.first) | all_of(world.second) | all_of(world.treaty)
    by_mechanism = breakdown(page, "mechanism")
    assert [(row.label, row.measure) for row in by_mechanism.rows] == [
        (f"{group.label} ({group.key})", group.measure)
        for group in measure_by(everything, "mechanism")
    ]
    assert page.context["cards"][-1].measure == measure(everything)
    assert "Belarus · all mechanisms · all cycles" in text_of(page)


def test_a_mechanism_row_opens_the_list_of_its_recommendations(log_in, world):
    client = log_in("adviser")
    page = client.get(reverse("dashboard"), {"mechanism": "all"})
    cat = next(row for row in breakdown(page, "mechanism").rows if row.key == "CAT")

    listed = client.get(cat.list_url.replace("&amp;", "&"))

    assert [r.reference for r in listed.context["page_obj"]] == ["9"]


def test_one_mechanism_has_no_breakdown_by_mechanism(log_in, world):
    page = log_in("adviser").get(reverse("dashboard"))

    assert page.context["selection"].mechanism.code == "UPR"
    assert breakdown(page, "mechanism") is None
    assert ("all", "All mechanisms") in page.context["selection"].form.fields["mechanism"].choices


def test_the_dashboard_breaks_down_by_sdg_target_once_some_recommendation_has_one(
    log_in, world, targets
):
    client = log_in("adviser")

    upr = client.get(reverse("dashboard"))
    everything = client.get(reverse("dashboard"), {"mechanism": "all"})

    rows = {row.key: row.label for row in breakdown(everything, "sdg_target").rows}
    assert rows == {
        "16.3": "16.3: Promote the rule of law",
        "16.10": "16.10: Public access to information",
        None: "No SDG target recorded",
    }
    assert {row.key for row in breakdown(upr, "sdg_target").rows} == {"16.3", None}


def test_no_target_recorded_shows_no_target_breakdown(log_in, world):
    assert breakdown(log_in("adviser").get(reverse("dashboard")), "sdg_target") is None


def test_a_recommendation_shows_its_targets_each_opening_the_list(log_in, world, targets):
    page = log_in("adviser").get(
        reverse("recommendation-detail", args=[world.recommendations["97.3"].pk])
    )

    assert "SDG targets 16.3: Promote the rule of law" in text_of(page)
    assert f'href="{reverse("recommendation-list")}?sdg_target=16.3"' in page.content.decode()


def test_the_list_filters_by_sdg_target_and_by_mechanism(log_in, world, targets):
    client = log_in("adviser")
    by_target = client.get(reverse("recommendation-list"), {"sdg_target": "16.10"})
    by_mechanism = client.get(reverse("recommendation-list"), {"mechanism": "CAT"})

    assert [r.reference for r in by_target.context["page_obj"]] == ["9"]
    assert [r.reference for r in by_mechanism.context["page_obj"]] == ["9"]
    assert "SDG target: 16.10: Public access to information" in text_of(by_target)
    offered = [value for value, _ in by_target.context["form"].fields["sdg_target"].choices]
    assert [str(value) for value in offered] == ["", "16.3", "16.10"]
