"""My recommendations: what a ministry officer's institution answers for, by review,
with the current status, the last update, what is overdue and what was returned."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recommendations.models import ProgressUpdate, Status
from tests.factories import ReviewCycleFactory

from .conftest import ministry_recommendation, update

pytestmark = pytest.mark.django_db
State = ProgressUpdate.WorkflowState


def rows(response):
    return {
        recommendation.reference: recommendation
        for recommendation in response.context["recommendations"]
    }


def test_officer_sees_what_their_institution_leads_or_supports_and_nothing_else(world):
    response = world.client("justice").get("/workspace/")

    assert response.status_code == 200
    listed = rows(response)
    assert set(listed) == {"97.1", "97.3"}
    assert listed["97.1"].our_role == "lead"
    assert listed["97.3"].our_role == "supporting"
    html = response.content.decode()
    assert "Abolish the death penalty" in html
    assert "Investigate allegations of torture" not in html


def test_the_list_shows_the_current_status_from_validated_updates_only(world):
    response = world.client("justice").get("/workspace/")

    listed = rows(response)
    # Justice's draft (in progress, 2024) does not count; its validated update does.
    assert listed["97.1"].current_status == Status.IN_PROGRESS
    assert listed["97.1"].last_validated_on == date(2012, 5, 1)
    assert listed["97.3"].current_status == Status.NOT_STARTED


def test_the_last_update_is_the_latest_one_the_officer_may_see(world):
    response = world.client("justice").get("/workspace/")

    listed = rows(response)
    # The validated update was recorded after the draft.
    assert listed["97.1"].last_update_state == State.VALIDATED
    assert '1 May 2012 <span class="meta">(validated)</span>' in response.content.decode()
    # Interior's draft on the shared recommendation is not Justice's to see.
    assert listed["97.3"].last_update_state is None
    assert "Interior&#x27;s draft" not in response.content.decode()


def test_overdue_recommendations_are_flagged_and_can_be_shown_alone(world, settings):
    settings.UPR_OVERDUE_MONTHS = 12

    everything = world.client("justice").get("/workspace/")
    overdue_only = world.client("justice").get("/workspace/?show=overdue")

    # Both have had no validated assessment for years.
    assert [r.is_overdue for r in everything.context["recommendations"]] == [True, True]
    assert everything.context["overdue_count"] == 2
    assert "Overdue" in everything.content.decode()
    assert set(rows(overdue_only)) == {"97.1", "97.3"}


def test_a_recently_validated_recommendation_is_not_overdue(world, settings):
    settings.UPR_OVERDUE_MONTHS = 12
    update(
        world.justice_recommendation,
        world.justice_ministry,
        State.VALIDATED,
        assessed_on=timezone.localdate(),
    )

    response = world.client("justice").get("/workspace/?show=overdue")

    assert set(rows(response)) == {"97.3"}


def test_recommendations_are_grouped_by_review(world):
    later_review = ReviewCycleFactory(
        state_under_review=world.justice_recommendation.review.state_under_review,
        cycle=2,
        review_date=date(2015, 5, 4),
    )
    ministry_recommendation(later_review, world.justice_ministry, "127.1")

    html = world.client("justice").get("/workspace/").content.decode()

    first, second = str(world.justice_recommendation.review), str(later_review)
    positions = [
        html.index(f"<h3>{first}</h3>"),
        html.index(">97.1</a></th>"),
        html.index(f"<h3>{second}</h3>"),
        html.index(">127.1</a></th>"),
    ]
    assert positions == sorted(positions)


def test_returned_updates_are_shown_first_with_the_coordinators_comment(world):
    returned = update(
        world.justice_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Cite the number of the draft law.",
        reviewed_at=timezone.now(),
        reviewed_by=world.users["coordinator"],
    )

    response = world.client("justice").get("/workspace/")

    html = response.content.decode()
    assert response.context["returned"] == [returned]
    assert "Returned to you for correction (1)" in html
    assert "Cite the number of the draft law." in html
    assert f"/workspace/updates/{returned.pk}/edit/" in html
    assert html.index("Returned to you") < html.index("Abolish the death penalty")


def test_interior_never_sees_justices_drafts_or_returned_updates(world):
    update(
        world.shared_recommendation,
        world.justice_ministry,
        State.RETURNED,
        reviewer_comment="Justice only",
        reviewed_at=timezone.now(),
    )

    response = world.client("interior").get("/workspace/")

    html = response.content.decode()
    assert set(rows(response)) == {"97.2", "97.3"}
    assert response.context["returned"] == []
    assert response.context["drafts"] == [world.interior_draft]
    assert "Justice only" not in html
    assert "bill prepared" not in html


def test_an_institution_without_recommendations_gets_an_explanation(world):
    world.justice_recommendation.responsibilities.all().delete()
    world.shared_recommendation.responsibilities.filter(institution=world.justice_ministry).delete()

    response = world.client("justice").get("/workspace/")

    assert response.context["recommendations"] == []
    assert "No recommendation is assigned to the Ministry of Justice" in response.content.decode()


def test_the_query_count_does_not_grow_with_the_recommendations(world):
    client = world.client("justice")
    with CaptureQueriesContext(connection) as with_three:
        client.get("/workspace/")
    review = world.justice_recommendation.review
    for number in range(2, 22):
        recommendation = ministry_recommendation(review, world.justice_ministry, f"98.{number}")
        update(recommendation, world.justice_ministry, State.VALIDATED)
        update(recommendation, world.justice_ministry, State.RETURNED, reviewer_comment="Fix")
        update(recommendation, world.justice_ministry, State.DRAFT)

    with CaptureQueriesContext(connection) as with_many:
        response = client.get("/workspace/")

    assert len(response.context["recommendations"]) == 22
    assert len(response.context["returned"]) == 20
    assert len(with_many) == len(with_three)
