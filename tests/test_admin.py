"""The admin, as a coordinator uses it: every model's list and form open, with history."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from missions.models import Engagement
from recommendations.models import (
    AffectedGroup,
    ImplementationAction,
    Institution,
    Mechanism,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
    SdgGoal,
    State,
    Theme,
)

pytestmark = pytest.mark.django_db

MODELS = [
    State,
    Mechanism,
    ReviewCycle,
    Recommendation,
    Theme,
    AffectedGroup,
    SdgGoal,
    Institution,
    ImplementationAction,
    ProgressUpdate,
    Engagement,
]


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def coordinator_client(client, demo):
    client.login(username="coordinator", password="demo password for tests")
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_coordinator_opens_the_list_the_form_and_an_objects_history(coordinator_client, model):
    listing = coordinator_client.get(admin_url(model, "changelist"))
    adding = coordinator_client.get(admin_url(model, "add"))
    example = model.objects.order_by("pk").first()
    change = coordinator_client.get(admin_url(model, "change", example.pk))

    assert listing.status_code == 200
    assert adding.status_code == 200
    assert change.status_code == 200
    # Escaped as the page writes it ("Women&#x27;s rights").
    shown = escape(str(example))
    assert shown in listing.content.decode() or model in (SdgGoal, ProgressUpdate)


def test_recommendation_list_searches_and_filters(coordinator_client):
    url = admin_url(Recommendation, "changelist")

    by_text = coordinator_client.get(url, {"q": "death penalty"})
    by_position = coordinator_client.get(url, {"position__exact": "noted"})

    assert by_text.status_code == 200
    assert (
        by_text.context["cl"].result_count
        == Recommendation.objects.filter(text__icontains="death penalty").count()
    )
    assert by_position.context["cl"].result_count == 19


def test_recommendation_form_shows_its_progress_updates_and_actions(coordinator_client):
    recommendation = Recommendation.objects.filter(progress_updates__isnull=False).first()

    page = coordinator_client.get(admin_url(Recommendation, "change", recommendation.pk))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Progress updates" in html
    assert "implementation actions" in html.lower()


def test_an_edit_is_kept_in_the_history(coordinator_client):
    recommendation = Recommendation.objects.get(reference="98.1")
    recommendation.position = "partially_supported"
    recommendation.position_explanation = "Accepted in part, as the government reports."
    recommendation.save()

    page = coordinator_client.get(admin_url(Recommendation, "history", recommendation.pk))

    assert page.status_code == 200
    records = recommendation.history.order_by("history_date")
    assert [record.position for record in records][-2:] == ["noted", "partially_supported"]
    assert "partially_supported" in page.content.decode()


def test_a_ministry_officer_is_kept_out_of_the_admin(client, demo):
    client.login(username="justice", password="demo password for tests")

    response = client.get(admin_url(Recommendation, "changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_recommendation_list_runs_a_bounded_number_of_queries(
    coordinator_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        coordinator_client.get(admin_url(Recommendation, "changelist"))
