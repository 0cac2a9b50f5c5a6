"""One recommendation: text, position, responsibilities, the status history each
reader may see, the actions, the engagements and the repeats across cycles."""

import pytest
from django.urls import reverse

from tests.factories import ImplementationActionFactory, ProgressUpdateFactory
from tests.pages.helpers import count_queries, text_of
from tests.world import publish_every_review

pytestmark = pytest.mark.django_db


def detail(world, reference):
    return reverse("recommendation-detail", args=[world.recommendations[reference].pk])


def test_it_shows_the_text_position_review_and_vocabularies(log_in, world):
    page = log_in("adviser").get(detail(world, "97.1"))

    text = text_of(page)
    assert "Recommendation 97.1" in text
    assert "Combat trafficking in persons" in text
    assert "Belarus — UPR cycle 1 (2010)" in text
    assert "Position Supported" in text
    assert "Recommended by Canada , France" in text
    assert "Themes Trafficking" in text
    assert "Affected groups Women" in text
    html = page.content.decode()
    assert f'href="{reverse("recommendation-list")}?theme=trafficking"' in html


def test_it_links_lead_and_supporting_institutions_to_their_pages(log_in, world, justice, interior):
    page = log_in("adviser").get(detail(world, "97.1"))

    assert [r.institution for r in page.context["leads"]] == [interior]
    assert [r.institution for r in page.context["supporting"]] == [justice]
    html = page.content.decode()
    assert f'<a href="/institutions/{interior.pk}/">Ministry of Internal Affairs (MIA)</a>' in html
    assert f'<a href="/institutions/{justice.pk}/">Ministry of Justice (MoJ)</a>' in html


def test_the_status_history_is_a_timeline_newest_first(log_in, world):
    page = log_in("adviser").get(detail(world, "97.1"))

    assert [u.status for u in page.context["history"]] == ["implemented", "in_progress"]
    text = text_of(page)
    assert "1 Mar 2013 : Implemented" in text
    assert "Law adopted." in text
    assert "Assessed by Ministry of Internal Affairs (MIA)" in text
    assert "source: government" in text


@pytest.mark.parametrize(
    ("role", "sees_draft"),
    [
        ("coordinator", True),
        ("justice", True),
        ("interior", False),
        ("adviser", False),
        ("partner", False),
    ],
)
def test_a_draft_is_seen_by_its_institution_and_coordinators_only(log_in, world, role, sees_draft):
    page = log_in(role).get(detail(world, "97.3"))

    assert ("Justice's draft." in text_of(page)) is sees_draft
    assert ("Draft, not yet counted" in text_of(page)) is sees_draft
    assert "Not started" in text_of(page)  # the current status ignores the draft


def test_anonymous_readers_of_a_published_review_see_validated_updates_only(client, world):
    publish_every_review()

    draft = client.get(detail(world, "97.3"))
    submitted = client.get(detail(world, "97.4"))
    validated = client.get(detail(world, "97.1"))

    assert "Justice's draft." not in text_of(draft)
    assert "Submitted claim." not in text_of(submitted)
    assert "Law adopted." in text_of(validated)


def test_a_submitted_update_shows_to_its_institution_as_waiting(log_in, world):
    text = text_of(log_in("justice").get(detail(world, "97.4")))

    assert "Submitted claim." in text
    assert "Submitted, not yet counted" in text


def test_author_names_are_shown_to_logged_in_readers_only(client, log_in, world, users):
    publish_every_review()
    update = world.recommendations["97.2"].progress_updates.get()
    update.author = users["interior"]
    update.save()

    assert "(interior)" in text_of(log_in("adviser").get(detail(world, "97.2")))
    client.logout()
    assert "(interior)" not in text_of(client.get(detail(world, "97.2")))


def test_it_lists_the_actions_with_institution_dates_status_budget_and_evidence(log_in, world):
    text = text_of(log_in("adviser").get(detail(world, "97.1")))
    html = log_in("adviser").get(detail(world, "97.1")).content.decode()

    assert "Law on trafficking" in text
    assert "1 Jan 2011 – 31 Dec 2012" in text
    assert "Completed" in text
    assert "15,000 USD" in text
    assert '<a href="https://example.org/law" rel="noopener noreferrer">' in html


