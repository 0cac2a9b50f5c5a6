"""The Universal Human Rights Index export style, on Belarus's real paragraphs."""

import functools

import pytest

from recommendations.importing.reading import read_rows
from recommendations.importing.upr_sources import join_review, read_un_report, read_upr_info
from recommendations.importing.vocabulary import StateNames
from recommendations.models import Recommendation

from .files import csv_file, database_state, problems, run, xlsx_file
from .shared_data import demo_file

pytestmark = pytest.mark.django_db

HEADER = [
    "Annotation",
    "Paragraph",
    "Country",
    "Body",
    "Document symbol",
    "UPR cycle",
    "Recommending State(s)",
    "UPR Position",
    "Themes",
    "Concerned persons",
    "SDG",
]


@functools.cache
def paragraphs():
    """Belarus's 2010 paragraphs, joined with UPR Info's responses from the real files."""
    report = read_un_report(read_rows(demo_file("2010data.csv"), "2010data.csv")[1])
    upr_info = read_upr_info(read_rows(demo_file("6-9.csv"), "6-9.csv")[1])
    return join_review(report, upr_info, "BLR", StateNames())


def index_rows(count=5):
    names = StateNames()
    rows = []
    for paragraph in paragraphs()[:count]:
        rows.append(
            {
                "Annotation": paragraph.text,
                "Paragraph": paragraph.reference,
                "Country": "Belarus",
                "Body": "Universal Periodic Review",
                "Document symbol": "A/HRC/15/16",
                "UPR cycle": "1st",
                "Recommending State(s)": "\n".join(
                    names.get(code).name for code in paragraph.recommending_states
                ),
                "UPR Position": "Supported" if paragraph.final_position == "supported" else "Noted",
                "Themes": "; ".join(paragraph.themes),
                "Concerned persons": "Migrants; Women",
                "SDG": "8 - Decent work and economic growth\nSDG 10",
            }
        )
    return rows


def import_index(data, filename="uhri.csv", **options):
    return run(data, filename, format="uhri", state_iso3="BLR", cycle=1, **options)


def test_index_rows_become_recommendations_with_groups_and_goals():
    rows = index_rows()

    result = import_index(csv_file(rows, HEADER))

    assert result.ok, result.errors
    assert result.created == 5
    first = Recommendation.objects.get(reference="97.1")
    assert first.text == paragraphs()[0].text
    assert sorted(s.iso3 for s in first.recommending_states.all()) == ["DZA", "EGY"]
    assert first.position == "supported"
    assert first.position_source == "Universal Human Rights Index"
    assert sorted(g.name for g in first.affected_groups.all()) == ["Migrants", "Women"]
    assert sorted(g.number for g in first.sdg_goals.all()) == [8, 10]
    assert sorted(t.name for t in first.themes.all()) == paragraphs()[0].themes
    assert first.review.mechanism.code == "UPR"


def test_an_index_workbook_imports_the_same_and_twice_changes_nothing():
    rows = index_rows()
    workbook = xlsx_file([HEADER, *([row[name] for name in HEADER] for row in rows)])
    import_index(workbook, "uhri.xlsx")
    before = database_state()

    again = import_index(workbook, "uhri.xlsx")

    assert (again.unchanged, again.changed) == (5, 0)
    assert database_state() == before


def test_rows_of_other_states_and_mechanisms_are_skipped():
    rows = index_rows(3)
    rows[1] = {**rows[1], "Country": "Angola"}
    rows[2] = {**rows[2], "Body": "Committee against Torture"}

    result = import_index(csv_file(rows, HEADER))

    assert (result.created, result.rows_skipped) == (1, 2)


def test_bad_goals_cycles_and_mechanisms_are_reported():
    rows = index_rows(3)
    rows[0]["SDG"] = "18"
    rows[1]["UPR cycle"] = "first"
    rows[2]["Body"] = "Committee of Wise Persons"
    before = database_state()

    result = import_index(csv_file(rows, HEADER))

    assert problems(result) == [
        (2, "Sdgs", "'18' is not an SDG goal from 1 to 17 nor a target"),
        (3, "Cycle", "'first' names no cycle number"),
        (4, "Reccomending Body", "'Committee of Wise Persons' is not a known mechanism"),
    ]
    assert (result.rows_skipped, result.warnings.total) == (0, 0)
    assert database_state() == before


def test_an_index_file_without_paragraphs_or_annotation_ids_is_refused():
    rows = [{k: v for k, v in row.items() if k != "Paragraph"} for row in index_rows(2)]
    before = database_state()

    result = import_index(csv_file(rows))

    reason = "carries no paragraph number and the row has no OHCHR Annotation Id to refer to it by"
    assert problems(result) == [(2, "Text", reason), (3, "Text", reason)]
    assert database_state() == before
