"""The engagement timeline (by year, newest first, filterable by kind, year,
institution, mechanism and state concerned) and one engagement's page."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import EngagementFactory, InstitutionFactory
from tests.pages.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

TIMELINE = "/engagements/"


def titles(response):
    return [engagement.title for engagement in response.context["engagements"]]


def test_the_timeline_groups_engagements_by_year_newest_first(log_in, world):
    EngagementFactory(title="Report to CEDAW", kind="periodic_report", start_date=date(2015, 3, 1))

    page = log_in("adviser").get(TIMELINE)

    assert reverse("engagement-list") == TIMELINE
    assert titles(page) == [
        "Seminar on the death penalty",
        "Report to CEDAW",
        "Visit of the Special Rapporteur on trafficking",
    ]
    html = page.content.decode()
    assert html.index('<h2 id="year-2015">2015</h2>') < html.index('<h2 id="year-2009">2009</h2>')
    assert "May 2009 · Country visit by a special procedure" in text_of(page)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=training", ["Seminar on the death penalty"]),
        ("year=2009", ["Visit of the Special Rapporteur on trafficking"]),
        ("mechanism=UPR", ["Seminar on the death penalty"]),
        ("kind=training&year=2009", []),
        (
            "kind=training&kind=country_visit&year=",
            [
                "Seminar on the death penalty",
                "Visit of the Special Rapporteur on trafficking",
            ],
        ),
    ],
)
def test_the_timeline_filters(log_in, world, query, expected):
    assert titles(log_in("adviser").get(f"{TIMELINE}?{query}")) == expected


@pytest.mark.parametrize(
    ("institution", "expected"),
    [
        ("justice", ["Seminar on the death penalty"]),  # organiser
        ("undp", ["Seminar on the death penalty"]),  # funder
        ("interior", ["Visit of the Special Rapporteur on trafficking"]),  # participant
    ],
)
def test_an_institution_is_found_as_organiser_funder_or_participant(
    log_in, world, justice, interior, institution, expected
):
    institutions = {"justice": justice, "interior": interior, "undp": world.engagements["undp"]}

    page = log_in("adviser").get(TIMELINE, {"institution": institutions[institution].pk})

    assert titles(page) == expected


def test_the_filter_form_is_labelled_and_says_when_nothing_matches(log_in, world):
    page = log_in("adviser").get(TIMELINE, {"kind": "invitation"})

    html = page.content.decode()
    for name in ("kind", "year", "institution", "mechanism", "state_concerned"):
        assert f'<label for="id_{name}">' in html
    assert '<option value="2015">2015</option>' in html
    assert "No engagement matches these filters." in text_of(page)


def test_an_engagement_page_shows_who_what_and_the_linked_recommendations(log_in, world, interior):
    visit = world.engagements["visit"]

    page = log_in("adviser").get(reverse("engagement-detail", args=[visit.pk]))

    text = text_of(page)
    assert "Visit of the Special Rapporteur on trafficking" in text
    assert "Country visit by a special procedure · May 2009" in text
    assert "Participants Ministry of Internal Affairs" in text
    assert "A report with recommendations." in text
    assert "97.1 Belarus — UPR cycle 1 (2010) Implemented" in text
    html = page.content.decode()
    assert f'href="{reverse("institution-detail", args=[interior.pk])}"' in html
    recommendation = world.recommendations["97.1"]
    assert f'href="{reverse("recommendation-detail", args=[recommendation.pk])}"' in html


def test_an_engagement_page_shows_organisers_funders_and_budget(log_in, world):
    seminar = world.engagements["seminar"]
    seminar.budget_amount = 823000
    seminar.budget_currency = "USD"
    seminar.budget_period = "per year"
    seminar.save()

    text = text_of(log_in("adviser").get(reverse("engagement-detail", args=[seminar.pk])))

    assert "Organisers Ministry of Justice" in text
    assert "Funders United Nations Development Programme" in text
    assert "Budget 823,000 USD per year" in text
    assert "No recommendation linked." in text


def test_the_timeline_runs_the_same_queries_with_one_or_many_engagements(
    log_in, world, django_assert_max_num_queries
):
    client = log_in("adviser")
    few = count_queries(client, TIMELINE)
    donor = InstitutionFactory(name="A donor")
    for engagement in EngagementFactory.create_batch(12):
        engagement.organisers.add(donor)
        engagement.funders.add(donor)

    with django_assert_max_num_queries(few):
        client.get(TIMELINE)


def test_an_engagement_page_runs_the_same_queries_however_many_are_linked(
    log_in, world, django_assert_max_num_queries
):
    client = log_in("adviser")
    url = reverse("engagement-detail", args=[world.engagements["visit"].pk])
    few = count_queries(client, url)
    world.engagements["visit"].recommendations.add(*world.recommendations.values())
    world.engagements["visit"].organisers.add(*InstitutionFactory.create_batch(3))

    with django_assert_max_num_queries(few):
        client.get(url)
