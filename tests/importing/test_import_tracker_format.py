"""Importing the tracker's own format: create, leave alone, update what changed, keep history."""

import pytest

from recommendations.models import Recommendation, ReviewCycle

from .files import database_state, run, tracker_file, tracker_rows, xlsx_file

pytestmark = pytest.mark.django_db


def belarus(reference):
    return Recommendation.objects.get(review__state_under_review__iso3="BLR", reference=reference)


def test_a_new_file_creates_the_review_and_its_recommendations():
    rows = tracker_rows(3)

    result = run(tracker_file(rows))

    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    review = ReviewCycle.objects.get(state_under_review__iso3="BLR", mechanism__code="UPR")
    assert review.cycle == 1
    first = belarus("97.1")
    assert first.text == rows[0]["Text"]
    assert [s.iso3 for s in first.recommending_states.all()] == ["DZA"]
    assert first.position == "supported"
    assert first.action_category == int(rows[0]["Action category"])
    assert sorted(t.name for t in first.themes.all()) == sorted(rows[0]["Themes"].split("; "))
    assert result.new_entries["reviews"] == {"BLR UPR cycle 1"}


def test_importing_the_same_file_twice_changes_nothing_and_adds_no_history():
    data = tracker_file(tracker_rows(5))
    run(data)
    before = database_state()

    again = run(data, user=None)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert database_state() == before


def test_a_corrected_file_updates_only_the_changed_rows_and_the_history_says_so(
    django_user_model,
):
    rows = tracker_rows(4)
    run(tracker_file(rows))
    untouched = belarus("97.1").history.count()
    rows[2]["Position"] = "Noted"
    rows[2]["Themes"] = "Death penalty"
    coordinator = django_user_model.objects.create_user("coordinator")

    result = run(tracker_file(rows), filename="corrected.csv", user=coordinator)

    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    (change,) = result.changes
    assert change.reference == "97.3"
    assert change.fields["position"] == ("Supported", "Noted")
    assert change.fields["themes"][1] == "Death penalty"
    corrected = belarus("97.3")
    assert corrected.position == "noted"
    assert [t.name for t in corrected.themes.all()] == ["Death penalty"]
    latest = corrected.history.latest()
    reason = "Import of corrected.csv by coordinator: position, themes"
    assert latest.history_change_reason == reason
    assert latest.history_user == coordinator
    assert latest.prev_record.position == "supported"
    assert belarus("97.1").history.count() == untouched


def test_a_column_left_out_leaves_the_field_alone():
    rows = tracker_rows(2)
    run(tracker_file(rows))
    slim = [{k: v for k, v in row.items() if k != "Themes"} for row in rows]

    result = run(tracker_file(slim))

    assert result.unchanged == 2
    assert belarus("97.1").themes.count() > 0


def test_responsible_institutions_are_read_lead_first_and_added_when_new():
    rows = tracker_rows(1)
    rows[0]["Lead institution"] = "Ministry of Justice"
    rows[0]["Supporting institutions"] = "Ministry of Internal Affairs; Prosecutor General's Office"

    result = run(tracker_file(rows))

    assert result.new_entries["institutions"] == {
        "Ministry of Justice",
        "Ministry of Internal Affairs",
        "Prosecutor General's Office",
    }
    roles = {r.institution.name: r.role for r in belarus("97.1").responsibilities.all()}
    assert roles == {
        "Ministry of Justice": "lead",
        "Ministry of Internal Affairs": "supporting",
        "Prosecutor General's Office": "supporting",
    }


def test_a_changed_lead_institution_replaces_the_responsibilities():
    rows = tracker_rows(1)
    rows[0]["Lead institution"] = "Ministry of Justice"
    run(tracker_file(rows))
    rows[0]["Lead institution"] = "Ministry of Internal Affairs"

    result = run(tracker_file(rows))

    assert result.updated == 1
    (responsibility,) = belarus("97.1").responsibilities.all()
    assert (responsibility.institution.name, responsibility.role) == (
        "Ministry of Internal Affairs",
        "lead",
    )


def test_a_dry_run_counts_the_changes_and_writes_nothing():
    before = database_state()

    result = run(tracker_file(tracker_rows(3)), dry_run=True)

    assert result.ok and result.dry_run
    assert result.created == 3
    assert result.summary().startswith("3 would be created")
    assert database_state() == before


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\r\n"), ("utf-8-sig", "\n"), ("utf-8", "\r"), ("cp1252", "\r\n")],
)
def test_encodings_and_line_endings_read_the_same(encoding, newline):
    rows = tracker_rows(3)
    rows[0]["Text"] += " — Côte d’Ivoire"

    result = run(tracker_file(rows, encoding=encoding, newline=newline))

    assert result.ok, result.errors
    assert belarus("97.1").text.endswith("— Côte d’Ivoire")


def test_an_xlsx_file_reads_like_its_csv():
    rows = tracker_rows(3)
    header = list(rows[0])
    data = xlsx_file([header, *([row[name] for name in header] for row in rows)])

    result = run(data, filename="recommendations.xlsx")

    assert result.ok, result.errors
    assert result.encoding == "XLSX"
    assert result.created == 3
    assert belarus("97.2").text == rows[1]["Text"]


def test_state_and_cycle_narrow_a_file_of_several_reviews():
    rows = tracker_rows(3)
    rows[2] = {**rows[2], "State under review": "Angola", "Cycle": "2"}

    result = run(tracker_file(rows), state_iso3="BLR", cycle=1)

    assert (result.created, result.rows_skipped) == (2, 1)
    assert "1 row(s) of other reviews were skipped" in str(result.warnings[0])
    assert not ReviewCycle.objects.filter(state_under_review__iso3="AGO").exists()
