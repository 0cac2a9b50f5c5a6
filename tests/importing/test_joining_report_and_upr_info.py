"""The UN report's paragraphs and UPR Info's responses, imported in either order, give one
recommendation per paragraph: Belarus's 93, 73 supported, 1 supported in part (98.3) and 19
noted."""

from collections import Counter

import pytest

from recommendations.models import Recommendation
from tests.factories import ProgressUpdateFactory

from .files import database_state, run
from .shared_data import demo_file

pytestmark = pytest.mark.django_db


def import_report():
    return run(demo_file("2010data.csv"), "2010data.csv", format="un-report", **BELARUS_1)


def import_upr_info():
    return run(demo_file("6-9.csv"), "6-9.csv", format="upr-info", **BELARUS_1)


BELARUS_1 = {"state_iso3": "BLR", "cycle": 1}
# UPR Info's final responses joined to the paragraphs: 98.3 was accepted in part.
PARAGRAPH_POSITIONS = {"supported": 73, "partially_supported": 1, "noted": 19}


def belarus():
    return Recommendation.objects.filter(review__state_under_review__iso3="BLR", review__cycle=1)


def snapshot():
    recommendations = belarus().prefetch_related("recommending_states", "themes")
    return {
        r.reference: (
            r.text,
            r.position,
            r.position_at_review,
            r.position_source,
            r.accepted_part,
            r.noted_part,
            r.action_category,
            sorted(s.iso3 for s in r.recommending_states.all()),
            sorted(t.name for t in r.themes.all()),
        )
        for r in recommendations
    }


def test_the_report_alone_gives_the_paragraphs_with_the_positions_at_the_review():
    result = import_report()

    assert result.ok, result.errors
    assert result.created == 93
    assert Counter(belarus().values_list("position", flat=True)) == {"supported": 55, "pending": 38}
    paragraph = belarus().get(reference="97.1")
    assert [s.iso3 for s in paragraph.recommending_states.order_by("iso3")] == ["DZA", "EGY"]
    assert paragraph.position_source == "Working Group report"


def test_report_then_upr_info_joins_the_final_responses():
    import_report()

    result = import_upr_info()

    assert result.ok, result.errors
    assert (result.created, result.updated) == (0, 93)
    assert [w.reason for w in result.warnings] == ["8174 row(s) of other states were skipped"]
    assert Counter(belarus().values_list("position", flat=True)) == PARAGRAPH_POSITIONS
    in_part = belarus().get(reference="98.3")
    assert (
        in_part.accepted_part
        == "Sign and ratify the Convention on the Rights of Persons with Disabilities"
    )
    assert in_part.noted_part == (
        "Sign and ratify the Optional Protocol to the Convention on the Rights of Persons "
        "with Disabilities"
    )
    themes = belarus().get(reference="97.1").themes.values_list("name", flat=True)
    assert sorted(themes) == ["International instruments", "Labour", "Migrants"]


def test_upr_info_then_report_folds_the_rows_into_paragraphs():
    first = import_upr_info()
    # 169 rows; Brazil's and Italy's, Tajikistan's and Uzbekistan's are the same texts.
    assert first.created == 167

    result = import_report()

    assert result.ok, result.errors
    assert (result.updated, result.deleted, result.created) == (93, 74, 0)
    assert belarus().count() == 93
    assert not belarus().filter(reference__startswith="UPR-Info.").exists()
    assert Counter(belarus().values_list("position", flat=True)) == PARAGRAPH_POSITIONS
    assert belarus().get(reference="98.3").accepted_part.startswith("Sign and ratify the Con")
    merged = Recommendation.history.filter(history_type="-").first()
    assert merged.history_change_reason.startswith("Merged into ")


def test_both_orders_give_the_same_recommendations():
    import_report()
    import_upr_info()
    report_first = snapshot()
    belarus().delete()

    import_upr_info()
    import_report()

    assert snapshot() == report_first


@pytest.mark.parametrize("order", ["report first", "upr info first"])
def test_importing_both_files_again_changes_nothing(order):
    steps = [import_report, import_upr_info]
    if order == "upr info first":
        steps.reverse()
    for step in steps:
        step()
    before = database_state()

    results = [step() for step in steps]

    assert [(r.created, r.updated, r.deleted, r.unchanged) for r in results] == [(0, 0, 0, 93)] * 2
    assert database_state() == before


def test_the_demos_own_files_imported_over_the_demo_change_nothing(demo):
    before = database_state()

    results = [import_upr_info(), import_report()]

    assert [(r.changed, r.unchanged) for r in results] == [(0, 93), (0, 93)]
    assert database_state() == before


def test_the_report_does_not_undo_a_final_response():
    import_report()
    import_upr_info()

    again = import_report()

    assert again.unchanged == 93
    assert belarus().get(reference="98.1").position == "noted"  # not "pending" again


@pytest.mark.parametrize("again", [import_upr_info, import_report])
def test_a_coordinators_partial_acceptance_is_kept_on_re_import(again):
    import_report()
    import_upr_info()
    corrected = belarus().get(reference="97.2")
    corrected.position = "partially_supported"
    corrected.accepted_part = "Ratify the Convention"
    corrected.noted_part = "its Optional Protocol"
    corrected.position_source = "Government's reply, 2010"
    corrected.save()

    result = again()

    assert result.ok, result.errors
    kept = belarus().get(reference="97.2")
    assert (kept.position, kept.accepted_part, kept.noted_part, kept.position_source) == (
        "partially_supported",
        "Ratify the Convention",
        "its Optional Protocol",
        "Government's reply, 2010",
    )


def test_rows_with_progress_are_not_merged_silently():
    import_upr_info()
    # 97.1 groups Algeria's and Egypt's rows on the migrant workers' convention.
    rows = belarus().filter(
        text__icontains="Migrant Workers", recommending_states__iso3__in=["DZA", "EGY"]
    )
    assert rows.count() == 2
    for recommendation in rows:
        ProgressUpdateFactory(recommendation=recommendation)
    before = database_state()

    result = import_report()

    assert not result.ok
    (error,) = result.errors
    assert "would both become 97.1: merge them by hand first" in error.reason
    assert database_state() == before


@pytest.mark.parametrize("order", ["report first", "upr info first"])
def test_the_whole_export_joins_the_report_in_either_order(order):
    def import_whole_export():
        return run(demo_file("6-9.csv"), "6-9.csv", format="upr-info")  # every review of it

    steps = [import_report, import_whole_export]
    if order == "upr info first":
        steps.reverse()

    results = [step() for step in steps]

    assert all(result.ok for result in results), [r.errors for r in results]
    assert belarus().count() == 93
    assert Counter(belarus().values_list("position", flat=True)) == PARAGRAPH_POSITIONS
    assert belarus().get(reference="98.3").position == "partially_supported"
