"""The UN report extract's own 8-bit bytes read as the characters the report prints.

The extract (2010data.csv) stores the right single quotation mark as 0xEA (and a few other
typographic characters as bytes of no code page), so read as Windows-1252 the demo showed
"womenês rights" and "Democratic Peopleês Republic of Korea".
"""

import re

import pytest

from recommendations.importing.reading import decode_text
from recommendations.models import Recommendation

from .files import run
from .shared_data import demo_file

pytestmark = pytest.mark.django_db

BELARUS_1 = {"state_iso3": "BLR", "cycle": 1}
# What cp1252 made of the extract's bytes: a letter before ê, », š, Í, ñ, î or • where a
# quotation mark, ô or à belongs.
MANGLED = re.compile(r"[A-Za-z][êÍî](?=[a-zA-Z ,;.)])|C»te|vis-š-vis|ñ[a-z]|•")


def texts():
    return list(Recommendation.objects.values_list("text", flat=True))


def test_the_demo_shows_the_texts_as_the_report_prints_them(demo):
    everything = " ".join(texts())

    assert "women’s rights" in everything
    assert "Democratic People’s Republic of Korea" in everything
    assert "Belarus’ obligations" in everything
    assert "ês " not in everything and "Peopleês" not in everything
    assert MANGLED.search(everything) is None


def test_every_report_row_of_every_state_reads_without_a_mangled_character():
    for state in ("CIV", "KEN", "GMB"):
        result = run(
            demo_file("2010data.csv"), "2010data.csv", format="un-report", state_iso3=state, cycle=1
        )
        assert result.ok, result.errors

    everything = " ".join(texts())
    assert MANGLED.search(everything) is None
    assert "Côte d’Ivoire" in everything  # 0xBB and 0xEA
    assert "vis-à-vis" in everything  # 0x9A
    assert "‘witch hunts’" in everything  # 0x95 and 0xEA


def test_the_result_names_the_reports_own_encoding():
    result = run(demo_file("2010data.csv"), "2010data.csv", format="un-report", **BELARUS_1)

    assert result.encoding == "un_report_cp1252"


def test_other_legacy_files_still_read_0xea_as_windows_1252_does():
    assert decode_text(b"t\xeate-\xe0-t\xeate\n") == "tête-à-tête\n"


def test_a_named_encoding_is_still_obeyed_for_the_report():
    result = run(
        demo_file("2010data.csv"),
        "2010data.csv",
        format="un-report",
        encoding="cp1252",
        dry_run=True,
        **BELARUS_1,
    )

    assert result.ok, result.errors
    assert result.encoding == "cp1252"
