"""Sources are cited as what they are (author or publisher, title, date, symbol, public
address) from fields of their own, wherever a page or download names one."""

import pytest
from django.urls import reverse

from recommendations.models import Source
from tests.exporting.spreadsheets import csv_rows


@pytest.fixture
def report():
    return Source.objects.create(
        title="Human dimension activities",
        publisher="OSCE Office in Minsk",
        published="2009",
        url="https://www.osce.org/minsk/44216",
    )


def test_a_citation_names_each_part_of_the_source():
    source = Source(
        title="Report of the Working Group on the Universal Periodic Review: Belarus",
        publisher="Human Rights Council",
        published="15 June 2010",
        document_symbol="A/HRC/15/16",
    )

    assert source.citation == (
        "Human Rights Council, “Report of the Working Group on the Universal Periodic "
        "Review: Belarus”, 15 June 2010, A/HRC/15/16"
    )
    assert Source(title="[A statement without a title]", publisher="UN").citation == (
        "UN, [A statement without a title]"
    )


def test_an_engagement_page_cites_its_source_with_its_address(log_in, world, report):
    engagement = world.engagements["visit"]
    engagement.source = report
    engagement.save()

    html = log_in("adviser").get(reverse("engagement-detail", args=[engagement.pk]))

    text = html.content.decode()
    assert "OSCE Office in Minsk, <cite>Human dimension activities</cite>, 2009" in text
    assert '<a href="https://www.osce.org/minsk/44216"' in text


def test_the_dashboard_cites_where_the_government_gives_its_count(log_in, world, report):
    world.first.government_reported_supported = 5
    world.first.government_reported_source = report
    world.first.save()

    html = log_in("adviser").get(reverse("dashboard")).content.decode()

    assert "The government reports 5 of 5 accepted;" in html
    assert (
        'The government\'s count: <span class="citation">OSCE Office in Minsk, '
        "<cite>Human dimension activities</cite>, 2009" in html
    )


def test_an_action_cites_its_source_on_the_recommendation_page(log_in, world, report):
    recommendation = world.recommendations["97.1"]
    action = recommendation.actions.get()
    action.source = report
    action.save()

    html = log_in("adviser").get(reverse("recommendation-detail", args=[recommendation.pk]))

    assert "<cite>Human dimension activities</cite>" in html.content.decode()


def test_the_engagement_download_cites_the_source_in_full(log_in, world, report):
    world.engagements["visit"].source = report
    world.engagements["visit"].save()

    header, *rows = csv_rows(log_in("adviser").get(reverse("engagement-export")))

    sources = {row[header.index("Title")]: row[header.index("Source")] for row in rows}
    assert sources[world.engagements["visit"].title] == report.citation
    assert sources[world.engagements["seminar"].title] == ""
