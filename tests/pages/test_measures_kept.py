"""The measure a page or the API shows is kept with the figures (``caching.kept``): the
next reader of the same selection gets it without it being counted again, a validated
update shows at once, and each reader's selection (what that reader may read) is kept
on its own."""

import importlib
from unittest import mock

import pytest

from recommendations import rules, services
from recommendations.models import ProgressUpdate, RecommendationText
from tests.world import publish

pytestmark = pytest.mark.django_db

# The module (the package exports its ``measure`` function under the same name).
measure_module = importlib.import_module("recommendations.selectors.measure")


def implemented_on_list(client, world):
    return client.get("/recommendations/").context["measure"].implemented


def implemented_on_institution_page(client, world):
    justice = world.recommendations["97.4"].responsibilities.get().institution
    return client.get(f"/institutions/{justice.pk}/").context["measure"].implemented


def implemented_on_institution_index(client, world):
    justice = world.recommendations["97.4"].responsibilities.get().institution
    rows = client.get("/institutions/").context["page_obj"].object_list
    return next(row.measure.implemented for row in rows if row.institution == justice)


def implemented_in_stats(client, world):
    return client.get("/api/v1/stats/?group_by=theme").json()["overall"]["by_status"]["implemented"]


DOORS = [
    implemented_on_list,
    implemented_on_institution_page,
    implemented_on_institution_index,
    implemented_in_stats,
]


@pytest.mark.parametrize("implemented", DOORS, ids=lambda door: door.__name__)
def test_a_validated_update_shows_at_once(world, users, clients, implemented):
    adviser = clients["adviser"]
    before = implemented(adviser, world)
    submitted = ProgressUpdate.objects.get(
        recommendation=world.recommendations["97.4"],
        workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
    )
    services.progress_update_validate(user=users["coordinator"], update=submitted)
    assert implemented(adviser, world) == before + 1


@pytest.mark.parametrize("implemented", DOORS, ids=lambda door: door.__name__)
def test_the_next_reader_is_not_counted_for_again(world, clients, implemented):
    counted = mock.Mock(wraps=measure_module._status_counts)
    with mock.patch.object(measure_module, "_status_counts", counted):
        first = implemented(clients["adviser"], world)
        calls = counted.call_count
        second = implemented(clients["coordinator"], world)
    assert calls >= 1
    assert counted.call_count == calls
    assert first == second


def test_each_reader_gets_the_measure_of_what_they_read(world, users, clients):
    publish(world.first)  # the public face: only the first review
    shown = {
        role: clients[role].get("/recommendations/").context["measure"].total
        for role in ("adviser", "contributor")
    }
    for role, total in shown.items():
        assert total == rules.visible_recommendations(users[role]).count(), role
    assert shown["contributor"] < shown["adviser"]


def test_a_text_recorded_in_russian_shows_at_once_in_a_kept_overdue_list(
    world, users, clients, settings, justice
):
    settings.UPR_OVERDUE_MONTHS = 12
    users["adviser"].profile.language = "ru"  # the reader reads in Russian
    users["adviser"].profile.save()
    client = clients["adviser"]
    page = f"/institutions/{justice.pk}/"
    overdue = client.get(page).context["overdue"]
    assert overdue, "the world has overdue recommendations"

    RecommendationText.objects.create(
        recommendation=overdue[0], language="ru", text="Отменить смертную казнь"
    )

    assert "Отменить смертную казнь" in client.get(page).content.decode()


ROWS = "recommendations/list_parts/rows.html"


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def status_of(response, reference) -> str:
    row = next(r for r in response.context["recommendations"] if r.reference == reference)
    return row.current_status


def test_the_lists_rows_are_rendered_once_and_a_validation_shows_at_once(world, users, clients):
    first = clients["adviser"].get("/recommendations/")
    second = clients["coordinator"].get("/recommendations/")
    assert ROWS in rendered(first)
    assert ROWS not in rendered(second)  # the same rows, as rendered for the first reader
    assert 'href="/recommendations/' in second.content.decode()
    assert [r.pk for r in second.context["recommendations"]] == [
        r.pk for r in first.context["recommendations"]
    ]
    assert status_of(second, "97.4") == "not_started"

    submitted = ProgressUpdate.objects.get(
        recommendation=world.recommendations["97.4"],
        workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
    )
    services.progress_update_validate(user=users["coordinator"], update=submitted)
    after = clients["adviser"].get("/recommendations/")

    assert ROWS in rendered(after)
    assert status_of(after, "97.4") == "implemented"
