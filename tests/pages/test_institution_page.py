"""One institution's page: what it leads or supports, how far it got, what is
overdue, its actions and its engagements."""

import re

import pytest
from django.urls import reverse

from recommendations.models import Recommendation
from recommendations.selectors import measure, measure_by, overdue_recommendations
from recommendations.views.querysets import longest_overdue_first
from tests.factories import (
    ImplementationActionFactory,
    RecommendationFactory,
    ResponsibilityFactory,
)
from tests.pages.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db


def page_of(institution):
    return reverse("institution-detail", args=[institution.pk])


def test_its_figures_are_the_measure_of_what_it_leads_or_supports(log_in, world, justice):
    page = log_in("adviser").get(page_of(justice))

    responsible = Recommendation.objects.filter(institutions=justice)
    assert page.context["measure"] == measure(responsible)
    assert page.context["measure"].total == 5  # leads four, supports 97.1
    assert page.context["leading"] == measure(
        Recommendation.objects.filter(
            responsibilities__institution=justice, responsibilities__role="lead"
        )
    )
    html = page.content.decode()
    per_review = measure_by(responsible, "review")
    assert page.context["per_review"] == per_review
    assert len(per_review) == 2
    for group in per_review:  # a row per review: its name and how many it is responsible for
        row = re.search(
            rf'review={group.key}">{re.escape(group.label)}</a></th>\s*'
            rf'<td class="number" data-label="Recommendations">(\d+)</td>',
            html,
        )
        assert row and int(row[1]) == group.measure.total, group.label
    assert f'href="{reverse("recommendation-list")}?institution={justice.pk}"' in html


def test_it_lists_its_overdue_recommendations(log_in, world, justice, settings):
    settings.UPR_OVERDUE_MONTHS = 12

    page = log_in("adviser").get(page_of(justice))

    overdue = longest_overdue_first(
        overdue_recommendations(Recommendation.objects.filter(institutions=justice))
    )
    assert page.context["overdue_count"] == overdue.count() == 3
    assert [r.reference for r in page.context["overdue"]] == [r.reference for r in overdue]
    assert "3 supported recommendations not implemented have had no validated progress" in (
        text_of(page)
    )


def test_it_lists_its_actions_and_engagements_with_its_part_in_them(
    log_in, world, interior, justice
):
    interior_page = text_of(log_in("adviser").get(page_of(interior)))
    justice_page = text_of(log_in("adviser").get(page_of(justice)))
    undp_page = text_of(log_in("adviser").get(page_of(world.engagements["undp"])))

    assert "Law on trafficking" in interior_page
    assert "Visit of the Special Rapporteur on trafficking May 2009 · participant" in interior_page
    assert "Seminar on the death penalty 12 Oct 2015 · organiser" in justice_page
    assert "Seminar on the death penalty 12 Oct 2015 · funder" in undp_page
    assert "No recommendation is assigned to this institution." in undp_page


def test_the_page_runs_the_same_queries_however_much_it_is_responsible_for(log_in, world, justice):
    client = log_in("adviser")
    few = count_queries(client, page_of(justice))
    for recommendation in RecommendationFactory.create_batch(30, review=world.first):
        ResponsibilityFactory(recommendation=recommendation, institution=justice)
    for action in ImplementationActionFactory.create_batch(5, institution=justice):
        action.recommendations.add(recommendation)

    # Both counted on a second request (the first after a change counts the figures anew).
    assert count_queries(client, page_of(justice)) <= few