def test_it_lists_the_linked_engagements(log_in, world):
    page = log_in("adviser").get(detail(world, "97.1"))

    assert "Visit of the Special Rapporteur on trafficking" in text_of(page)
    engagement = world.engagements["visit"]
    assert reverse("engagement-detail", args=[engagement.pk]) in page.content.decode()
    assert "May 2009" in text_of(page)


def test_it_links_the_recommendation_it_repeats_and_those_that_repeat_it(log_in, world):
    earlier = log_in("adviser").get(detail(world, "97.3"))
    later = log_in("adviser").get(detail(world, "110.1"))

    assert "Repeated by 110.1 of Belarus — UPR cycle 2 (2015)" in text_of(earlier)
    assert f'href="{detail(world, "110.1")}"' in earlier.content.decode()
    assert "Repeats 97.3 of Belarus — UPR cycle 1 (2010)" in text_of(later)
    assert f'href="{detail(world, "97.3")}"' in later.content.decode()


def test_a_recommendation_without_updates_says_it_counts_as_not_started(log_in, world):
    text = text_of(log_in("adviser").get(detail(world, "9")))

    assert "No progress update yet: the measure counts it as not started." in text
    assert "No implementation action recorded." in text
    assert "No engagement linked." in text


def test_the_page_runs_the_same_queries_with_one_or_many_updates_and_actions(
    log_in, world, django_assert_max_num_queries
):
    client = log_in("justice")
    url = detail(world, "97.2")
    few = count_queries(client, url)
    recommendation = world.recommendations["97.2"]
    ProgressUpdateFactory.create_batch(5, recommendation=recommendation)
    for action in ImplementationActionFactory.create_batch(4):
        action.recommendations.add(recommendation)

    with django_assert_max_num_queries(few):
        client.get(url)
    # a query per relation shown (SDG goals and targets, independent assessments and
    # comments included) and the header's saved views
    assert few <= 19


@pytest.mark.parametrize(
    ("role", "offered"),
    [("interior", True), ("coordinator", True), ("justice", False), ("adviser", False)],
)
def test_those_who_may_report_on_it_are_sent_to_the_workspace(log_in, world, role, offered):
    html = log_in(role).get(detail(world, "97.2")).content.decode()

    workspace = reverse("workspace:recommendation", args=[world.recommendations["97.2"].pk])
    assert (f'href="{workspace}"' in html) is offered


def test_evidence_files_link_to_the_workspace_s_guarded_download(log_in, world):
    update = world.recommendations["97.2"].progress_updates.get()
    update.evidence_file.name = "evidence/updates/2012/report.pdf"
    update.save()

    html = log_in("adviser").get(detail(world, "97.2")).content.decode()

    link = reverse("workspace:evidence", args=["update", update.pk])
    assert f'<a href="{link}">report.pdf</a>' in html


def test_a_recommendation_supported_in_part_says_what_was_accepted_and_what_noted(log_in, world):
    recommendation = world.recommendations["97.4"]
    recommendation.position = "partially_supported"
    recommendation.accepted_part = "Sign and ratify the Convention"
    recommendation.noted_part = "its Optional Protocol"
    recommendation.save()

    html = log_in("adviser").get(reverse("recommendation-detail", args=[recommendation.pk]))

    text = html.content.decode()
    assert "Supported in part" in text
    assert "<li>Accepted: “Sign and ratify the Convention”</li>" in text
    assert "<li>Noted: “its Optional Protocol”</li>" in text


def test_the_action_category_says_what_upr_infos_scale_means(log_in, world):
    recommendation = world.recommendations["97.1"]
    recommendation.action_category = 4
    recommendation.save()

    html = log_in("adviser").get(reverse("recommendation-detail", args=[recommendation.pk]))

    text = html.content.decode()
    assert "4 of 5: general action, asks for action in general terms" in text
    assert "What the scale means" in text
    for name in ("Minimal action", "Continuing action", "Considering action", "Specific action"):
        assert name in text
    assert "says nothing about how far it is implemented" in text
