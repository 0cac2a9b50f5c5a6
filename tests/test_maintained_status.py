"""The maintained status (``Recommendation.status`` and the status changes) always equals
what the validated history says, after any sequence of workflow steps: drafted,
submitted, validated, returned, deleted and restored updates, in any order; and
``manage.py check_statuses`` finds (and with ``--fix`` mends) one that does not."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommendations import services
from recommendations.models import ProgressUpdate, Recommendation, Role, Status, StatusChange
from recommendations.selectors import measure, with_current_status
from recommendations.statuses import statuses_out_of_step
from tests.factories import (
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    ReviewCycleFactory,
    UserFactory,
    coordinator,
)

pytestmark = pytest.mark.django_db
VALIDATED = ProgressUpdate.WorkflowState.VALIDATED
START = date(2011, 1, 1)
DAYS = [date(2011, 6, 30), date(2012, 1, 1), date(2013, 6, 30), date(2015, 1, 1)]

a_step = st.one_of(
    st.tuples(
        st.just("draft"),
        st.integers(0, 2),  # which recommendation
        st.sampled_from(Status.values),
        st.integers(0, 4 * 365).map(lambda n: START + timedelta(days=n)),
    ),
    st.tuples(st.sampled_from(["submit", "validate", "return", "delete"]), st.integers(0, 30)),
    st.tuples(st.just("restore"), st.integers(0, 30)),
)


def expected_status(recommendation, day=None) -> str:
    """The rule, told independently: the status of the latest validated update (by
    assessment date, then validation time, then id), assessed by ``day`` if given."""
    updates = [
        u
        for u in ProgressUpdate.objects.filter(
            recommendation=recommendation, workflow_state=VALIDATED
        )
        if day is None or u.assessed_on <= day
    ]
    if not updates:
        return Status.NOT_STARTED
    return max(updates, key=lambda u: (u.assessed_on, u.reviewed_at, u.pk)).status


@pytest.fixture
def people(db):
    justice = InstitutionFactory(name="Ministry of Justice")
    review = ReviewCycleFactory(review_date=date(2010, 5, 1))
    recommendations = [RecommendationFactory(review=review) for _ in range(3)]
    for recommendation in recommendations:
        ResponsibilityFactory(recommendation=recommendation, institution=justice)
    officer = UserFactory(username="officer", role=Role.MINISTRY, role__institution=justice)
    return recommendations, officer, coordinator()


def apply(step, recommendations, officer, boss, deleted):
    kind = step[0]
    if kind == "draft":
        _kind, which, status, day = step
        services.progress_update_create(
            user=officer,
            recommendation=recommendations[which],
            status=status,
            assessed_on=day,
            narrative="What was done.",
        )
        return
    updates = list(ProgressUpdate.objects.order_by("pk"))
    if kind == "restore":
        if deleted:
            pk = deleted.pop(step[1] % len(deleted))
            services.deleted_record_restore(user=boss, model=ProgressUpdate, object_id=pk)
        return
    if not updates:
        return
    chosen = updates[step[1] % len(updates)]
    if kind == "submit":
        services.progress_update_submit(user=officer, update=chosen)
    elif kind == "validate":
        services.progress_update_validate(user=boss, update=chosen)
    elif kind == "return":
        services.progress_update_return(user=boss, update=chosen, comment="Say more.")
    else:
        services.progress_update_delete(user=boss, update=chosen)
        deleted.append(chosen.pk)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(a_step, min_size=1, max_size=25))
def test_the_maintained_status_equals_the_history_after_any_steps(people, steps):
    recommendations, officer, boss = people
    with transaction.atomic():  # each example starts from the same three recommendations
        deleted: list[int] = []
        for step in steps:
            try:
                with transaction.atomic():
                    apply(step, recommendations, officer, boss, deleted)
            except (ValidationError, PermissionDenied):
                pass  # a step the update's state does not allow changes nothing

        assert statuses_out_of_step() == []
        for recommendation in recommendations:
            fresh = Recommendation.objects.get(pk=recommendation.pk)
            assert fresh.status == expected_status(recommendation)
            for day in DAYS:
                then = with_current_status(
                    Recommendation.objects.filter(pk=recommendation.pk), as_of=day
                ).get()
                assert then.current_status == expected_status(recommendation, day), day
        transaction.set_rollback(True)


def test_check_statuses_says_so_when_every_status_is_right(people, capsys):
    ProgressUpdateFactory(recommendation=people[0][0])

    call_command("check_statuses")

    assert "Every recommendation's status is what its validated updates say" in (
        capsys.readouterr().out
    )


def test_check_statuses_names_a_status_written_past_the_service_and_fixes_it(people):
    recommendations = people[0]
    ProgressUpdateFactory(recommendation=recommendations[0], status=Status.IMPLEMENTED)
    Recommendation.objects.filter(pk=recommendations[1].pk).update(status=Status.IMPLEMENTED)
    StatusChange.objects.filter(recommendation=recommendations[0]).delete()

    with pytest.raises(CommandError, match=r"2 recommendation\(s\) out of step") as error:
        call_command("check_statuses")

    assert f"{recommendations[0].pk}, {recommendations[1].pk}" in str(error.value)
    assert Recommendation.objects.get(pk=recommendations[1].pk).status == Status.IMPLEMENTED

    call_command("check_statuses", "--fix")

    assert statuses_out_of_step() == []
    everything = measure(Recommendation.objects.filter(pk__in=[r.pk for r in recommendations]))
    assert everything.implemented == 1
