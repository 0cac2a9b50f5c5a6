"""Two versions key what is kept: the figures' (every change of what is counted, a
validation included) and the catalogue's (the same but for the statuses: names, which
recommendations, reviews and responsibilities exist). Each door moves the ones its
change touches, and nothing else."""

from datetime import date

import pytest

from recommendations import caching, services
from recommendations.models import ProgressUpdate, Theme
from tests.factories import (
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewCycleFactory,
    ThemeFactory,
    coordinator,
)
from tests.importing.files import run, tracker_file, tracker_rows

pytestmark = pytest.mark.django_db


def versions() -> tuple[str, str]:
    return caching.figures_version(), caching.catalogue_version()


@pytest.fixture
def submitted():
    recommendation = RecommendationFactory(review=ReviewCycleFactory(review_date=date(2010, 5, 1)))
    return ProgressUpdateFactory(
        recommendation=recommendation,
        assessed_on=date(2011, 1, 1),
        workflow_state=ProgressUpdate.WorkflowState.SUBMITTED,
        reviewed_at=None,
    )


def test_a_validation_moves_the_figures_not_the_catalogue(submitted):
    figures, catalogue = versions()
    services.progress_update_validate(user=coordinator(), update=submitted)
    assert caching.figures_version() != figures
    assert caching.catalogue_version() == catalogue


def test_returning_and_deleting_a_validated_update_move_the_figures_only(submitted):
    validator = coordinator()
    services.progress_update_validate(user=validator, update=submitted)
    figures, catalogue = versions()
    services.progress_update_delete(user=validator, update=submitted)
    assert caching.figures_version() != figures
    assert caching.catalogue_version() == catalogue


def test_a_renamed_theme_moves_both():
    theme = ThemeFactory(name="Trafficking")
    figures, catalogue = versions()
    theme.name = "Trafficking in persons"
    theme.save()
    assert caching.figures_version() != figures
    assert caching.catalogue_version() != catalogue


def test_a_new_recommendation_moves_both(submitted):
    figures, catalogue = versions()
    RecommendationFactory(review=submitted.recommendation.review)
    assert caching.figures_version() != figures
    assert caching.catalogue_version() != catalogue


def test_an_import_moves_both_and_a_dry_run_neither():
    data = tracker_file(tracker_rows(2))
    before = versions()
    assert run(data, dry_run=True).ok
    assert versions() == before
    assert run(data).ok
    figures, catalogue = versions()
    assert figures != before[0] and catalogue != before[1]
    # Links written in bulk (a theme given to rows already there) move both as well.
    rows = tracker_rows(2)
    rows[0]["Themes"] += "; Human rights defenders"
    assert run(tracker_file(rows)).ok
    assert Theme.objects.filter(name="Human rights defenders").exists()
    assert caching.catalogue_version() != catalogue


def test_the_versions_are_read_once_per_request_and_anew_after_a_change(
    client, submitted, django_assert_num_queries
):
    token = caching._this_request.set({})
    try:
        with django_assert_num_queries(1):
            first = versions()
            assert versions() == first
        services.progress_update_validate(user=coordinator(), update=submitted)
        assert caching.figures_version() != first[0]
    finally:
        caching._this_request.reset(token)
