"""The admin is a door too: coordinators publish or decline assessments, approve or
reject comments and publish reviews there through the same services; advisers read the
published assessments and approved comments only, without an address, and decide
nothing; contributors stay out."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from recommendations.models import IndependentAssessment, PublicComment, ReviewCycle

from .conftest import assessment

pytestmark = pytest.mark.django_db

Moderation = IndependentAssessment.ModerationState
ASSESSMENTS = reverse("admin:recommendations_independentassessment_changelist")
COMMENTS = reverse("admin:recommendations_publiccomment_changelist")
REVIEWS = reverse("admin:recommendations_reviewcycle_changelist")


def test_a_coordinator_publishes_assessments_with_the_admins_action(voices, clients):
    waiting = assessment(voices)

    clients["coordinator"].post(
        ASSESSMENTS, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [waiting.pk]}
    )

    waiting.refresh_from_db()
    assert waiting.moderation_state == Moderation.PUBLISHED
    assert waiting.decided_by == voices.users["coordinator"]


def test_declining_in_the_admin_asks_for_a_reason_first(voices, clients):
    waiting = assessment(voices)
    chosen = {"action": "decline_selected", ACTION_CHECKBOX_NAME: [waiting.pk]}

    asked = clients["coordinator"].post(ASSESSMENTS, chosen)
    waiting.refresh_from_db()
    assert asked.status_code == 200 and waiting.moderation_state == Moderation.SUBMITTED

    clients["coordinator"].post(ASSESSMENTS, {**chosen, "confirm": "yes", "reason": "No source"})
    waiting.refresh_from_db()
    assert (waiting.moderation_state, waiting.decline_reason) == (Moderation.DECLINED, "No source")


def test_an_adviser_reads_only_published_assessments_and_decides_nothing(voices, clients):
    assessment(voices, narrative="WAITING-ONE")
    published = assessment(voices, Moderation.PUBLISHED, narrative="PUBLISHED-ONE")

    page = clients["adviser"].get(ASSESSMENTS)
    clients["adviser"].post(
        ASSESSMENTS, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [published.pk]}
    )

    assert page.status_code == 200
    listed = list(page.context["cl"].queryset)
    assert listed == [published]
    assert "publish_selected" not in page.content.decode()
    assert IndependentAssessment.objects.filter(moderation_state=Moderation.SUBMITTED).count() == 1


def test_an_adviser_reads_approved_comments_without_their_address(voices, clients):
    approved = PublicComment.objects.create(
        recommendation=voices.recommendation,
        name="Olga",
        email="olga@example.org",
        comment="Approved",
        moderation_state=PublicComment.ModerationState.APPROVED,
    )
    PublicComment.objects.create(
        recommendation=voices.recommendation, name="Ivan", email="i@example.org", comment="x"
    )
    url = reverse("admin:recommendations_publiccomment_change", args=[approved.pk])

    listed = list(clients["adviser"].get(COMMENTS).context["cl"].queryset)
    page = clients["adviser"].get(url).content.decode()

    assert listed == [approved]
    assert "olga@example.org" not in page


def test_a_coordinator_approves_comments_with_the_admins_action(voices, clients):
    waiting = PublicComment.objects.create(
        recommendation=voices.recommendation, name="Ivan", email="i@example.org", comment="x"
    )

    clients["coordinator"].post(
        COMMENTS, {"action": "approve_selected", ACTION_CHECKBOX_NAME: [waiting.pk]}
    )

    waiting.refresh_from_db()
    assert waiting.moderation_state == PublicComment.ModerationState.APPROVED


def test_a_coordinator_publishes_and_unpublishes_reviews_with_the_admins_actions(voices, clients):
    coordinator = clients["coordinator"]

    coordinator.post(
        REVIEWS, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [voices.unpublished.pk]}
    )
    assert ReviewCycle.objects.get(pk=voices.unpublished.pk).is_published

    coordinator.post(
        REVIEWS, {"action": "unpublish_selected", ACTION_CHECKBOX_NAME: [voices.unpublished.pk]}
    )
    assert ReviewCycle.objects.get(pk=voices.unpublished.pk).published_from is None


def test_the_review_form_does_not_change_its_publication(voices, clients):
    url = reverse("admin:recommendations_reviewcycle_change", args=[voices.unpublished.pk])

    page = clients["coordinator"].get(url)

    assert 'name="published_from"' not in page.content.decode()


def test_a_contributor_stays_out_of_the_admin(voices, clients):
    response = clients["contributor"].get(ASSESSMENTS)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
