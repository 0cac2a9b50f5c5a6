"""OHCHR's thematic list of recommendations (.docx): the real Slovenia list, and hand-made
lists in every layout OHCHR has used."""

from collections import Counter

import pytest

from recommendations.importing.thematic_list import MAIN_PART, read_thematic_list
from recommendations.importing.vocabulary import StateNames
from recommendations.models import Recommendation

from .files import database_state, problems, run
from .handmade_documents import CYCLE_3, CYCLE_4, part, thematic_list, with_part
from .shared_data import shared_data_dir

pytestmark = pytest.mark.django_db

SLOVENIA_4 = {"state_iso3": "SVN", "cycle": 4}
SOURCE = "A/HRC/46/15/Add.1 - Para."


def slovenia_list() -> bytes:
    folder = shared_data_dir() / "ohchr-thematic-lists"
    return (folder / "UPR48-Slovenia-thematic-list-of-recommendations.docx").read_bytes()


def import_list(data: bytes, filename: str = "thematic-list.docx", **options):
    return run(data, filename, **{"format": "thematic-list", **SLOVENIA_4, **options})


def snapshot() -> dict:
    recommendations = Recommendation.objects.prefetch_related(
        "recommending_states", "themes", "affected_groups", "sdg_goals", "sdg_targets"
    )
    return {
        r.reference: (
            r.text,
            r.position,
            r.position_source,
            sorted(s.iso3 for s in r.recommending_states.all()),
            sorted(t.name for t in r.themes.all()),
            sorted(g.name for g in r.affected_groups.all()),
            sorted(g.number for g in r.sdg_goals.all()),
            sorted(t.code for t in r.sdg_targets.all()),
        )
        for r in recommendations
    }


# Three recommendations, as each layout below prints them.
EXPECTED = {
    "121.7": (
        "Ratify the Optional Protocol to the Convention against Torture (Denmark) "
        "(Venezuela (Bolivarian Republic of));",
        "supported",
        SOURCE + "3",
        ["DNK", "VEN"],
        ["Acceptance of international norms", "Torture and other cruel treatment"],
        ["Persons deprived of their liberty"],
        [16],
        ["16.3"],  # a target is kept as one, with its goal
    ),
    "121.8": (
        "Adopt a law against discrimination (Spain); Train the police to apply it (Italy, France);",
        "partially_supported",
        SOURCE + "4",
        ["ESP", "FRA", "ITA"],
        ["Constitutional and legislative framework", "Equality & non-discrimination"],
        ["Law enforcement / police & prison officials", "Women & girls"],
        [5, 16],
        [],
    ),
    "121.9": (
        "Abolish the death penalty (Algeria);",
        "noted",
        SOURCE + "5",
        ["DZA"],
        ["Constitutional and legislative framework", "Death penalty"],
        [],
        [16],
        [],
    ),
}

