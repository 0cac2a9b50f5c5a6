"""An action's indicators in the workspace: defined by the action's institution, their
values reported as drafts, submitted (which moves the next report date on), validated
or returned by coordinators in the validation queue, beside progress updates."""

from datetime import date

import pytest

from recommendations.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db
State = IndicatorValue.WorkflowState


def indicator_form(**values):
    form = {
        "name": "Court decisions published",
        "unit": "decisions",
        "baseline": "0",
        "target": "500",
        "frequency": "quarterly",
        "next_report_date": "2031-03-31",
    }
    form.update(values)
    return form


def test_justice_adds_an_indicator_to_its_action(world):
    response = world.client("justice").post(
        f"/workspace/actions/{world.justice_action.pk}/indicators/new/",
        indicator_form(
            institution=world.justice_ministry.pk, responsible_person=world.users["justice"].pk
        ),
    )

    indicator = Indicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/indicators/{indicator.pk}/"
    assert (indicator.action, indicator.institution) == (
        world.justice_action,
        world.justice_ministry,
    )
    assert indicator.responsible_person == world.users["justice"]
    assert indicator.next_report_date == date(2031, 3, 31)
    assert indicator.history.get().history_user == world.users["justice"]


def test_the_person_responsible_must_be_of_the_responsible_institution(world):
    response = world.client("justice").post(
        f"/workspace/actions/{world.justice_action.pk}/indicators/new/",
        indicator_form(
            institution=world.justice_ministry.pk, responsible_person=world.users["interior"].pk
        ),
    )

    assert response.status_code == 200
    assert "The person responsible must be staff of the responsible institution." in (
        response.content.decode()
    )
    assert not Indicator.objects.exists()


def test_interior_cannot_add_an_indicator_to_a_justice_action(world):
    client = world.client("interior")
    url = f"/workspace/actions/{world.justice_action.pk}/indicators/new/"

    page = client.get(url)
    post = client.post(url, indicator_form(institution=world.interior_ministry.pk))

    assert (page.status_code, post.status_code) == (403, 403)
    assert not Indicator.objects.exists()


def test_justice_reports_and_submits_a_value_which_moves_the_next_report_date_a_year_on(
    world, plan
):
    response = world.client("justice").post(
        f"/workspace/indicators/{plan.indicator.pk}/values/new/",
        {"measured_on": "2014-12-31", "value": "95", "comment": "Two courses", "intent": "submit"},
    )

    assert response.status_code == 302
    value = IndicatorValue.objects.get(comment="Two courses")
    assert value.workflow_state == State.SUBMITTED
    assert (value.institution, value.author) == (world.justice_ministry, world.users["justice"])
    assert value.submitted_at is not None
    plan.indicator.refresh_from_db()
    assert plan.indicator.next_report_date == date(2031, 1, 31)


def test_a_draft_keeps_the_next_report_date(world, plan):
    world.client("justice").post(
        f"/workspace/indicators/{plan.indicator.pk}/values/new/",
        {"measured_on": "2014-12-31", "value": "95", "intent": "draft"},
    )

    assert IndicatorValue.objects.get(value=95).workflow_state == State.DRAFT
    plan.indicator.refresh_from_db()
    assert plan.indicator.next_report_date == date(2030, 1, 31)


def test_a_value_of_a_one_off_indicator_leaves_no_report_due(world, plan):
    plan.indicator.frequency = Indicator.Frequency.ONCE
    plan.indicator.save()

    world.client("justice").post(f"/workspace/values/{plan.draft.pk}/submit/")

    plan.indicator.refresh_from_db()
    assert plan.indicator.next_report_date is None


def test_the_coordinator_validates_a_value_in_the_queue_beside_the_updates(world, plan):
    client = world.client("coordinator")
    queue = client.get("/workspace/queue/").content.decode()

    response = client.post(
        "/workspace/queue/", {"values": [plan.submitted.pk], "decision": "validate"}, follow=True
    )

    assert "Judges trained on the moratorium" in queue
    assert f'name="values" value="{plan.submitted.pk}"' in queue
    assert "1 indicator value validated: Judges trained on the moratorium." in (
        response.content.decode()
    )
    plan.submitted.refresh_from_db()
    assert plan.submitted.workflow_state == State.VALIDATED
    assert plan.submitted.reviewed_by == world.users["coordinator"]


def test_the_coordinator_returns_a_value_and_justice_reads_why(world, plan):
    world.client("coordinator").post(
        "/workspace/queue/",
        {"values": [plan.submitted.pk], "decision": "return", "comment": "Which courts?"},
    )

    plan.submitted.refresh_from_db()
    assert plan.submitted.workflow_state == State.RETURNED
    home = world.client("justice").get("/workspace/").content.decode()
    assert "Indicator values waiting for you" in home
    assert "Which courts?" in home


def test_resubmitting_a_returned_value_does_not_move_the_date_again(world, plan):
    world.client("justice").post(f"/workspace/values/{plan.draft.pk}/submit/")
    world.client("coordinator").post(
        "/workspace/queue/",
        {"values": [plan.draft.pk], "decision": "return", "comment": "Name the courts."},
    )
    plan.indicator.refresh_from_db()
    moved_once = plan.indicator.next_report_date

    world.client("justice").post(f"/workspace/values/{plan.draft.pk}/submit/")

    plan.draft.refresh_from_db()
    plan.indicator.refresh_from_db()
    assert plan.draft.workflow_state == State.SUBMITTED
    assert moved_once == plan.indicator.next_report_date == date(2031, 1, 31)


@pytest.mark.parametrize("role", ["justice", "coordinator"])
def test_a_validated_value_is_never_rewritten(world, plan, role):
    client = world.client(role)

    edit = client.post(
        f"/workspace/values/{plan.validated.pk}/edit/",
        {"measured_on": "2012-06-01", "value": "999", "intent": "draft"},
    )
    submit = client.post(f"/workspace/values/{plan.validated.pk}/submit/")

    assert (edit.status_code, submit.status_code) == (403, 403)
    plan.validated.refresh_from_db()
    assert (plan.validated.value, plan.validated.workflow_state) == (40, State.VALIDATED)


def test_interior_neither_sees_nor_changes_justices_draft_value(world, plan):
    client = world.client("interior")

    edit = client.post(
        f"/workspace/values/{plan.draft.pk}/edit/",
        {"measured_on": "2012-06-01", "value": "1", "intent": "submit"},
    )
    page = client.get(f"/workspace/indicators/{plan.indicator.pk}/")

    assert (edit.status_code, page.status_code) == (404, 403)
    plan.draft.refresh_from_db()
    assert (plan.draft.value, plan.draft.workflow_state) == (80, State.DRAFT)


def test_the_indicator_page_shows_the_latest_validated_value_against_the_target(world, plan):
    page = world.client("justice").get(f"/workspace/indicators/{plan.indicator.pk}/")

    html = page.content.decode()
    assert "<dt>Latest validated value</dt><dd>40 " in html
    assert "<dt>Target</dt><dd>120</dd>" in html
    assert "Justice&#x27;s draft value" in html


def test_the_actions_plan_lists_its_indicators_from_the_recommendation_page(world, plan):
    client = world.client("justice")
    recommendation_page = client.get(
        f"/workspace/recommendations/{world.justice_recommendation.pk}/"
    ).content.decode()

    plan_page = client.get(f"/workspace/actions/{world.justice_action.pk}/").content.decode()

    assert f'href="/workspace/actions/{world.justice_action.pk}/"' in recommendation_page
    assert f'href="/workspace/indicators/{plan.indicator.pk}/"' in plan_page
    assert "Judges trained on the moratorium" in plan_page
