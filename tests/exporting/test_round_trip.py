"""What the tracker exports, it imports back: the demo, exported and imported into an empty
database, gives the same recommendations (SDG targets and Index record ids included)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from recommendations.importing.service import import_recommendations
from recommendations.models import Recommendation, ReviewCycle
from tests.factories import SdgTargetFactory

from .spreadsheets import content

pytestmark = pytest.mark.django_db


def recommendations_as_data():
    """Every recommendation with all the tracker format carries, by natural keys."""
    rows = Recommendation.objects.select_related(
        "review__state_under_review", "review__mechanism"
    ).prefetch_related(
        "recommending_states",
        "themes",
        "affected_groups",
        "sdg_goals",
        "sdg_targets",
        "responsibilities__institution",
    )
    return {
        (r.review.state_under_review.iso3, r.review.mechanism.code, r.review.cycle, r.reference): (
            r.text,
            r.position,
            r.position_at_review,
            r.position_source,
            r.position_explanation,
            r.accepted_part,
            r.noted_part,
            r.action_category,
            frozenset(s.iso3 for s in r.recommending_states.all()),
            frozenset(t.name for t in r.themes.all()),
            frozenset(g.name for g in r.affected_groups.all()),
            frozenset(g.number for g in r.sdg_goals.all()),
            frozenset(t.code for t in r.sdg_targets.all()),
            r.ohchr_annotation_id,
            frozenset((x.institution.name, x.role) for x in r.responsibilities.all()),
        )
        for r in rows
    }


def tag_with_targets_and_an_index_record():
    """Give one demo recommendation SDG targets (and their goals) and an Index record id."""
    tagged = Recommendation.objects.get(reference="97.1")
    tagged.sdg_targets.add(SdgTargetFactory(code="16.10"), SdgTargetFactory(code="5.a"))
    tagged.sdg_goals.add(5, 16)
    tagged.ohchr_annotation_id = "5f0c1a2e-7b3d-4c8e-9a10-000000000971"
    tagged.save()


# Emptying the database (flush) must happen outside a test transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_demo_exported_and_imported_into_an_empty_database_is_the_same(client, demo, kind):
    # A coordinator corrects a text to start like a formula: it must come back as it was.
    tricky = Recommendation.objects.get(reference="98.1")
    tricky.position_explanation = "=accepted in part, as the government reports"
    tricky.save()
    tag_with_targets_and_an_index_record()
    client.login(username="adviser", password="demo password for tests")
    exported = recommendations_as_data()
    assert len(exported) == 93
    data = content(client.get(reverse("recommendation-export"), {"format": kind}))

    call_command("flush", interactive=False, verbosity=0)
    assert not Recommendation.objects.exists() and not ReviewCycle.objects.exists()
    result = import_recommendations(data=data, filename=f"export.{kind}", format="tracker")

    assert result.ok, result.errors
    assert result.created == 93
    assert recommendations_as_data() == exported


def test_importing_an_export_over_its_own_data_changes_nothing(client, demo):
    tag_with_targets_and_an_index_record()
    client.login(username="adviser", password="demo password for tests")
    data = content(client.get(reverse("recommendation-export")))
    history = Recommendation.history.count()

    result = import_recommendations(data=data, filename="export.csv", format="tracker")

    assert (result.unchanged, result.changed) == (93, 0)
    assert Recommendation.history.count() == history
