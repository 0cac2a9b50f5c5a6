"""The demo's engagements link the recommendations they answered, as the seeds tell
it: the trafficking rapporteur's visit the trafficking recommendations, each treaty-body
report the recommendations on its treaty's subject and on reporting to the treaty
bodies, OHCHR's seminar those on the UPR and treaty-body reporting. Only those about
the second cycle (whose recommendations are not in the data set) link none."""

from datetime import date

import pytest

from missions.models import Engagement

pytestmark = pytest.mark.django_db

SECOND_CYCLE = {
    "Mission of Belarusian senior officials to Washington D.C. on human rights and the rule of law",
    "Second US–Belarus Working Group for Democracy and Human Rights",
    "Senior Human Rights Adviser to the UN Country Team in Belarus",
}


def references(engagement) -> set[str]:
    return set(engagement.recommendations.values_list("reference", flat=True))


def test_every_engagement_about_the_first_cycle_links_its_recommendations(demo):
    unlinked = set(
        Engagement.objects.filter(recommendations__isnull=True).values_list("title", flat=True)
    )

    assert unlinked == SECOND_CYCLE
    assert Engagement.objects.filter(recommendations__isnull=False).distinct().count() == (
        Engagement.objects.count() - len(SECOND_CYCLE)
    )


@pytest.mark.parametrize(
    "title, start, linked, not_linked",
    [
        (
            "Visit of the Special Rapporteur on trafficking in persons, especially women "
            "and children",
            date(2009, 5, 1),
            {"97.25", "97.26", "97.27", "97.54"},
            {"97.30"},
        ),
        (
            "Fifth periodic report to the Committee against Torture",
            date(2009, 12, 1),
            {"97.28", "98.21", "98.22", "97.12"},
            {"97.27"},
        ),
        (
            "Seventh periodic report to the Committee on the Elimination of Discrimination "
            "against Women",
            date(2011, 1, 1),
            {"97.5", "97.42", "98.15", "97.12"},
            {"97.28"},
        ),
        (
            "Three reports to the Committee on the Rights of the Child",
            date(2011, 1, 1),
            {"97.7", "97.33", "98.24"},
            {"97.42"},
        ),
        (
            "OHCHR training seminar on the Universal Periodic Review and treaty body reporting",
            date(2010, 7, 1),
            {"97.19", "97.41", "97.12", "97.14"},
            {"97.30"},
        ),
        ("OHCHR needs assessment visit", date(2009, 11, 1), {"97.19", "97.55"}, {"97.30"}),
    ],
)
def test_an_engagement_links_the_recommendations_it_answered(
    demo, title, start, linked, not_linked
):
    engagement = Engagement.objects.get(title=title, start_date=start)

    assert linked <= references(engagement)
    assert not (not_linked & references(engagement))


def test_the_engagement_and_the_recommendation_pages_show_each_other(demo, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="adviser"))
    seminar = Engagement.objects.get(title__startswith="OHCHR training seminar")
    recommendation = seminar.recommendations.get(reference="97.19")

    engagement_page = client.get(f"/engagements/{seminar.pk}/").content.decode()
    recommendation_page = client.get(f"/recommendations/{recommendation.pk}/").content.decode()

    assert f'href="/recommendations/{recommendation.pk}/"' in engagement_page
    assert f'href="/engagements/{seminar.pk}/"' in recommendation_page
