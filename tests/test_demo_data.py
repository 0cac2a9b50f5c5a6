"""The demo data set: Belarus's real first cycle and the seeds' world around it."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.loader import load_demo
from missions.models import Engagement
from recommendations.models import (
    ImplementationAction,
    Position,
    ProgressUpdate,
    Recommendation,
    ReviewCycle,
)
from recommendations.selectors import measure

pytestmark = pytest.mark.django_db


def first_cycle():
    return Recommendation.objects.filter(review__state_under_review__iso3="BLR", review__cycle=1)


def test_the_first_cycle_has_the_93_published_paragraphs(demo):
    references = set(first_cycle().values_list("reference", flat=True))

    assert len(references) == 93
    assert {f"97.{n}" for n in range(1, 56)} | {f"98.{n}" for n in range(1, 39)} == references


def test_positions_keep_the_final_responses_and_the_review_day_positions(demo):
    result = measure(first_cycle())

    assert result.by_position[Position.SUPPORTED] == 73
    assert result.by_position[Position.PARTIALLY_SUPPORTED] == 1
    assert result.by_position[Position.NOTED] == 19
    assert result.supported == 74
    assert first_cycle().filter(position_at_review=Position.SUPPORTED).count() == 55
    assert first_cycle().filter(position_at_review=Position.PENDING).count() == 38
    assert first_cycle().exclude(position_source="").count() == 93


def test_98_3_is_recorded_as_accepted_in_part_with_what_was_accepted_and_noted(demo):
    paragraph = first_cycle().get(reference="98.3")

    assert paragraph.position == Position.PARTIALLY_SUPPORTED
    assert "Convention on the Rights of Persons with Disabilities" in paragraph.accepted_part
    assert "Optional Protocol" not in paragraph.accepted_part
    assert paragraph.noted_part.startswith("Sign and ratify the Optional Protocol")


def test_the_governments_own_count_is_kept_beside_the_responses(demo):
    review = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)

    assert review.government_reported_supported == 75
    assert review.government_reported_source.title.startswith("Belarus’ cooperation with UN")


def test_every_source_is_cited_as_what_it_is_never_by_an_internal_label(demo):
    engagements = Engagement.objects.select_related("source")
    actions = ImplementationAction.objects.select_related("source")

    assert all(engagement.source is not None for engagement in engagements)
    cited = {e.source for e in engagements} | {a.source for a in actions if a.source}
    assert {source.publisher for source in cited} >= {"OSCE Office in Minsk"}
    assert all(source.title and source.publisher for source in cited)
    texts = [source.citation for source in cited]
    texts += [a.description for a in actions] + [e.summary for e in engagements]
    assert not [text for text in texts if "seed" in text.lower()]


def test_recommendations_carry_their_real_text_and_all_recommending_states(demo):
    paragraph = first_cycle().get(reference="97.1")

    assert paragraph.text.startswith("Examine, in the spirit of its engagement")
    assert "(Egypt)" in paragraph.text
    assert set(paragraph.recommending_states.values_list("iso3", flat=True)) == {"DZA", "EGY"}
    assert first_cycle().filter(recommending_states__isnull=True).count() == 0


def test_recommendations_have_upr_info_issues_and_a_lead_institution(demo):
    assert first_cycle().filter(themes__name="Death penalty").exists()
    assert first_cycle().filter(themes__isnull=True).count() == 0
    led = first_cycle().filter(responsibilities__role="lead").distinct().count()
    assert led == 93


def test_over_70_per_cent_implemented_before_the_second_review(demo):
    before_second_review = measure(first_cycle(), as_of=date(2015, 5, 1))
    at_adoption = measure(first_cycle(), as_of=date(2010, 9, 30))

    assert before_second_review.percent_implemented > Decimal("70")
    assert at_adoption.percent_implemented == Decimal("0.0")


def test_the_progress_history_spreads_over_2010_to_2015(demo):
    years = {d.year for d in ProgressUpdate.objects.values_list("assessed_on", flat=True)}

    assert years >= {2010, 2011, 2012, 2013, 2014}
    assert years <= set(range(2010, 2016))


def test_every_demo_assessment_is_marked_as_one(demo):
    assert ProgressUpdate.objects.filter(is_demo=False).count() == 0
    assert ImplementationAction.objects.filter(is_demo=False).count() == 0
    assert all(
        "not an official one" in narrative
        for narrative in ProgressUpdate.objects.values_list("narrative", flat=True)
    )


def test_the_second_cycle_exists_with_no_recommendations_recorded(demo):
    second = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=2)

    assert second.recommendations.count() == 0
    assert "not in the public data set" in second.notes


def test_the_seeds_engagements_are_there(demo):
    mission = Engagement.objects.get(start_date=date(2015, 12, 14), kind="mission")

    assert mission.place == "Washington D.C."
    assert set(mission.funders.values_list("abbreviation", flat=True)) == {"UNDP"}
    assert {"MoJ", "PGO", "CEC", "MFA", "NCLLR", "ABA", "DOJ"} <= set(
        mission.participants.values_list("abbreviation", flat=True)
    )
    assert Engagement.objects.filter(
        title__contains="Working Group for Democracy", start_date=date(2015, 12, 16)
    ).exists()
    assert Engagement.objects.get(kind="invitation", start_date=date(2009, 11, 13))
    rapporteur = Engagement.objects.get(kind="country_visit")
    assert rapporteur.when == "May 2009"
    assert rapporteur.recommendations.filter(themes__name="Trafficking").exists()
    adviser = Engagement.objects.get(title__startswith="Senior Human Rights Adviser")
    assert adviser.budget_amount == Decimal("823000")
    assert len(adviser.pillars) == 6
    assert set(adviser.affected_groups.values_list("name", flat=True)) == {
        "Persons with disabilities"
    }
    assert Engagement.objects.filter(kind="periodic_report").count() == 5
    project = Engagement.objects.get(
        title="Interaction between State and Non-governmental Organizations"
    )
    assert (project.start_date, project.end_date) == (date(2009, 9, 1), date(2010, 8, 31))


def test_loading_twice_adds_nothing_and_records_no_change(demo):
    counts = (
        Recommendation.objects.count(),
        ProgressUpdate.objects.count(),
        Engagement.objects.count(),
        Recommendation.history.count(),
        get_user_model().objects.count(),
    )

    load_demo()

    assert counts == (
        Recommendation.objects.count(),
        ProgressUpdate.objects.count(),
        Engagement.objects.count(),
        Recommendation.history.count(),
        get_user_model().objects.count(),
    )


def test_one_demo_user_per_role_with_a_usable_password(demo, client):
    usernames = {login.username: login for login in demo}

    assert set(usernames) == {
        "admin",
        "coordinator",
        "justice",
        "interior",
        "adviser",
        "partner",
        "ngo",
    }
    justice = get_user_model().objects.get(username="justice")
    assert justice.profile.institution.name == "Ministry of Justice"
    assert client.login(username="coordinator", password="demo password for tests")


def test_generated_passwords_are_random_and_remembered(db, settings):
    first = {login.username: login.password for login in load_demo()}
    again = {login.username: login.password for login in load_demo()}

    assert first == again
    assert len(set(first.values())) == len(first)
    assert all(len(password) >= 12 for password in first.values())
    assert settings.UPR_DEMO_PASSWORD_FILE.read_text().count("\n") == len(first)


def test_the_demo_has_work_in_progress_in_each_workflow_state(demo):
    waiting = ProgressUpdate.objects.exclude(workflow_state="validated")
    states = {(u.institution.abbreviation, u.workflow_state) for u in waiting}

    assert states == {("MIA", "submitted"), ("MIA", "returned"), ("MoJ", "draft")}
    assert waiting.get(workflow_state="returned").reviewer_comment
    assert all(update.is_demo for update in waiting)


def test_the_first_cycle_is_loaded_through_the_importer_like_any_file(demo):
    reasons = Recommendation.history.filter(review__cycle=1).values_list(
        "history_change_reason", flat=True
    )

    # The report's paragraphs, then UPR Info's final responses ("…: position, themes").
    assert {reason.partition(":")[0] for reason in reasons} == {
        "Import of 2010data.csv",
        "Import of 6-9.csv",
    }
    created = Recommendation.history.filter(review__cycle=1, history_type="+")
    assert set(created.values_list("history_change_reason", flat=True)) == {
        "Import of 2010data.csv"
    }
    assert created.count() == first_cycle().count()


def test_the_demo_adds_users_but_no_groups_or_permissions(db):
    def groups():
        return sorted(
            (group.name, sorted(group.permissions.values_list("codename", flat=True)))
            for group in Group.objects.all()
        )

    before = groups()

    load_demo(password="demo password for tests")

    assert groups() == before
    members = Group.objects.values_list("name", "user__username")
    assert set(members) == {("Coordinators", "coordinator"), ("Advisers", "adviser")}