FOURTH_CYCLE_LAYOUT = thematic_list(
    CYCLE_4,
    [
        "Theme: Acceptance of international norms",
        [
            "121.7 Ratify the Optional Protocol to the Convention against Torture (Denmark) "
            f"(Venezuela (Bolivarian Republic of));\nSource of Position: {SOURCE}3",
            "Supported",
            "- Acceptance of international norms\n- Torture and other cruel treatment\n"
            "Groups of Persons: \n- Persons deprived of their liberty",
            "- 16.3 - Promote the rule of law at the national and international levels",
        ],
        "Theme: Constitutional and legislative framework",
        [
            "121.8 Adopt a law against discrimination (Spain); Train the police to apply it "
            f"(Italy, France);\nSource of Position: {SOURCE}4",
            "Supported/Noted",
            "- Equality & non-discrimination\nGroups of Persons:\n"
            "- Law enforcement / police & prison officials\n- Women & girls",
            "- 5 - GENDER EQUALITY\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        ],
        [
            f"121.9 Abolish the death penalty (Algeria);\nSource of Position: {SOURCE}5",
            "Noted",
            "- Death penalty",
            "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        ],
    ],
)

EARLIER_LAYOUT = thematic_list(
    CYCLE_3,
    [
        "Theme: A12 Acceptance of international norms",
        [
            "121.7. Ratify the Optional Protocol to the Convention against Torture (Denmark) "
            f"(Venezuela (Bolivarian Republic of));\nSource of position: {SOURCE}3",
            "Supported",
            "A12 Acceptance of international norms\nD25 Torture and other cruel treatment\n"
            "Affected persons:\n- Persons deprived of their liberty\nSDGs:\n- 16.3",
            "",
        ],
        "Theme: A41 Constitutional and legislative framework",
        [
            "121.8. Adopt a law against discrimination (Spain); Train the police to apply it "
            f"(Italy, France);\nsource of position: {SOURCE}4",
            "Supported / Noted",
            "B31 Equality & non-discrimination\nAffected persons:\n"
            "- Law enforcement / police & prison officials\n- Women & girls\nSDGs:\n- SDG 5\n- 16",
            "The law was adopted in 2019.",
        ],
        [
            f"121.9. Abolish the death penalty (Algeria);\nSource of position: {SOURCE}5",
            "Noted",
            "D21 Death penalty\nSDGs:\n- 16",
            "",
        ],
    ],
    before=[["UPR of Slovenia (3rd Cycle – 34th session)", "Thematic list of recommendations"]],
)


@pytest.mark.parametrize("layout", [FOURTH_CYCLE_LAYOUT, EARLIER_LAYOUT], ids=["4th", "3rd"])
def test_every_layout_reads_alike(layout):
    result = import_list(layout)

    assert result.ok, result.errors
    assert result.created == 3
    assert snapshot() == EXPECTED


def test_sdg_targets_count_for_their_goal_and_are_kept_in_the_parsed_record():
    found = read_thematic_list(FOURTH_CYCLE_LAYOUT, StateNames(), errors := [])

    assert errors == []
    first = found.rows[0]
    assert (first.reference, first.sdg_goals, first.sdg_targets) == ("121.7", [16], ["16.3"])
    assert first.theme_heading == "Acceptance of international norms"


def test_a_recommending_state_column_stands_in_for_the_parentheses():
    def document(state: str) -> bytes:
        header = ["Recommendation", "Recommending State", "Position", "Themes", "Affected persons"]
        return thematic_list(
            header,
            [
                ["121.9 Abolish the death penalty;", "- Algeria\n- Côte d'Ivoire", "Noted", "", ""],
                ["121.10 Ratify the Convention (CEDAW);", state, "Supported", "", ""],
            ],
        )

    before = database_state()
    refused = import_list(document("Atlantis"))
    assert problems(refused) == [(3, "Recommending State", "'Atlantis' is not a known state")]
    assert database_state() == before

    result = import_list(document("Spain"))

    assert result.ok, result.errors
    assert snapshot()["121.9"][3] == ["CIV", "DZA"]
    assert snapshot()["121.10"][3] == ["ESP"]


def test_a_recommendation_listed_under_two_themes_is_one_with_both():
    row = ["121.9 Abolish the death penalty (Algeria);", "Noted", "- Death penalty", ""]

    result = import_list(thematic_list(CYCLE_4, ["Theme: Death penalty", row, "Theme: Life", row]))

    assert result.ok, result.errors
    assert result.created == 1
    assert snapshot()["121.9"][4] == ["Death penalty", "Life"]


def test_rows_the_reader_cannot_understand_are_errors_with_their_table_row():
    good = ["121.9 Abolish the death penalty (Algeria);", "Noted", "- Death penalty", "- 16"]
    data = thematic_list(
        CYCLE_4,
        [
            "Theme: Death penalty",
            good,
            ["The recommendations below were noted.", "", "", ""],
            ["121.10 Ratify the Convention (Atlantis);", "Supported", "", ""],
            ["121.11 Ratify the Convention;", "Supported", "", ""],
            ["121.12 Ratify the Convention (Spain);", "Maybe", "", "- 18 - SPACE"],
            ["121.9 Abolish the death penalty now (Algeria);", "Noted", "", ""],
        ],
    )
    before = database_state()

    result = import_list(data)

    recommendation, position, sdgs = CYCLE_4[0], CYCLE_4[1], CYCLE_4[3]
    assert problems(result) == [
        (
            4,
            recommendation,
            "cannot be read: a recommendation starts with its paragraph number (e.g. 140.7), "
            'a heading with "Theme:"',
        ),
        (5, recommendation, "'Atlantis' is not a known state"),
        (6, recommendation, 'names no recommending state: the text ends without "(State)"'),
        (7, position, "'Maybe' is not a known position"),
        (7, sdgs, "'18 - SPACE' is not an SDG: a goal from 1 to 17 or a target such as 16.3"),
        (
            8,
            recommendation,
            "paragraph 121.9 is also on row 3, with another text, position or recommending states",
        ),
    ]
    assert database_state() == before


def test_a_list_split_in_several_tables_is_read_whole():
    death_penalty = ["121.9 Abolish the death penalty (Algeria);", "Noted", "- Death penalty", ""]
    torture = ["121.7 Ratify the Optional Protocol (Denmark);", "Supported", "- Torture", ""]
    data = thematic_list(
        CYCLE_4,
        ["Theme: Death penalty", death_penalty],
        more=[["Theme: Torture", torture, ["Thank you.", "", "", ""]]],
    )

    refused = import_list(data)
    result = import_list(thematic_list(CYCLE_4, [death_penalty], more=[[torture]]))

    assert problems(refused) == [
        (
            4,
            CYCLE_4[0],
            "table 2 of recommendations: cannot be read: a recommendation starts with its "
            'paragraph number (e.g. 140.7), a heading with "Theme:"',
        )
    ]
    assert result.ok, result.errors
    assert sorted(snapshot()) == ["121.7", "121.9"]


def test_a_document_without_a_table_of_recommendations_is_refused():
    data = thematic_list(["Name", "Date"], [["Slovenia", "2025"]])

    result = import_list(data)

    assert problems(result) == [
        (
            None,
            None,
            "the document has no table of recommendations (a table whose first row names the "
            'columns "Recommendation" and "Position")',
        )
    ]


def test_the_state_and_the_cycle_must_be_named():
    result = run(FOURTH_CYCLE_LAYOUT, "list.docx", format="thematic-list")

    assert [e.reason for e in result.errors] == [
        "name the state under review (ISO3 code)",
        "name the UPR cycle of the review (1, 2, 3 …)",
    ]


def test_a_later_version_updates_the_changed_positions_with_history():
    import_list(FOURTH_CYCLE_LAYOUT, "first.docx")
    xml = part(FOURTH_CYCLE_LAYOUT, MAIN_PART)
    assert xml.count(b">Noted<") == 1
    later = with_part(FOURTH_CYCLE_LAYOUT, MAIN_PART, xml.replace(b">Noted<", b">Supported<"))

    result = import_list(later, "later.docx")

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    changed = Recommendation.objects.get(reference="121.9")
    assert changed.position == "supported"
    latest, previous = changed.history.all()[:2]
    assert (previous.position, latest.position) == ("noted", "supported")
    assert latest.history_change_reason == "Import of later.docx: position"


def test_the_real_slovenia_list_and_its_second_import():
    result = import_list(slovenia_list(), "UPR48-Slovenia.docx")

    assert result.ok, result.errors
    assert (result.rows_read, result.created, result.encoding) == (307, 254, "DOCX")
    positions = Counter(Recommendation.objects.values_list("position", flat=True))
    assert positions == {"supported": 217, "noted": 37}
    migrants = snapshot()["140.1"]
    assert migrants[0].startswith("Ratify the International Convention on the Protection")
    assert migrants[2] == "A/HRC/59/15/Add.1 - Para.5"
    assert migrants[3] == sorted(["DZA", "CPV", "PRY", "SSD", "LKA", "TGO", "URY", "VEN"])
    first = snapshot()["140.7"]
    assert first[4] == [
        "Economic, social & cultural rights - general measures of implementation",
        "Ratification of & accession to international instruments",
    ]
    assert (first[5], first[6]) == (["Public officials"], [1, 2, 3, 4, 5, 6, 7, 8])
    before = database_state()

    again = import_list(slovenia_list(), "UPR48-Slovenia.docx")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 254)
    assert database_state() == before
