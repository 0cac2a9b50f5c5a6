"""Adding and editing implementation actions from a recommendation's workspace page."""

from datetime import date
from decimal import Decimal

import pytest

from recommendations.models import ImplementationAction

pytestmark = pytest.mark.django_db


def new_action_url(recommendation):
    return f"/workspace/recommendations/{recommendation.pk}/actions/new/"


VALID = {
    "title": "Training of judges on the moratorium",
    "description": "Two seminars with OHCHR.",
    "start_date": "2024-02-01",
    "end_date": "2024-06-30",
    "status": "ongoing",
    "budget_amount": "12500.50",
    "budget_currency": "usd",
    "evidence_url": "https://example.org/seminar",
}


def test_officer_records_an_action_that_serves_the_recommendation(world):
    client = world.client("justice")

    response = client.post(new_action_url(world.justice_recommendation), VALID)

    assert response.status_code == 302
    assert response["Location"] == f"/workspace/recommendations/{world.justice_recommendation.pk}/"
    action = ImplementationAction.objects.get(title=VALID["title"])
    assert action.institution == world.justice_ministry
    assert action.created_by == world.users["justice"]
    assert list(action.recommendations.all()) == [world.justice_recommendation]
    assert (action.start_date, action.end_date) == (date(2024, 2, 1), date(2024, 6, 30))
    assert (action.budget_amount, action.budget_currency) == (Decimal("12500.50"), "USD")
    assert {record.history_user for record in action.history.all()} == {world.users["justice"]}
    page = client.get(response["Location"]).content.decode()
    assert "The action “Training of judges on the moratorium” was recorded." in page


def test_a_supporting_institution_may_record_actions_too(world):
    response = world.client("justice").post(new_action_url(world.shared_recommendation), VALID)

    assert response.status_code == 302
    assert (
        ImplementationAction.objects.get(title=VALID["title"]).institution == world.justice_ministry
    )


def test_a_coordinators_action_belongs_to_the_lead_institution(world):
    world.client("coordinator").post(new_action_url(world.shared_recommendation), VALID)

    assert (
        ImplementationAction.objects.get(title=VALID["title"]).institution
        == world.interior_ministry
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end_date": "2023-01-01"}, "end_date", "The end date cannot be before the start date."),
        ({"budget_currency": ""}, "budget_currency", "Say in which currency the budget is."),
        ({"budget_currency": "U$D"}, "budget_currency", "A currency is three letters"),
        ({"budget_amount": "-5"}, "budget_amount", "A budget cannot be negative."),
        ({"budget_amount": ""}, "budget_amount", "Give the amount, or leave the currency empty."),
        ({"title": ""}, "title", "This field is required."),
        ({"evidence_url": "not a link"}, "evidence_url", "Enter a valid URL."),
    ],
)
def test_a_form_with_errors_says_what_is_wrong_and_keeps_what_was_typed(
    world, changes, field, message
):
    response = world.client("justice").post(
        new_action_url(world.justice_recommendation), {**VALID, **changes}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert "Please correct what is marked below" in html
    assert "Two seminars with OHCHR." in html
    if field != "title":
        assert 'value="Training of judges on the moratorium"' in html
    assert not ImplementationAction.objects.filter(description="Two seminars with OHCHR.").exists()


def test_officer_edits_their_institutions_action(world):
    url = (
        f"/workspace/recommendations/{world.justice_recommendation.pk}"
        f"/actions/{world.justice_action.pk}/edit/"
    )
    form = world.client("justice").get(url)

    response = world.client("justice").post(
        url, {**VALID, "title": "Moratorium bill submitted", "status": "completed"}
    )

    assert form.context["form"].initial["title"] == "Draft law on the moratorium"
    assert response.status_code == 302
    world.justice_action.refresh_from_db()
    assert world.justice_action.title == "Moratorium bill submitted"
    assert world.justice_action.status == "completed"
    first = world.justice_action.history.earliest()
    last = world.justice_action.history.latest()
    assert first.title == "Draft law on the moratorium"
    assert last.title == "Moratorium bill submitted"
    assert last.history_user == world.users["justice"]


def test_the_action_form_is_readable_and_labelled(world):
    html = (
        world.client("justice").get(new_action_url(world.justice_recommendation)).content.decode()
    )

    for label in ["Title", "Description", "Start date", "End date", "Budget", "Currency"]:
        assert f">{label}" in html
    assert 'enctype="multipart/form-data"' in html
    assert "PDF, DOC, DOCX" in html
