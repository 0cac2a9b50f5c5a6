"""The OHCHR Annotation Id is an Index record's identity: a newer export updates the
recommendation with the same id (in each state's review), never adds a second one."""

import pytest

from recommendations.models import Recommendation, Status
from tests.factories import ProgressUpdateFactory

from .files import database_state, run, tracker_file
from .uhri_exports import annotation_id, index_xlsx, listed, one_of_each_body, record

pytestmark = pytest.mark.django_db


def imported(rows, **options):
    result = run(index_xlsx(rows), "uhri.xlsx", format="uhri", **options)
    assert result.ok, [str(e) for e in result.errors]
    return result


def test_importing_the_same_export_twice_changes_nothing():
    imported(one_of_each_body())
    before = database_state()

    again = imported(one_of_each_body())

    assert (again.changed, again.unchanged) == (0, 8)
    assert database_state() == before


def test_a_newer_export_updates_the_record_with_the_same_annotation_id():
    imported(one_of_each_body())
    cat = Recommendation.objects.get(ohchr_annotation_id=annotation_id(23))
    ProgressUpdateFactory(recommendation=cat, status=Status.IN_PROGRESS)
    newer = one_of_each_body()
    # OHCHR corrected the paragraph number and the text, and tagged one more target.
    newer[0] = record(
        23,
        Text="Conditions of detention 25.The Committee recommends that the State party bring "
        "conditions of detention into line with the Nelson Mandela Rules.",
        Sdgs=listed("16.3 - Promote the rule of law", "10.2 - Promote universal inclusion"),
    )

    result = imported(newer)

    assert (result.created, result.updated) == (0, 1)
    updated = Recommendation.objects.get(ohchr_annotation_id=annotation_id(23))
    assert updated.pk == cat.pk
    assert updated.reference == "25"
    assert "Nelson Mandela Rules" in updated.text
    assert sorted(updated.sdg_targets.values_list("code", flat=True)) == ["10.2", "16.3"]
    assert sorted(updated.sdg_goals.values_list("number", flat=True)) == [10, 16]
    assert updated.progress_updates.count() == 1
    assert Recommendation.objects.count() == 8
    change = updated.history.first()
    assert change.history_change_reason.startswith("Import of uhri.xlsx: reference, text")


def test_a_record_on_several_states_is_updated_in_each_state_s_review():
    imported(one_of_each_body())
    newer = one_of_each_body()
    newer[5] = {**newer[5], "UPR Position": "", "Text": newer[5]["Text"] + " (revised)"}

    result = imported(newer)

    assert result.updated == 2
    trafficking = Recommendation.objects.filter(ohchr_annotation_id=annotation_id(8))
    assert [r.text.endswith("(revised)") for r in trafficking] == [True, True]


def test_a_paragraph_stored_without_an_id_takes_the_index_record_s_id():
    upr_row = one_of_each_body()[3]
    stored = {
        "State under review": "BLR",
        "Mechanism": "UPR",
        "Cycle": "2",
        "Reference": "118.1",
        "Text": upr_row["Text"].removeprefix("118.1 "),
        "Position": "Noted",
    }
    assert run(tracker_file([stored]), "tracker.csv").ok
    paragraph = Recommendation.objects.get(reference="118.1")

    result = imported([upr_row])

    assert (result.created, result.updated) == (0, 1)
    paragraph.refresh_from_db()
    assert paragraph.ohchr_annotation_id == annotation_id(101)
    assert Recommendation.objects.count() == 1


def test_two_records_of_one_document_with_the_same_paragraph_are_kept_apart():
    first = record(
        40, Text="Prisons 40.The Committee recommends that the State party reduce overcrowding."
    )
    second = record(41, Text="Prisons 40.The Committee also recommends that the State party "
                             "allow independent monitoring of prisons.")  # fmt: skip

    imported([first, second])
    again = imported([first, second])

    references = dict(Recommendation.objects.values_list("ohchr_annotation_id", "reference"))
    assert references == {
        annotation_id(40): f"40 ({annotation_id(40)[-12:]})",
        annotation_id(41): f"40 ({annotation_id(41)[-12:]})",
    }
    assert (again.changed, again.unchanged) == (0, 2)


def test_a_new_record_whose_paragraph_another_record_holds_keeps_apart_from_it():
    imported([record(40, Text="Prisons 40.The Committee recommends reducing overcrowding.")])

    result = imported([record(42, Text="Prisons 40.The Committee recommends inspections.")])

    assert result.created == 1
    references = dict(Recommendation.objects.values_list("ohchr_annotation_id", "reference"))
    assert references == {
        annotation_id(40): "40",
        annotation_id(42): f"40 ({annotation_id(42)[-12:]})",
    }
