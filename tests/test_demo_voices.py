"""The demo shows the public face, the independent voices and saved views at once: the
first cycle published and the second not, a contributor's published assessment that
disagrees with the official status (and one waiting), and a view shared with everyone."""

import pytest
from django.test import Client

from recommendations.models import IndependentAssessment, ReviewCycle
from recommendations.selectors import with_current_status
from workspace.models import SavedView

pytestmark = pytest.mark.django_db

Moderation = IndependentAssessment.ModerationState


def test_the_first_cycle_is_published_and_the_second_is_not(demo):
    first, second = ReviewCycle.objects.order_by("cycle")

    assert first.is_published
    assert second.published_from is None


def test_an_ngos_published_assessment_disagrees_with_the_official_status(demo):
    published = IndependentAssessment.objects.get(moderation_state=Moderation.PUBLISHED)
    official = with_current_status(
        type(published.recommendation).objects.filter(pk=published.recommendation_id)
    ).get()

    assert published.organisation.name == "La Strada Belarus"
    assert published.status != official.current_status
    assert published.narrative.startswith("Demo assessment")
    assert IndependentAssessment.objects.filter(moderation_state=Moderation.SUBMITTED).exists()


def test_an_anonymous_visitor_sees_the_disagreement_on_the_dashboard(demo):
    page = Client().get("/").content.decode()

    assert "Where independent assessments disagree with the official status" in page


def test_the_contributor_logs_in_to_its_assessments(demo):
    client = Client()

    assert client.login(username="ngo", password="demo password for tests")
    assert "La Strada Belarus" in client.get("/workspace/assessments/").content.decode()


def test_a_saved_view_is_shared_with_everyone(demo):
    view = SavedView.objects.get()

    assert view.shared
    assert view.owner.username == "coordinator"
